/** Bad input gets a clear localized error and writes nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp({}, { UPLOAD_MAX_MB: '0.05' });
  workspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
});
afterAll(() => t.close());

async function countRows(table: string): Promise<number> {
  const { rows } = await t.platform.database.executeSql(`select count(*)::int as n from ${table}`);
  return Number(rows[0]?.n);
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function multipart(fileName: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----tawasul-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('bad input', () => {
  const url = () => `/api/workspaces/${workspaceId}/organisations`;

  it('refuses malformed JSON', async () => {
    const before = await countRows('organisation');
    const response = await t.request(officer, {
      method: 'POST',
      url: url(),
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_JSON');
    expect(await countRows('organisation')).toBe(before);
  });

  it('refuses an oversized payload', async () => {
    const huge = { name: { fr: { value: 'x'.repeat(2 * 1024 * 1024), status: 'draft' } }, country: 'FR', type: 'company' };
    const response = await t.request(officer, { method: 'POST', url: url(), payload: huge });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a wrong content type', async () => {
    const response = await t.request(officer, { method: 'POST', url: url(), headers: { 'content-type': 'text/xml' }, payload: '<org/>' });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names unknown fields', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: url(),
      payload: { name: { fr: { value: 'A', status: 'draft' } }, country: 'FR', type: 'company', isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.isAdmin.code).toBe('UNKNOWN_FIELD');
  });

  it('refuses a text longer than the limit in one language', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: `${url()}?lang=fr`,
      payload: { name: { ar: { value: 'ب'.repeat(201), status: 'draft' } }, country: 'MA', type: 'company' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields['name.ar.value']).toEqual({ code: 'TOO_LONG', message: 'Texte trop long.' });
  });

  it('reports a duplicate email on the email field, in the requester language', async () => {
    const person = { name: { fr: { value: 'Leïla', status: 'draft' } }, email: 'leila@example.test' };
    const first = await t.request(officer, { method: 'POST', url: `/api/workspaces/${workspaceId}/people`, payload: person });
    expect(first.statusCode).toBe(201);
    const before = await countRows('person');
    const second = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/people?lang=ar`,
      payload: { ...person, email: ' LEILA@example.test ' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().fields.email.code).toBe('ALREADY_USED');
    expect(second.json().fields.email.message).toBe('مستخدم بالفعل.');
    expect(await countRows('person')).toBe(before);
  });

  it('refuses an upload whose bytes do not match its extension, and stores nothing', async () => {
    const before = await countRows('file');
    const response = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/files`,
      ...multipart('photo.jpg', PNG, 'image/jpeg'),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('FILE_TYPE_MISMATCH');
    expect(response.json().message).toContain('photo.jpg');
    expect(await countRows('file')).toBe(before);
  });

  it('refuses an executable renamed as an image', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/files`,
      ...multipart('logo.png', Buffer.from('MZ\x90\x00 this is not an image')),
    });
    expect(response.statusCode).toBe(415);
  });

  it('accepts a real PNG and serves it back with its sniffed type', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/files`,
      ...multipart('logo.png', PNG),
    });
    expect(response.statusCode).toBe(201);
    const file = await t.request(officer, { method: 'GET', url: `/api/workspaces/${workspaceId}/files/${response.json().id}` });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses an upload over the size limit', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(80 * 1024)]);
    const response = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/files`,
      ...multipart('big.png', big),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('FILE_TOO_LARGE');
  });

  it('refuses a logo that belongs to no file of the workspace', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: url(),
      payload: {
        name: { fr: { value: 'B', status: 'draft' } },
        country: 'FR',
        type: 'company',
        logoFileId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.logoFileId.code).toBe('UNKNOWN_FILE');
  });
});
