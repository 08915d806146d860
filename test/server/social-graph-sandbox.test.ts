/** The demo's sandbox page: started without a Meta app, seeded once, kept across restarts, connected and labelled. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { MODULE_JOBS } from '../../src/server/module-jobs.js';
import { checkChannel } from '../../src/server/modules/social/channel-status.js';
import { channelFor } from '../../src/server/modules/social/channels/registry.js';
import { type GraphSandbox, graphSandboxConfigForWorker, startGraphSandbox } from '../../src/server/modules/social/channels/sandbox.js';
import { openChannelToken } from '../../src/server/modules/social/channels/sealed-token.js';
import { seedSocialChannelsDemo } from '../../src/server/modules/social/channels.seed.js';
import { socialChannels } from '../../src/server/modules/social/social.tables.js';
import { createAccount } from '../../src/server/platform/auth/accounts.js';
import { parseConfig } from '../../src/server/platform/config.js';
import { createPlatform, type Platform } from '../../src/server/platform/platform.js';
import { memberships, workspaces } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { openTestDatabase } from '../helpers/test-database.js';

let dataDir: string;
let sandbox: GraphSandbox | undefined;
let platform: Platform;
const demoConfig = () => parseConfig({ DATA_DIR: dataDir, SEED_DEMO: 'true', SECRET_KEY: 'x'.repeat(64), LOG_LEVEL: 'silent' });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tawasul-sandbox-'));
  sandbox = await startGraphSandbox(demoConfig());
  platform = await createPlatform(sandbox?.config ?? demoConfig(), { database: await openTestDatabase(), moduleJobs: MODULE_JOBS });
});
afterAll(async () => {
  await platform.close();
  await sandbox?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo sandbox', () => {
  it('starts on 127.0.0.1 and points Facebook at itself, flagged as a sandbox', () => {
    expect(sandbox?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(platform.config.facebook).toMatchObject({ graphUrl: sandbox?.url, dialogUrl: sandbox?.url, sandbox: true });
    expect(platform.config.facebook.appId).toMatch(/^\d+$/);
    expect(readFileSync(path.join(dataDir, 'graph-sandbox.url'), 'utf8').trim()).toBe(sandbox?.url);
    expect(graphSandboxConfigForWorker(demoConfig()).facebook.graphUrl).toBe(sandbox?.url);
  });

  it('does not start with a real Meta app, nor outside the demo', async () => {
    expect(await startGraphSandbox(parseConfig({ DATA_DIR: dataDir, SECRET_KEY: 'x'.repeat(64) }))).toBeUndefined();
    const withApp = parseConfig({
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      SECRET_KEY: 'x'.repeat(64),
      FACEBOOK_APP_ID: '123456789',
      FACEBOOK_APP_SECRET: 'z'.repeat(32),
    });
    expect(await startGraphSandbox(withApp)).toBeUndefined();
    expect(graphSandboxConfigForWorker(withApp).facebook.graphUrl).toBe('https://graph.facebook.com');
  });

  it('connects the demo page through the login flow, token sealed, and the list says it is a sandbox', async () => {
    const [workspace] = await platform.database.db
      .insert(workspaces)
      .values({ slug: 'altermed-sandbox', name: localized({ fr: 'AlterMed', ar: 'ألترميد' }), contentLanguages: ['ar', 'fr'] })
      .returning();
    const workspaceId = workspace?.id ?? '';
    const userId = await createAccount(platform.auth, {
      email: 'admin@altermed.demo',
      name: 'Samira',
      password: 'correct-horse-battery',
      locale: 'fr',
    });
    await platform.database.db.insert(memberships).values({ workspaceId, userId, role: 'admin' });
    const channelId = await seedSocialChannelsDemo(platform, workspaceId);
    const [row] = await platform.database.db
      .select()
      .from(socialChannels)
      .where(eq(socialChannels.id, channelId ?? ''));
    expect(row).toMatchObject({
      name: 'AlterMed — Entreprendre autrement',
      status: 'connected',
      sandbox: true,
      connectedBy: userId,
      externalId: '20001',
    });
    expect(row?.accessTokenSealed).toMatch(/^v1\./);
    const account = { externalId: '20001', accessToken: openChannelToken(platform.config, row?.accessTokenSealed ?? '') };
    // A month of the page's life is there to read: posts, comments in Arabic and French, daily insights.
    const channel = channelFor(platform, 'facebook');
    const posts = await channel.listRecentPosts(account, { since: new Date(Date.now() - 31 * 86_400_000), limit: 100 });
    expect(posts.length).toBeGreaterThanOrEqual(20);
    const comments = await channel.listComments(account, { postExternalId: posts[0]?.externalId ?? '' });
    expect(comments.length).toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    const metrics = await channel.pageMetrics(account, {
      since: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
      until: today,
    });
    expect(metrics.length).toBe(7);
    // The app says plainly that the page is a sandbox.
    const app = await buildApp(platform);
    try {
      const origin = platform.config.publicUrl;
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin, 'content-type': 'application/json' },
        payload: { email: 'admin@altermed.demo', password: 'correct-horse-battery' },
      });
      const cookie = ([] as string[])
        .concat(signIn.headers['set-cookie'] ?? [])
        .map((value) => value.split(';')[0])
        .join('; ');
      const list = await app.inject({ method: 'GET', url: `/api/workspaces/${workspaceId}/social/channels`, headers: { cookie } });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({
        sandbox: true,
        canConnect: true,
        items: [{ id: channelId, sandbox: true, status: 'connected' }],
      });
      expect(list.body).not.toContain(account.accessToken);
    } finally {
      await app.close();
    }
  });

  it('keeps its page across a restart: the sealed token still works, nothing seeded twice', async () => {
    const before = JSON.parse(readFileSync(path.join(dataDir, 'graph-sandbox.json'), 'utf8')) as { posts: unknown[] };
    const [row] = await platform.database.db.select().from(socialChannels);
    await sandbox?.stop();
    sandbox = await startGraphSandbox(demoConfig());
    // The same database, a new process's configuration (the sandbox's new port).
    await platform.jobs.stop();
    platform.mailer.close();
    platform = await createPlatform(sandbox?.config ?? demoConfig(), { database: platform.database, moduleJobs: MODULE_JOBS });
    const after = JSON.parse(readFileSync(path.join(dataDir, 'graph-sandbox.json'), 'utf8')) as { posts: unknown[] };
    expect(after.posts.length).toBe(before.posts.length);
    expect(await checkChannel(platform, row?.id ?? '')).toMatchObject({ result: 'valid' });
  });
});
