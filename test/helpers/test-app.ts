/**
 * Builds a real app on a real test database for one test file, with builders for the minimal graph
 * (STYLE G12): `await t.make.workspace()`, `await t.make.member(workspaceId, 'officer')`, `await t.signIn(email)`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { MODULE_JOBS } from '../../src/server/module-jobs.js';
import { organisations } from '../../src/server/modules/directory/directory.tables.js';
import { derivedKeys } from '../../src/server/modules/directory/organisations.service.js';
import { createAccount } from '../../src/server/platform/auth/accounts.js';
import { parseConfig } from '../../src/server/platform/config.js';
import { createPlatform, type Platform, type PlatformOptions } from '../../src/server/platform/platform.js';
import { memberships, workspaces } from '../../src/server/platform/platform.tables.js';
import { type LocalizedText, localized } from '../../src/shared/localized-text.js';
import type { Role } from '../../src/shared/roles.js';
import { openTestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'correct-horse-battery';
export const TEST_ORIGIN = 'http://tawasul.test';

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
  email: string;
}

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  dataDir: string;
  make: ReturnType<typeof makeBuilders>;
  signIn(email: string, password?: string): Promise<Session>;
  /** An injected request carrying a session (cookie + CSRF header) when given. */
  request(session: Session | undefined, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

function makeBuilders(platform: Platform) {
  const db = platform.database.db;
  return {
    async workspace(overrides: { name?: LocalizedText; contentLanguages?: string[] } = {}) {
      const [row] = await db
        .insert(workspaces)
        .values({
          slug: `ws-${randomUUID().slice(0, 8)}`,
          name: overrides.name ?? localized({ fr: 'Espace de test', ar: 'مساحة الاختبار' }),
          contentLanguages: overrides.contentLanguages ?? ['ar', 'fr'],
        })
        .returning();
      return row as typeof workspaces.$inferSelect;
    },
    /** A new account with `role` in the workspace; returns its email. */
    async member(workspaceId: string, role: Role, locale = 'fr') {
      const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
      const userId = await createAccount(platform.auth, { email, name: `Test ${role}`, password: TEST_PASSWORD, locale });
      await db.insert(memberships).values({ workspaceId, userId, role });
      return { email, userId };
    },
    async organisation(workspaceId: string, overrides: { name?: LocalizedText; country?: string; type?: string } = {}) {
      const name = overrides.name ?? localized({ fr: `Organisation ${randomUUID().slice(0, 6)}`, ar: 'جمعية' });
      const [row] = await db
        .insert(organisations)
        .values({
          workspaceId,
          name,
          country: overrides.country ?? 'MA',
          type: overrides.type ?? 'association',
          ...derivedKeys(name, undefined, ['ar', 'fr']),
        })
        .returning();
      return row as typeof organisations.$inferSelect;
    },
  };
}

export async function createTestApp(options: PlatformOptions = {}, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-app-'));
  const config = parseConfig({ DATA_DIR: dataDir, PUBLIC_URL: TEST_ORIGIN, SECRET_KEY: 'x'.repeat(64), LOG_LEVEL: 'silent', ...env });
  const database = await openTestDatabase();
  const platform = await createPlatform(config, { database, loginAttemptsPerMinute: 1000, moduleJobs: MODULE_JOBS, ...options });
  const app = await buildApp(platform);
  let ip = 0;

  async function request(session: Session | undefined, options: InjectOptions) {
    const headers: Record<string, string> = { origin: TEST_ORIGIN, ...(options.headers as Record<string, string>) };
    if (session) {
      headers.cookie = session.cookie;
      headers['x-csrf-token'] = session.csrfToken;
    }
    return app.inject({ ...options, headers });
  }

  async function signIn(email: string, password = TEST_PASSWORD): Promise<Session> {
    ip += 1;
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      remoteAddress: `10.0.${Math.floor(ip / 250)}.${ip % 250}`,
      payload: { email, password },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .map((value) => value.split(';')[0])
      .join('; ');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    const body = me.json() as { csrfToken: string; user: { id: string } };
    return { cookie, csrfToken: body.csrfToken, userId: body.user.id, email };
  }

  return {
    app,
    platform,
    dataDir,
    make: makeBuilders(platform),
    signIn,
    request,
    async close() {
      await app.close();
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
