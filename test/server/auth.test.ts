/** Accounts: sign-in, rate limit, password reset through the outbox, session ending rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp({ loginAttemptsPerMinute: 5 });
  workspaceId = (await t.make.workspace()).id;
});
afterAll(() => t.close());

function signInRaw(email: string, password: string, ip = '10.9.9.9') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_ORIGIN, 'content-type': 'application/json', 'accept-language': 'ar' },
    remoteAddress: ip,
    payload: { email, password },
  });
}

async function isSessionAlive(cookie: string): Promise<boolean> {
  const response = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
  return response.statusCode === 200;
}

describe('accounts', () => {
  it('sets an httpOnly SameSite session cookie on sign-in', async () => {
    const { email } = await t.make.member(workspaceId, 'viewer');
    const response = await signInRaw(email, TEST_PASSWORD, '10.1.1.1');
    expect(response.statusCode).toBe(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((value) => value.startsWith('tawasul.session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with a localized message', async () => {
    const { email } = await t.make.member(workspaceId, 'viewer');
    const response = await signInRaw(email, 'not-the-password', '10.1.1.2');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('INVALID_CREDENTIALS');
    expect(response.json().message).toBe('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
  });

  it('rate-limits repeated sign-in attempts from one address', async () => {
    const { email } = await t.make.member(workspaceId, 'viewer');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) statuses.push((await signInRaw(email, 'wrong-password-x', '10.2.2.2')).statusCode);
    expect(statuses.slice(0, 5).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('resets a password through the emailed link, which ends every session', async () => {
    const { email } = await t.make.member(workspaceId, 'officer');
    const session = await t.signIn(email);
    const request = await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      remoteAddress: '10.3.3.3',
      payload: { email, redirectTo: '/app/reset-password' },
    });
    expect(request.statusCode).toBe(200);
    const { rows } = await t.platform.database.executeSql('select text_body, status from mail_outbox where to_address = $1', [email]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('outbox');
    const link = /https?:\/\/\S+/.exec(String(rows[0]?.text_body))?.[0] as string;
    const token = new URL(link).pathname.split('/').at(-1) as string;
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      payload: { newPassword: 'a-brand-new-password', token },
    });
    expect(reset.statusCode).toBe(200);
    expect(await isSessionAlive(session.cookie)).toBe(false);
    expect((await signInRaw(email, 'a-brand-new-password', '10.3.3.4')).statusCode).toBe(200);
    expect((await signInRaw(email, TEST_PASSWORD, '10.3.3.5')).statusCode).toBe(401);
  });

  it('answers auth refusals as localized problem+json: a used reset link, a wrong current password, a short one', async () => {
    const { email } = await t.make.member(workspaceId, 'officer');
    const session = await t.signIn(email);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json', 'accept-language': 'fr' },
      payload: { newPassword: 'a-brand-new-password', token: 'no-such-token' },
    });
    expect(reset.statusCode).toBe(410);
    expect(reset.headers['content-type']).toContain('application/problem+json');
    expect(reset.json()).toMatchObject({ code: 'LINK_INVALID', message: expect.stringContaining('lien') });

    const wrong = await t.request(session, {
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { 'accept-language': 'ar' },
      payload: { currentPassword: 'not-my-password-at-all', newPassword: 'another-new-password' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { currentPassword: { code: 'WRONG_PASSWORD' } } });
    expect(JSON.stringify(wrong.json().fields)).toContain('كلمة المرور الحالية غير صحيحة');

    const short = await t.request(session, {
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ fields: { newPassword: { code: 'TOO_SHORT' } } });
  });

  it('signs out other sessions on request, and on password change', async () => {
    const { email } = await t.make.member(workspaceId, 'officer');
    const first = await t.signIn(email);
    const second = await t.signIn(email);
    const revoke = await t.request(first, { method: 'POST', url: '/api/auth/revoke-other-sessions', payload: {} });
    expect(revoke.statusCode).toBe(200);
    expect(await isSessionAlive(first.cookie)).toBe(true);
    expect(await isSessionAlive(second.cookie)).toBe(false);

    const third = await t.signIn(email);
    const change = await t.request(first, {
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'another-new-password', revokeOtherSessions: true },
    });
    expect(change.statusCode).toBe(200);
    expect(await isSessionAlive(third.cookie)).toBe(false);
  });

  it('keeps sign-up closed: accounts come from invitations', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      payload: { email: 'intruder@example.test', password: 'whatever-password', name: 'x' },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    const { rows } = await t.platform.database.executeSql('select id from "user" where email = \'intruder@example.test\'');
    expect(rows).toHaveLength(0);
  });
});
