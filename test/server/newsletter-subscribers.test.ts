/**
 * Subscribers and lists as officers manage them: add by hand with consent, search (folded Arabic and
 * accents), filters, keyset pages, edit keeping identity, duplicates, list memberships, counts,
 * unsubscribe, erasure with its trace, permissions and cross-workspace ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localized } from '../../src/shared/localized-text.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let viewer: Session;
let foreignOfficer: Session;
let workspaceId: string;
let otherWorkspaceId: string;
let letterId: string;
let partnersId: string;
let foreignListId: string;

const api = (path = '') => `/api/workspaces/${workspaceId}/newsletter${path}`;

async function makeList(session: Session, workspace: string, body: Record<string, unknown>): Promise<string> {
  const response = await t.request(session, { method: 'POST', url: `/api/workspaces/${workspace}/newsletter/lists`, payload: body });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function add(body: Record<string, unknown>) {
  return t.request(officer, {
    method: 'POST',
    url: api('/subscribers'),
    payload: { languages: ['fr'], consentText: 'Fiche signée au forum de Sfax', ...body },
  });
}

async function countRows(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await t.platform.database.executeSql(sql, params);
  return Number((rows[0] as { count: string | number }).count);
}

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  foreignOfficer = await t.signIn((await t.make.member(otherWorkspaceId, 'officer')).email);
  letterId = await makeList(officer, workspaceId, {
    name: localized({ fr: 'Lettre AlterMed', ar: 'رسالة ألترميد' }),
    visibility: 'public',
    optIn: 'double',
  });
  partnersId = await makeList(officer, workspaceId, { name: localized({ fr: 'Partenaires' }), visibility: 'private', optIn: 'single' });
  foreignListId = await makeList(foreignOfficer, otherWorkspaceId, { name: localized({ fr: 'Autre' }) });
});
afterAll(() => t.close());

describe('subscribers', () => {
  it('adds a person by hand, confirmed on the chosen lists, with the officer’s consent text on record and an audit entry', async () => {
    const created = await add({
      email: '  Fatima.Zahra@Example.ORG ',
      name: 'فاطمة الزهراء بنّاني',
      languages: ['ar', 'fr'],
      country: 'MA',
      tags: ['forum-sfax', 'forum-sfax'],
      listIds: [letterId],
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ email: 'Fatima.Zahra@Example.ORG', status: 'active', languages: ['ar', 'fr'], tags: ['forum-sfax'] });
    expect(body.memberships).toEqual([expect.objectContaining({ listId: letterId, status: 'confirmed' })]);
    expect(body.consents).toEqual([
      expect.objectContaining({ action: 'subscribe', source: 'manual', consentText: 'Fiche signée au forum de Sfax', listId: letterId }),
    ]);
    expect(body.consents[0].actorName).toBe('Test officer');
    const audit = await t.platform.database.executeSql(
      `select action, after::text as after from audit_log where entity_type = 'subscriber' and entity_id = $1`,
      [body.id],
    );
    expect(audit.rows).toHaveLength(1);
    // The log says what happened without copying personal data.
    expect(String(audit.rows[0]?.after)).not.toContain('example.org');
  });

  it('refuses a duplicate address (whatever its case) on the email field, and an add without consent text', async () => {
    const duplicate = await add({ email: 'fatima.zahra@example.org' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'ALREADY_EXISTS', fields: { email: { code: 'ALREADY_USED' } } });
    const noConsent = await add({ email: 'new@example.org', consentText: ' ' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().fields.consentText.code).toBe('REQUIRED');
    const foreignList = await add({ email: 'new@example.org', listIds: [foreignListId] });
    expect(foreignList.statusCode).toBe(400);
    expect(foreignList.json().fields.listIds.code).toBe('UNKNOWN_LIST');
  });

  it('searches names and addresses with Arabic letter variants and accents folded, and filters', async () => {
    await add({ email: 'elodie@example.fr', name: 'Élodie Martin', country: 'FR', tags: ['presse'] });
    await add({ email: 'karim@example.dz', name: 'كريم حدّاد', languages: ['ar'], country: 'DZ', listIds: [partnersId] });
    const search = async (query: string) =>
      (await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?${query}` }))
        .json()
        .items.map((item: { email: string }) => item.email);
    // Typed without the shadda and with a plain alef, as people type.
    expect(await search(`q=${encodeURIComponent('فاطمه الزهراء بناني')}`)).toEqual(['Fatima.Zahra@Example.ORG']);
    expect(await search('q=elodie')).toEqual(['elodie@example.fr']);
    expect(await search('q=EXAMPLE.DZ')).toEqual(['karim@example.dz']);
    expect(await search('country=FR')).toEqual(['elodie@example.fr']);
    expect(await search('tag=presse')).toEqual(['elodie@example.fr']);
    expect(await search('language=ar')).toEqual(['Fatima.Zahra@Example.ORG', 'karim@example.dz']);
    expect(await search(`listId=${partnersId}`)).toEqual(['karim@example.dz']);
    expect(await search('status=unsubscribed')).toEqual([]);
    // A row written without its search column (a bulk import) is still found by address.
    await t.platform.database.executeSql(
      `insert into subscriber (workspace_id, email, email_normalized, name) values ($1, 'Bulk@Example.tn', 'bulk@example.tn', 'Imported')`,
      [workspaceId],
    );
    expect(await search('q=bulk@')).toEqual(['Bulk@Example.tn']);
    await t.platform.database.executeSql(`delete from subscriber where email_normalized = 'bulk@example.tn'`, []);
  });

  it('pages by keyset in address order with a capped total', async () => {
    const first = (await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?limit=2` })).json();
    expect(first.total).toBe(3);
    expect(first.isTotalCapped).toBe(false);
    expect(first.items).toHaveLength(2);
    const second = (
      await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?limit=2&cursor=${encodeURIComponent(first.nextCursor)}` })
    ).json();
    expect(second.nextCursor).toBeNull();
    const emails = [...first.items, ...second.items].map((item: { email: string }) => item.email.toLowerCase());
    expect(emails).toEqual(['elodie@example.fr', 'fatima.zahra@example.org', 'karim@example.dz']);
    const bad = await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?cursor=nonsense` });
    expect(bad.statusCode).toBe(400);
  });

  it('changes an address keeping the same person, and refuses one another subscriber has', async () => {
    const karim = (await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?q=karim` })).json().items[0];
    const changed = await t.request(officer, {
      method: 'PATCH',
      url: api(`/subscribers/${karim.id}`),
      payload: { email: 'Karim.Haddad@Example.dz', tags: ['partenaire'] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: karim.id, email: 'Karim.Haddad@Example.dz', tags: ['partenaire'] });
    expect(changed.json().memberships).toHaveLength(1);
    const found = (await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?q=haddad` })).json().items;
    expect(found.map((item: { id: string }) => item.id)).toEqual([karim.id]);
    const taken = await t.request(officer, {
      method: 'PATCH',
      url: api(`/subscribers/${karim.id}`),
      payload: { email: 'ELODIE@example.fr' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields.email.code).toBe('ALREADY_USED');
  });

  it('adds to and removes from a list, counting each list in one grouped answer', async () => {
    const elodie = (await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?q=elodie` })).json().items[0];
    const joined = await t.request(officer, {
      method: 'PUT',
      url: api(`/subscribers/${elodie.id}/lists/${partnersId}`),
      payload: { consentText: 'Accord par courriel du 3 mars' },
    });
    expect(joined.statusCode).toBe(200);
    let lists = (await t.request(officer, { method: 'GET', url: api('/lists') })).json().items;
    expect(lists.find((list: { id: string }) => list.id === partnersId).counts).toEqual({
      confirmed: 2,
      unconfirmed: 0,
      unsubscribed: 0,
      bounced: 0,
    });
    const left = await t.request(officer, { method: 'DELETE', url: api(`/subscribers/${elodie.id}/lists/${partnersId}`) });
    expect(left.json().memberships[0]).toMatchObject({ listId: partnersId, status: 'unsubscribed' });
    expect(left.json().status).toBe('active');
    lists = (await t.request(officer, { method: 'GET', url: api('/lists') })).json().items;
    expect(lists.find((list: { id: string }) => list.id === partnersId).counts).toEqual({
      confirmed: 1,
      unconfirmed: 0,
      unsubscribed: 1,
      bounced: 0,
    });
  });

  it('unsubscribes by hand once (a second time changes nothing), and will not put the person back on a list', async () => {
    const fatima = (await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?q=fatima` })).json().items[0];
    const first = await t.request(officer, { method: 'POST', url: api(`/subscribers/${fatima.id}/unsubscribe`) });
    expect(first.json()).toMatchObject({ status: 'unsubscribed' });
    expect(first.json().memberships[0].status).toBe('unsubscribed');
    await t.request(officer, { method: 'POST', url: api(`/subscribers/${fatima.id}/unsubscribe`) });
    const records = await countRows(`select count(*) from consent_record where subscriber_id = $1 and action = 'unsubscribe'`, [fatima.id]);
    expect(records).toBe(1);
    const back = await t.request(officer, {
      method: 'PUT',
      url: api(`/subscribers/${fatima.id}/lists/${letterId}`),
      payload: { consentText: 'Elle a redemandé par téléphone' },
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().fields.status.code).toBe('SUBSCRIBER_NOT_ACTIVE');
  });

  it('erases a person on request, keeping only a hash that stops a manual re-add', async () => {
    const elodie = (await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?q=elodie` })).json().items[0];
    const erased = await t.request(officer, { method: 'DELETE', url: api(`/subscribers/${elodie.id}`) });
    expect(erased.statusCode).toBe(204);
    expect(await countRows('select count(*) from subscriber where id = $1', [elodie.id])).toBe(0);
    expect(await countRows('select count(*) from consent_record where subscriber_id = $1', [elodie.id])).toBe(0);
    const traces = await t.platform.database.executeSql('select email_hash from newsletter_suppression where workspace_id = $1', [
      workspaceId,
    ]);
    expect(traces.rows).toHaveLength(1);
    expect(String(traces.rows[0]?.email_hash)).toMatch(/^[0-9a-f]{64}$/);
    const again = await add({ email: 'Elodie@Example.fr' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields.email.code).toBe('EMAIL_SUPPRESSED');
    expect((await t.request(officer, { method: 'GET', url: api(`/subscribers/${elodie.id}`) })).statusCode).toBe(404);
  });

  it('keeps subscribers from viewers, and another workspace’s ids out of reach', async () => {
    expect((await t.request(viewer, { method: 'GET', url: api('/subscribers') })).statusCode).toBe(403);
    expect((await t.request(viewer, { method: 'GET', url: api('/lists') })).statusCode).toBe(403);
    const karim = (await t.request(officer, { method: 'GET', url: `${api('/subscribers')}?q=karim` })).json().items[0];
    const foreignBase = `/api/workspaces/${otherWorkspaceId}/newsletter`;
    expect((await t.request(foreignOfficer, { method: 'GET', url: `${foreignBase}/subscribers/${karim.id}` })).statusCode).toBe(404);
    expect((await t.request(foreignOfficer, { method: 'DELETE', url: `${foreignBase}/subscribers/${karim.id}` })).statusCode).toBe(404);
    expect((await t.request(foreignOfficer, { method: 'PATCH', url: `${foreignBase}/lists/${letterId}`, payload: {} })).statusCode).toBe(
      404,
    );
    expect((await t.request(officer, { method: 'GET', url: `${foreignBase}/subscribers` })).statusCode).toBe(404);
    const foreignMembership = await t.request(officer, {
      method: 'PUT',
      url: api(`/subscribers/${karim.id}/lists/${foreignListId}`),
      payload: { consentText: 'x' },
    });
    expect(foreignMembership.statusCode).toBe(404);
  });
});

describe('mailing lists', () => {
  it('edits, archives and restores a list; deletes only one nobody was on', async () => {
    const renamed = await t.request(officer, {
      method: 'PATCH',
      url: api(`/lists/${letterId}`),
      payload: { name: localized({ fr: 'La lettre', ar: 'الرسالة' }), optIn: 'single' },
    });
    expect(renamed.json()).toMatchObject({ optIn: 'single', name: { fr: { value: 'La lettre' } } });
    const archived = await t.request(officer, { method: 'POST', url: api(`/lists/${letterId}/archive`) });
    expect(archived.json().isArchived).toBe(true);
    const active = (await t.request(officer, { method: 'GET', url: api('/lists') })).json().items.map((list: { id: string }) => list.id);
    expect(active).not.toContain(letterId);
    const all = (await t.request(officer, { method: 'GET', url: `${api('/lists')}?archived=all` })).json().items;
    expect(all.map((list: { id: string }) => list.id)).toContain(letterId);
    expect((await t.request(officer, { method: 'POST', url: api(`/lists/${letterId}/restore`) })).json().isArchived).toBe(false);
    const used = await t.request(officer, { method: 'DELETE', url: api(`/lists/${letterId}`) });
    expect(used.statusCode).toBe(409);
    const empty = await makeList(officer, workspaceId, { name: localized({ fr: 'Vide' }) });
    expect((await t.request(officer, { method: 'DELETE', url: api(`/lists/${empty}`) })).statusCode).toBe(204);
    const audits = await countRows(`select count(*) from audit_log where entity_type = 'mailing_list' and entity_id = $1`, [letterId]);
    expect(audits).toBe(4);
  });
});
