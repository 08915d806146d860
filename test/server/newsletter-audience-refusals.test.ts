/**
 * The audience's business rules refuse with `REFUSED_BY_RULE` (not CONFLICT, which tells people to
 * reload), a reason in the requester's language inside the message, and the field code for the form:
 * putting an unsubscribed person back on a list by hand, re-adding an address erased on request,
 * deleting a list people were on, deleting a segment an unsent issue uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translatorFor } from '../../src/server/platform/i18n.js';
import { localized } from '../../src/shared/localized-text.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let arabicOfficer: Session;
let workspaceId: string;
let listId: string;

const api = (path = '') => `/api/workspaces/${workspaceId}/newsletter${path}`;

/** The refusal's sentence as each reader's catalog words it. */
const refusal = (locale: 'fr' | 'ar', code: string) =>
  translatorFor(locale)('errors.REFUSED_BY_RULE', { reason: translatorFor(locale)(`fieldErrors.${code}`) });

interface Problem {
  code: string;
  message: string;
  params: Record<string, unknown>;
  fields: Record<string, { code: string }>;
}

function expectRefused(response: { statusCode: number; json(): unknown }, field: string, code: string, locale: 'fr' | 'ar') {
  expect(response.statusCode).toBe(409);
  const body = response.json() as Problem;
  expect(body.code).toBe('REFUSED_BY_RULE');
  expect(body.fields[field]?.code).toBe(code);
  expect(body.message).toBe(refusal(locale, code));
  // The params carry the key and its words, so a client wording the message itself says the same.
  expect(body.params).toEqual({ reasonKey: `fieldErrors.${code}`, reason: translatorFor(locale)(`fieldErrors.${code}`) });
}

async function addSubscriber(email: string) {
  const response = await t.request(officer, {
    method: 'POST',
    url: api('/subscribers'),
    payload: { email, languages: ['fr'], listIds: [listId], consentText: 'Fiche signée au forum de Sfax' },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer', 'fr')).email);
  arabicOfficer = await t.signIn((await t.make.member(workspaceId, 'officer', 'ar')).email);
  const list = await t.request(officer, {
    method: 'POST',
    url: api('/lists'),
    payload: { name: localized({ fr: 'Lettre AlterMed', ar: 'رسالة ألترميد' }), visibility: 'public', optIn: 'double' },
  });
  listId = list.json().id;
});
afterAll(() => t.close());

describe('audience refusals', () => {
  it('will not put an unsubscribed person back on a list by hand, and says why in French and in Arabic', async () => {
    const id = await addSubscriber('salma@example.org');
    expect((await t.request(officer, { method: 'POST', url: api(`/subscribers/${id}/unsubscribe`) })).statusCode).toBe(200);
    const put = (session: Session) =>
      t.request(session, { method: 'PUT', url: api(`/subscribers/${id}/lists/${listId}`), payload: { consentText: 'Au téléphone' } });
    expectRefused(await put(officer), 'status', 'SUBSCRIBER_NOT_ACTIVE', 'fr');
    expectRefused(await put(arabicOfficer), 'status', 'SUBSCRIBER_NOT_ACTIVE', 'ar');
    expect(refusal('ar', 'SUBSCRIBER_NOT_ACTIVE')).toMatch(/^رُفض الإجراء: ألغى هذا الشخص اشتراكه/);
  });

  it('will not re-add an address erased on request', async () => {
    const id = await addSubscriber('elodie@example.fr');
    expect((await t.request(officer, { method: 'DELETE', url: api(`/subscribers/${id}`) })).statusCode).toBe(204);
    const again = await t.request(arabicOfficer, {
      method: 'POST',
      url: api('/subscribers'),
      payload: { email: 'Elodie@Example.fr', languages: ['fr'], consentText: 'Fiche' },
    });
    expectRefused(again, 'email', 'EMAIL_SUPPRESSED', 'ar');
  });

  it('will not delete a list people were on, nor a segment an unsent issue uses', async () => {
    expectRefused(await t.request(officer, { method: 'DELETE', url: api(`/lists/${listId}`) }), 'list', 'LIST_HAS_SUBSCRIBERS', 'fr');
    const segment = await t.request(officer, {
      method: 'POST',
      url: api('/segments'),
      payload: { name: localized({ fr: 'Presse' }), filter: { match: 'all', conditions: [{ field: 'tag', op: 'has', value: 'presse' }] } },
    });
    await t.platform.database.executeSql(
      `insert into newsletter_issue (workspace_id, subject, segment_id, status) values ($1, '{}'::jsonb, $2, 'draft')`,
      [workspaceId, segment.json().id],
    );
    const refused = await t.request(arabicOfficer, { method: 'DELETE', url: api(`/segments/${segment.json().id}`) });
    expectRefused(refused, 'segment', 'SEGMENT_IN_USE', 'ar');
  });
});
