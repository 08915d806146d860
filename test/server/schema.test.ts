/** The migrations produce exactly the tables the Drizzle schema declares (STYLE G6), and health and OpenAPI answer. */
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/server/platform/db/schema.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('database schema', () => {
  it('matches the declared tables and columns', async () => {
    const tables = (Object.values(schema) as unknown[]).filter((value) => is(value, PgTable)) as PgTable[];
    const { rows } = await t.platform.database.executeSql(
      "select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name not like '\\_\\_%'",
    );
    const actual = new Map<string, Set<string>>();
    for (const row of rows) {
      const name = String(row.table_name);
      if (!actual.has(name)) actual.set(name, new Set());
      actual.get(name)?.add(String(row.column_name));
    }
    const declared = new Map(
      tables.map((table) => [getTableName(table), new Set(Object.values(getTableColumns(table)).map((column) => column.name))]),
    );
    expect([...actual.keys()].sort()).toEqual([...declared.keys()].sort());
    for (const [name, columns] of declared) expect([...(actual.get(name) ?? [])].sort(), name).toEqual([...columns].sort());
  });
});

describe('health and API description', () => {
  it('reports the database driver', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: t.platform.database.driver });
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    const create = document.paths['/api/workspaces/{workspaceId}/organisations'].post;
    expect(create.requestBody.content['application/json'].schema.properties.type.enum).toContain('cooperative');
    expect(Object.keys(document.paths).every((path: string) => path.startsWith('/api/'))).toBe(true);
  });

  it('answers unknown API paths with a localized problem document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'ar-MA,ar;q=0.9' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().message).toBe('العنصر غير موجود.');
  });
});
