/**
 * Helpers of the newsletter audience tests: lists made through the API, public form posts as a
 * browser sends them, and the outbox read back.
 */
import { expect } from 'vitest';
import type { LocalizedText } from '../../src/shared/localized-text.js';
import type { Session, TestApp } from './test-app.js';

export async function makeList(
  t: TestApp,
  session: Session,
  workspaceId: string,
  body: { name: LocalizedText; visibility?: 'public' | 'private'; optIn?: 'single' | 'double' },
): Promise<string> {
  const response = await t.request(session, { method: 'POST', url: `/api/workspaces/${workspaceId}/newsletter/lists`, payload: body });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

/** `application/x-www-form-urlencoded`, repeated keys for repeated values (the list checkboxes). */
export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) params.append(key, item);
  return params.toString();
}

/** Posts a form from a visitor at `ip` (each test picks its own, so rate limits do not interfere). */
export function postForm(t: TestApp, url: string, fields: Record<string, string | string[]>, ip = '203.0.113.10', headers = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0 (test)', ...headers },
    payload: formBody(fields),
  });
}

export interface OutboxMail {
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
}

export async function outboxFor(t: TestApp, address: string): Promise<OutboxMail[]> {
  const { rows } = await t.platform.database.executeSql(
    'select to_address, subject, text_body, html_body from mail_outbox where to_address = $1 order by created_at, id',
    [address],
  );
  return rows.map((row) => ({
    toAddress: String(row.to_address),
    subject: String(row.subject),
    textBody: String(row.text_body),
    htmlBody: (row.html_body as string | null) ?? null,
  }));
}

/** The path of the first link to `prefix` in a message's text part. */
export function linkIn(text: string, prefix: string): string {
  const match = text.match(new RegExp(`https?://[^\\s]+(${prefix.replace(/\//g, '\\/')}[^\\s]+)`));
  if (!match?.[1]) throw new Error(`no ${prefix} link in: ${text}`);
  return match[1];
}

export async function countRows(t: TestApp, sql: string, params: unknown[]): Promise<number> {
  const { rows } = await t.platform.database.executeSql(sql, params);
  return Number((rows[0] as { count: string | number }).count);
}
