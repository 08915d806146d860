/**
 * Many writes at once through the one embedded connection (or the PostgreSQL pool): every request
 * completes, each write has exactly one audit entry, and a double click creates two distinct rows
 * only when two requests were really sent — nothing is half-written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
});
afterAll(() => t.close());

describe('concurrent writes', () => {
  it('completes 30 parallel creations with one audit entry each', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        t.request(officer, {
          method: 'POST',
          url: `/api/workspaces/${workspaceId}/organisations`,
          payload: { name: { ar: { value: `جمعية ${index}`, status: 'draft' } }, country: 'DZ', type: 'association' },
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(30).fill(201));
    const { rows } = await t.platform.database.executeSql(
      "select count(*)::int as n from audit_log where workspace_id = $1 and entity_type = 'organisation' and action = 'create'",
      [workspaceId],
    );
    expect(rows[0]?.n).toBe(30);
  });

  it('keeps the unique email rule under a race: one of two identical creations wins', async () => {
    const person = { name: { fr: { value: 'Sami', status: 'draft' } }, email: 'sami@example.test' };
    const [first, second] = await Promise.all(
      [0, 1].map(() => t.request(officer, { method: 'POST', url: `/api/workspaces/${workspaceId}/people`, payload: person })),
    );
    expect([first?.statusCode, second?.statusCode].sort()).toEqual([201, 409]);
    const { rows } = await t.platform.database.executeSql("select count(*)::int as n from person where email = 'sami@example.test'");
    expect(rows[0]?.n).toBe(1);
    const audits = await t.platform.database.executeSql(
      "select count(*)::int as n from audit_log where entity_type = 'person' and workspace_id = $1",
      [workspaceId],
    );
    expect(audits.rows[0]?.n).toBe(1);
  });
});
