/**
 * Admin routes: the audit log and the outbox are walked page by page with `before` / `nextCursor`
 * (every row once, newest first, even rows written in one transaction with the same timestamp), bad
 * cursors are refused, the job list answers ISO dates, and the OpenAPI document gives each a response shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/server/platform/audit/audit.js';
import { mailOutbox } from '../../src/server/platform/platform.tables.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let workspaceId: string;
let otherWorkspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  admin = await t.signIn((await t.make.member(workspaceId, 'admin')).email);
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
});
afterAll(() => t.close());

/** Follows `nextCursor` until the last page; returns every item and the page count. */
async function walk<T>(url: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let before: string | null = null;
  let pages = 0;
  do {
    const query: string = `limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
    const response = await t.request(admin, { method: 'GET', url: `${url}?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: T[]; nextCursor: string | null };
    items.push(...body.items);
    before = body.nextCursor;
    pages += 1;
    expect(pages).toBeLessThan(50);
  } while (before);
  return { items, pages };
}

describe('audit log', () => {
  it('pages newest first through every entry of the workspace, and of no other', async () => {
    const db = t.platform.database.db;
    for (let index = 0; index < 7; index += 1) {
      await recordAudit(db, { workspaceId, actorUserId: admin.userId, action: 'update', entityType: 'test', entityId: `e${index}` });
      await recordAudit(db, { workspaceId: otherWorkspaceId, actorUserId: null, action: 'update', entityType: 'test', entityId: 'other' });
    }
    const all = (await t.request(admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/audit?limit=200` })).json() as {
      items: Array<{ id: number; entityId: string; workspaceId: string }>;
      nextCursor: string | null;
    };
    expect(all.nextCursor).toBeNull();
    const { items, pages } = await walk<{ id: number; entityId: string; workspaceId: string }>(
      `/api/workspaces/${workspaceId}/admin/audit`,
      3,
    );
    expect(pages).toBe(Math.ceil(all.items.length / 3));
    expect(items.map((item) => item.id)).toEqual(all.items.map((item) => item.id));
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(items.every((item) => item.workspaceId === workspaceId)).toBe(true);
    const ids = items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(items.filter((item) => item.entityId?.startsWith('e')).map((item) => item.entityId)).toEqual([
      'e6',
      'e5',
      'e4',
      'e3',
      'e2',
      'e1',
      'e0',
    ]);
  });

  it('gives no next cursor when a page is exactly the last one', async () => {
    const all = (await t.request(admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/audit?limit=200` })).json() as {
      items: unknown[];
    };
    const exact = (
      await t.request(admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/audit?limit=${all.items.length}` })
    ).json();
    expect(exact.items).toHaveLength(all.items.length);
    expect(exact.nextCursor).toBeNull();
  });

  it('refuses a cursor that is not an entry id, and refuses non-admins', async () => {
    const bad = await t.request(admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/audit?before=abc` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.before.code).toBe('INVALID_VALUE');
    const forbidden = await t.request(officer, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/audit` });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe('outbox', () => {
  it('pages newest first through every message, including those sharing one timestamp', async () => {
    const db = t.platform.database.db;
    // One transaction: now() is the same for all five rows, so only the id orders them.
    await db.transaction(async (tx) => {
      for (let index = 0; index < 5; index += 1) {
        await tx
          .insert(mailOutbox)
          .values({ toAddress: `same-${index}@example.test`, subject: 'Même instant', textBody: 'x', status: 'outbox' });
      }
    });
    for (let index = 0; index < 4; index += 1) {
      await t.platform.mailer.send({ to: `later-${index}@example.test`, subject: `Message ${index}`, text: 'y' });
    }
    const { items, pages } = await walk<{ id: string; toAddress: string; createdAt: string; sentAt: string | null }>(
      `/api/workspaces/${workspaceId}/admin/outbox`,
      2,
    );
    expect(items).toHaveLength(9);
    expect(pages).toBe(5);
    expect(new Set(items.map((item) => item.id)).size).toBe(9);
    // Messages sent within one clock tick are ordered by id, so only the set of the newest four is known.
    expect(
      items
        .slice(0, 4)
        .map((item) => item.toAddress)
        .sort(),
    ).toEqual([0, 1, 2, 3].map((index) => `later-${index}@example.test`));
    const times = items.map((item) => Date.parse(item.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items[0]?.sentAt).toBeNull();
  });

  it('answers smtpConfigured and refuses a forged cursor', async () => {
    const first = await t.request(admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/outbox?limit=1` });
    expect(first.json()).toMatchObject({ smtpConfigured: false, nextCursor: expect.any(String) });
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    for (const before of ['not-a-cursor', forged]) {
      const bad = await t.request(admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/outbox?before=${before}` });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields.before.code).toBe('INVALID_VALUE');
    }
  });
});

describe('jobs', () => {
  it('lists job types and recent jobs with ISO dates', async () => {
    const outboxId = '00000000-0000-4000-8000-000000000000';
    await t.platform.jobs.send('platform.send-mail', { outboxId }, { singletonKey: outboxId });
    const response = await t.request(admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/jobs` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { types: Array<{ name: string }>; jobs: Array<{ name: string; createdOn: string; state: string }> };
    expect(body.types.map((type) => type.name)).toContain('platform.send-mail');
    const job = body.jobs.find((item) => item.name === 'platform.send-mail');
    expect(job?.createdOn).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
    const filtered = await t.request(admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/admin/jobs?state=completed` });
    expect((filtered.json() as typeof body).jobs.every((item) => item.state === 'completed')).toBe(true);
  });
});

describe('OpenAPI document', () => {
  it('describes the response of the audit, outbox and job lists', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
    };
    for (const [name, field] of [
      ['audit', 'nextCursor'],
      ['outbox', 'nextCursor'],
      ['jobs', 'types'],
    ] as const) {
      const operation = document.paths[`/api/workspaces/{workspaceId}/admin/${name}`]?.get;
      const schema = JSON.stringify(operation?.responses?.['200']?.content?.['application/json']?.schema ?? null);
      expect(schema, name).toContain(`"${field}"`);
    }
  });
});
