/** Workspaces: the signed-in user's view, settings, members and the invitation flow. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_ORIGIN, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  admin = await t.signIn((await t.make.member(workspaceId, 'admin')).email);
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
});
afterAll(() => t.close());

describe('workspaces', () => {
  it('shows the user their workspaces, role and CSRF token', async () => {
    const me = (await t.request(officer, { method: 'GET', url: '/api/me' })).json();
    expect(me.workspaces).toHaveLength(1);
    expect(me.workspaces[0].role).toBe('officer');
    expect(me.workspaces[0].contentLanguages).toEqual(['ar', 'fr']);
    expect(me.csrfToken).toBe(officer.csrfToken);
  });

  it('remembers the chosen interface language and answers errors in it', async () => {
    expect((await t.request(officer, { method: 'PATCH', url: '/api/me', payload: { locale: 'ar' } })).statusCode).toBe(204);
    const refused = await t.request(officer, { method: 'PATCH', url: `/api/workspaces/${workspaceId}`, payload: { arabicDigits: 'arab' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('دورك لا يسمح بهذا الإجراء.');
  });

  it('lets an admin change the digits and languages, audited', async () => {
    const response = await t.request(admin, {
      method: 'PATCH',
      url: `/api/workspaces/${workspaceId}`,
      payload: { arabicDigits: 'arab', brandColor: '#123abc' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().arabicDigits).toBe('arab');
    const { rows } = await t.platform.database.executeSql(
      "select before, after from audit_log where entity_type = 'workspace' and entity_id = $1",
      [workspaceId],
    );
    expect((rows[0] as { before: { brandColor: string } }).before.brandColor).toBe('#0f766e');
    expect((rows[0] as { after: { brandColor: string } }).after.brandColor).toBe('#123abc');
  });

  it('lets an admin choose the holiday countries and the time zone, and refuses an unknown zone', async () => {
    const url = `/api/workspaces/${workspaceId}`;
    const saved = await t.request(admin, { method: 'PATCH', url, payload: { holidayCountries: ['DZ', 'TN'], timeZone: 'Africa/Algiers' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ holidayCountries: ['DZ', 'TN'], timeZone: 'Africa/Algiers' });
    const refused = await t.request(admin, { method: 'PATCH', url, payload: { timeZone: 'Mars/Olympus_Mons' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.timeZone.code).toBe('INVALID_VALUE');
    expect((await t.request(admin, { method: 'PATCH', url, payload: { holidayCountries: ['XX'] } })).statusCode).toBe(400);
  });

  it('applies a role change and a removal to the very next request', async () => {
    const member = await t.make.member(workspaceId, 'officer');
    const session = await t.signIn(member.email);
    const url = `/api/workspaces/${workspaceId}/organisations`;
    const payload = { name: { fr: { value: 'Réseau test', status: 'draft' } }, country: 'MA', type: 'association' };
    expect((await t.request(session, { method: 'GET', url })).statusCode).toBe(200);
    expect(
      (
        await t.request(admin, {
          method: 'PATCH',
          url: `/api/workspaces/${workspaceId}/members/${member.userId}`,
          payload: { role: 'viewer' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await t.request(session, { method: 'POST', url, payload })).statusCode).toBe(403);
    await t.request(admin, { method: 'DELETE', url: `/api/workspaces/${workspaceId}/members/${member.userId}` });
    expect((await t.request(session, { method: 'GET', url })).statusCode).toBe(404);
  });

  it('never lets the last admin be demoted', async () => {
    const response = await t.request(admin, {
      method: 'PATCH',
      url: `/api/workspaces/${workspaceId}/members/${admin.userId}`,
      payload: { role: 'viewer' },
    });
    expect(response.statusCode).toBe(409);
  });

  it('invites by email link: the mail holds the link in French and Arabic, and the link works once', async () => {
    const created = await t.request(admin, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/invitations`,
      payload: { email: 'Nour@Example.test', role: 'contributor' },
    });
    expect(created.statusCode).toBe(201);
    const { url } = created.json() as { url: string };
    const { rows } = await t.platform.database.executeSql('select subject, text_body from mail_outbox where to_address = $1', [
      'nour@example.test',
    ]);
    expect(String(rows[0]?.text_body)).toContain(url);
    expect(String(rows[0]?.text_body)).toContain('vous invite');
    expect(String(rows[0]?.text_body)).toContain('يدعوك');
    expect(String(rows[0]?.text_body)).toContain('لمدة 7 أيام');

    const token = url.split('/').at(-1) as string;
    const preview = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.json()).toMatchObject({ email: 'nour@example.test', role: 'contributor', hasAccount: false });

    const accept = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/invitations/${token}/accept`,
        headers: { origin: TEST_ORIGIN },
        payload: { name: 'نور', password: 'nour-password-2026', locale: 'ar' },
      });
    expect((await accept()).statusCode).toBe(200);
    const again = await accept();
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('INVITATION_INVALID');

    const nour = await t.signIn('nour@example.test', 'nour-password-2026');
    const me = (await t.request(nour, { method: 'GET', url: '/api/me' })).json();
    expect(me.user.locale).toBe('ar');
    expect(me.workspaces[0].role).toBe('contributor');
  });

  it('asks an existing account for its own password before joining it to the workspace', async () => {
    const elsewhere = await t.make.member((await t.make.workspace()).id, 'viewer');
    const created = await t.request(admin, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/invitations`,
      payload: { email: elsewhere.email, role: 'reviewer' },
    });
    const token = (created.json() as { url: string }).url.split('/').at(-1) as string;
    const accept = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/invitations/${token}/accept`,
        headers: { origin: TEST_ORIGIN },
        payload: { name: 'Quelqu’un', password },
      });
    const refused = await accept('not-the-password-of-it');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('INVALID_CREDENTIALS');
    const memberships = () =>
      t.platform.database.executeSql('select role from membership where workspace_id = $1 and user_id = $2', [
        workspaceId,
        elsewhere.userId,
      ]);
    expect((await memberships()).rows).toEqual([]);
    expect((await accept(TEST_PASSWORD)).statusCode).toBe(200);
    expect((await memberships()).rows).toEqual([{ role: 'reviewer' }]);
  });

  it('accepts a double-clicked invitation once: one account, one membership, the other click refused', async () => {
    const created = await t.request(admin, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/invitations`,
      payload: { email: 'double@example.test', role: 'viewer' },
    });
    const token = (created.json() as { url: string }).url.split('/').at(-1) as string;
    const accept = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/invitations/${token}/accept`,
        headers: { origin: TEST_ORIGIN },
        payload: { name: 'Double', password: 'double-password-2026' },
      });
    const statuses = (await Promise.all([accept(), accept()])).map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 410]);
    const { rows } = await t.platform.database.executeSql(
      `select count(*)::int as total from membership m join "user" u on u.id = m.user_id where u.email = 'double@example.test'`,
    );
    expect(rows[0]).toEqual({ total: 1 });
  });

  it('refuses to invite someone who is already a member', async () => {
    const me = (await t.request(officer, { method: 'GET', url: '/api/me' })).json();
    const response = await t.request(admin, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/invitations`,
      payload: { email: me.user.email, role: 'viewer' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().fields.email.code).toBe('ALREADY_USED');
  });
});

describe('people', () => {
  it('links a person to an organisation of the workspace only, and detects concurrent edits', async () => {
    const other = await t.make.workspace();
    const foreign = await t.make.organisation(other.id);
    const refused = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/people`,
      payload: { name: { fr: { value: 'Karim', status: 'draft' } }, organisationId: foreign.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.organisationId.code).toBe('UNKNOWN_ORGANISATION');

    const own = await t.make.organisation(workspaceId);
    const created = (
      await t.request(officer, {
        method: 'POST',
        url: `/api/workspaces/${workspaceId}/people`,
        payload: {
          name: { ar: { value: 'كريم', status: 'draft' }, fr: { value: 'Karim', status: 'draft' } },
          organisationId: own.id,
          languages: ['ar', 'fr'],
        },
      })
    ).json();
    const first = await t.request(officer, {
      method: 'PATCH',
      url: `/api/workspaces/${workspaceId}/people/${created.id}`,
      payload: { phone: '+216 71 000 000', expectedUpdatedAt: created.updatedAt },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.request(officer, {
      method: 'PATCH',
      url: `/api/workspaces/${workspaceId}/people/${created.id}`,
      payload: { phone: '+216 71 111 111', expectedUpdatedAt: created.updatedAt },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    const organisation = (
      await t.request(officer, { method: 'GET', url: `/api/workspaces/${workspaceId}/organisations/${own.id}` })
    ).json();
    expect(organisation.peopleCount).toBe(1);
  });
});
