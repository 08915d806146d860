/**
 * Newsletter settings: per-field validation in the user's language, the DKIM key checked, sealed in
 * the database and never answered (only its DNS record), the webhook secret rotated, every change
 * audited without secrets, and the usual permissions and cross-workspace 404s.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../../src/server/platform/secret-box.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Session;
let arabicAdmin: Session;
let officer: Session;
let contributor: Session;
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  admin = await t.signIn((await t.make.member(workspaceId, 'admin')).email);
  arabicAdmin = await t.signIn((await t.make.member(workspaceId, 'admin', 'ar')).email);
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor')).email);
});
afterAll(() => t.close());

const url = (workspace = workspaceId) => `/api/workspaces/${workspace}/newsletter/settings`;
const put = (session: Session, payload: Record<string, unknown>) => t.request(session, { method: 'PUT', url: url(), payload });

function rsaPem(bits: number): string {
  return generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

async function storedRow(): Promise<Record<string, unknown>> {
  const { rows } = await t.platform.database.executeSql('select * from newsletter_settings where workspace_id = $1', [workspaceId]);
  return rows[0] as Record<string, unknown>;
}

async function auditText(): Promise<string> {
  const { rows } = await t.platform.database.executeSql(
    "select action, before, after from audit_log where workspace_id = $1 and entity_type = 'newsletter_settings' order by id",
    [workspaceId],
  );
  return JSON.stringify(rows);
}

describe('newsletter settings', () => {
  it('answers the defaults before anything is saved: tracking off, no DKIM, no webhook', async () => {
    const response = await t.request(admin, { method: 'GET', url: url() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      messagesPerSecond: 10,
      smtpConnections: 3,
      windowMessages: 0,
      windowHours: 24,
      trackOpens: false,
      trackClicks: false,
      dkimConfigured: false,
      dkimDnsValue: null,
      bounceWebhookUrl: null,
      updatedAt: null,
    });
  });

  it('refuses out-of-range and malformed values field by field, in the user’s language', async () => {
    const response = await put(arabicAdmin, {
      fromAddress: 'pas une adresse',
      replyTo: 'x@',
      messagesPerSecond: 0,
      smtpConnections: 21,
      windowMessages: 1_000_001,
      windowHours: 169,
      dkimDomain: 'not a domain',
      dkimSelector: '-bad-',
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().fields as Record<string, { code: string; message: string }>;
    expect(Object.fromEntries(Object.entries(fields).map(([path, field]) => [path, field.code]))).toEqual({
      fromAddress: 'INVALID_EMAIL',
      replyTo: 'INVALID_EMAIL',
      messagesPerSecond: 'NUMBER_OUT_OF_RANGE',
      smtpConnections: 'NUMBER_OUT_OF_RANGE',
      windowMessages: 'NUMBER_OUT_OF_RANGE',
      windowHours: 'NUMBER_OUT_OF_RANGE',
      dkimDomain: 'INVALID_DOMAIN',
      dkimSelector: 'INVALID_DKIM_SELECTOR',
    });
    expect(fields.messagesPerSecond?.message).toBe('العدد خارج الحدود المسموح بها.');
    const french = await put(admin, { messagesPerSecond: 1.5 });
    expect(french.json().fields.messagesPerSecond.message).toBe('Nombre hors des limites permises.');
    expect(await storedRow()).toBeUndefined();
  });

  it('saves the sender, throttling and tracking switches, keeping omitted fields, and audits the change', async () => {
    const saved = await put(admin, {
      fromName: 'AlterMed — ICOSI',
      fromAddress: 'lettre@altermed.example',
      replyTo: 'contact@altermed.example',
      postalAddress: '12 rue de la Paix, Tunis',
      messagesPerSecond: 500,
      smtpConnections: 20,
      windowMessages: 2000,
      windowHours: 24,
      trackOpens: true,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      fromName: 'AlterMed — ICOSI',
      messagesPerSecond: 500,
      windowMessages: 2000,
      trackOpens: true,
      trackClicks: false,
    });
    const partial = await put(admin, { trackClicks: true, replyTo: '' });
    expect(partial.json()).toMatchObject({ fromAddress: 'lettre@altermed.example', trackOpens: true, trackClicks: true, replyTo: null });
    expect(await auditText()).toContain('"trackClicks":true');
  });

  it('checks a pasted DKIM key, seals it, never answers it, and gives the DNS record computed from it', async () => {
    const pem = rsaPem(2048);
    const response = await put(admin, { dkimDomain: 'AlterMed.example', dkimSelector: 'tawasul', dkimPrivateKey: pem });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.dkimConfigured).toBe(true);
    expect(body.dkimDnsName).toBe('tawasul._domainkey.altermed.example');
    const publicKey = createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('base64');
    expect(body.dkimDnsValue).toBe(`v=DKIM1; k=rsa; p=${publicKey}`);
    expect(JSON.stringify(body)).not.toContain('PRIVATE KEY');
    expect(JSON.stringify((await t.request(officer, { method: 'GET', url: url() })).json())).not.toContain('PRIVATE KEY');

    const sealed = String((await storedRow()).dkim_private_key_encrypted);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealed).not.toContain(pem.split('\n')[1]);
    expect(openSecret(t.platform.config.secretKey, 'newsletter.dkim', sealed)).toBe(pem);
    const audit = await auditText();
    expect(audit).not.toContain('PRIVATE KEY');
    expect(audit).not.toContain(sealed);
    expect(audit).toContain('"dkimKeyChanged":true');
  });

  it('refuses a key that is not an unencrypted RSA key of 1024 bits or more, and a key without domain', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const encrypted = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    for (const key of ['-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----', ec, encrypted, rsaPem(512)]) {
      const response = await put(arabicAdmin, { dkimPrivateKey: key });
      expect(response.statusCode).toBe(400);
      expect(response.json().fields.dkimPrivateKey.code).toBe('DKIM_KEY_INVALID');
      expect(response.json().fields.dkimPrivateKey.message).toMatch(/[\u0600-\u06FF]/);
    }
    const withoutDomain = await put(admin, { dkimDomain: null, dkimSelector: 'tawasul' });
    expect(withoutDomain.statusCode).toBe(400);
    expect(withoutDomain.json().fields.dkimDomain.code).toBe('DKIM_DOMAIN_REQUIRED');
    expect((await t.request(admin, { method: 'GET', url: url() })).json().dkimDomain).toBe('altermed.example');
  });

  it('generates a key pair on request and removes the key when asked', async () => {
    const before = String((await storedRow()).dkim_private_key_encrypted);
    const generated = await t.request(admin, { method: 'POST', url: `${url()}/dkim-key`, payload: {} });
    expect(generated.statusCode).toBe(200);
    expect(generated.json().dkimDnsValue).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    expect(String((await storedRow()).dkim_private_key_encrypted)).not.toBe(before);
    const removed = await put(admin, { dkimPrivateKey: null });
    expect(removed.json()).toMatchObject({ dkimConfigured: false, dkimDnsValue: null, dkimDomain: 'altermed.example' });
    expect((await storedRow()).dkim_private_key_encrypted).toBeNull();
  });

  it('creates and rotates the bounce webhook secret, shown only to those who manage the settings', async () => {
    const first = (await t.request(admin, { method: 'POST', url: `${url()}/bounce-webhook`, payload: {} })).json();
    expect(first.bounceWebhookUrl).toMatch(new RegExp(`^http://tawasul\\.test/n/bounces/${workspaceId}/[A-Za-z0-9_-]{32}$`));
    const second = (await t.request(admin, { method: 'POST', url: `${url()}/bounce-webhook`, payload: {} })).json();
    expect(second.bounceWebhookUrl).not.toBe(first.bounceWebhookUrl);
    const oldSecret = String(first.bounceWebhookUrl).split('/').at(-1) as string;
    expect(await auditText()).not.toContain(oldSecret);
    const old = await t.app.inject({
      method: 'POST',
      url: new URL(first.bounceWebhookUrl).pathname,
      payload: { email: 'a@b.example', type: 'hard' },
    });
    expect(old.statusCode).toBe(404);
    expect((await t.request(officer, { method: 'GET', url: url() })).json().bounceWebhookUrl).toBeNull();
  });

  it('lets officers read but not change; others get 403, other workspaces 404', async () => {
    expect((await t.request(officer, { method: 'GET', url: url() })).statusCode).toBe(200);
    expect((await put(officer, { trackOpens: false })).statusCode).toBe(403);
    expect((await t.request(officer, { method: 'POST', url: `${url()}/dkim-key`, payload: {} })).statusCode).toBe(403);
    expect((await t.request(contributor, { method: 'GET', url: url() })).statusCode).toBe(403);
    expect((await t.request(admin, { method: 'GET', url: url(otherWorkspaceId) })).statusCode).toBe(404);
    expect((await t.request(admin, { method: 'PUT', url: url(otherWorkspaceId), payload: { trackOpens: true } })).statusCode).toBe(404);
    expect((await t.request(undefined, { method: 'GET', url: url() })).statusCode).toBe(401);
  });
});
