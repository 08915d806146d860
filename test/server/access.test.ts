/**
 * Every API route, tried across workspaces (STYLE G4): a member of workspace A reaches nothing of
 * workspace B, and nobody reaches anything without a session. Routes come from the OpenAPI document,
 * so a new route is covered the day it is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

const PUBLIC_ROUTES = new Set(['GET /api/invitations/{token}', 'POST /api/invitations/{token}/accept']);

let t: TestApp;
let adminOfA: Session;
let routes: Array<{ method: string; path: string }>;
let workspaceB: string;
let organisationOfB: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await t.make.workspace();
  const b = await t.make.workspace();
  workspaceB = b.id;
  organisationOfB = (await t.make.organisation(b.id)).id;
  adminOfA = await t.signIn((await t.make.member(a.id, 'admin')).email);
  const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

function fill(path: string): string {
  return path
    .replace('{workspaceId}', workspaceB)
    .replace('{organisationId}', organisationOfB)
    .replace('{token}', 'x'.repeat(43))
    .replace('{name}', 'platform.send-mail')
    .replace(/\{[a-zA-Z]+\}/g, '00000000-0000-4000-8000-000000000000');
}

describe('access control on every route', () => {
  it('lists a reasonable number of routes', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('refuses every workspace route of another workspace', async () => {
    const workspaceRoutes = routes.filter((route) => route.path.includes('{workspaceId}'));
    expect(workspaceRoutes.length).toBeGreaterThan(15);
    for (const route of workspaceRoutes) {
      const response = await t.request(adminOfA, {
        method: route.method as 'GET',
        url: fill(route.path),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect([403, 404], `${route.method} ${route.path} → ${response.statusCode}`).toContain(response.statusCode);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('asks for a session on every non-public route', async () => {
    for (const route of routes.filter((candidate) => !PUBLIC_ROUTES.has(`${candidate.method} ${candidate.path}`))) {
      const response = await t.request(undefined, {
        method: route.method as 'GET',
        url: fill(route.path),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(response.statusCode, `${route.method} ${route.path}`).toBe(401);
      expect(response.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses an unsafe request without the CSRF token, even with a valid session', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: adminOfA.cookie, origin: 'http://tawasul.test' },
      payload: { locale: 'ar' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_FAILED');
  });
});
