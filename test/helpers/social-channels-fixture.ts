/** A test app whose Facebook configuration points at a started fake Graph API, and the login walk. */
import { expect } from 'vitest';
import { FakeGraphApi } from '../fakes/graph-api/index.js';
import { createTestApp, type Session, type TestApp } from './test-app.js';

export interface SocialChannelsFixture {
  t: TestApp;
  fake: FakeGraphApi;
  workspaceId: string;
  admin: Session;
  stop(): Promise<void>;
}

export async function startSocialChannelsFixture(): Promise<SocialChannelsFixture> {
  const fake = await new FakeGraphApi().start();
  const t = await createTestApp(
    {},
    {
      FACEBOOK_APP_ID: fake.appId,
      FACEBOOK_APP_SECRET: fake.appSecret,
      FACEBOOK_GRAPH_URL: fake.url,
      FACEBOOK_DIALOG_URL: fake.url,
      FACEBOOK_GRAPH_VERSION: 'v26.0',
    },
  );
  const workspace = await t.make.workspace();
  const { email } = await t.make.member(workspace.id, 'admin', 'fr');
  const admin = await t.signIn(email);
  return {
    t,
    fake,
    workspaceId: workspace.id,
    admin,
    async stop() {
      await t.close();
      await fake.stop();
    },
  };
}

/** Starts the login as `session`, lets the fake's dialog answer, and returns the callback URL Meta would send the browser to. */
export async function dialogCallback(f: SocialChannelsFixture, session: Session, workspaceId = f.workspaceId): Promise<string> {
  const started = await f.t.request(session, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/social/channels/login`,
    payload: { network: 'facebook' },
  });
  expect(started.statusCode).toBe(200);
  const dialog = await fetch(started.json().url as string, { redirect: 'manual' });
  expect(dialog.status).toBe(302);
  const back = new URL(dialog.headers.get('location') ?? '');
  return `${back.pathname}${back.search}`;
}

/** The whole walk: dialog, callback, pages; returns the pending login's id. */
export async function loginThroughRoutes(f: SocialChannelsFixture, session = f.admin, workspaceId = f.workspaceId): Promise<string> {
  const callback = await f.t.request(session, { method: 'GET', url: await dialogCallback(f, session, workspaceId) });
  expect(callback.statusCode).toBe(302);
  const landing = new URL(callback.headers.location as string, 'http://app.test');
  expect(landing.pathname).toBe(`/app/w/${workspaceId}/social/channels`);
  return landing.searchParams.get('login') ?? '';
}

/** Logs in and connects the sandbox page; returns the channel's id. */
export async function connectPage(f: SocialChannelsFixture, externalId = '20001'): Promise<string> {
  const loginId = await loginThroughRoutes(f);
  const connected = await f.t.request(f.admin, {
    method: 'POST',
    url: `/api/workspaces/${f.workspaceId}/social/channels`,
    payload: { loginId, externalIds: [externalId] },
  });
  expect(connected.statusCode).toBe(200);
  return (connected.json().items as Array<{ id: string; externalId: string }>).find((item) => item.externalId === externalId)?.id ?? '';
}
