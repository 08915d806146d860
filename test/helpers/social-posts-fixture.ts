/**
 * What the social posts tests share: a workspace with a member of each role, a connected page (and a
 * page of another workspace), library photos whose consent allows social use or not, bilingual
 * AlterMed posts, and short calls to create, approve and schedule them.
 */

import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { CHANNEL_TOKEN_PURPOSE } from '../../src/server/modules/social/channels/sealed-token.js';
import { socialChannels } from '../../src/server/modules/social/social.tables.js';
import { workspaces } from '../../src/server/platform/platform.tables.js';
import { contentReviews } from '../../src/server/platform/review/review.tables.js';
import { sealSecret } from '../../src/server/platform/secret-box.js';
import { localized } from '../../src/shared/localized-text.js';
import { SOCIAL_POST_CONTENT_TYPE } from '../../src/shared/social/posts.schema.js';
import { multipart, pngOf } from './studio-fixtures.js';
import { createTestApp, type Session, type TestApp } from './test-app.js';

export const FUTURE = '2100-01-01';
export const PAST = '2000-01-01';

export interface PostsFixture {
  t: TestApp;
  workspaceId: string;
  otherWorkspaceId: string;
  admin: Session;
  officer: Session;
  reviewer: Session;
  contributor: Session;
  viewer: Session;
  outsider: Session;
  channelId: string;
  otherChannelId: string;
  /** Photos: no one shown; people agreeing to social use; agreeing to print only; expired; another workspace's. */
  assets: Record<'landscape' | 'social' | 'printOnly' | 'expired' | 'foreign', string>;
  postsUrl(suffix?: string, workspaceId?: string): string;
  slotsUrl(suffix?: string): string;
}

/** A connected page row, its token sealed as the channels area seals it. */
export async function makeChannel(t: TestApp, workspaceId: string, values: { externalId?: string; name?: string; token?: string } = {}) {
  const [row] = await t.platform.database.db
    .insert(socialChannels)
    .values({
      workspaceId,
      network: 'facebook',
      externalId: values.externalId ?? '20001',
      name: values.name ?? 'AlterMed — bac à sable',
      accessTokenSealed: sealSecret(t.platform.config.secretKey, CHANNEL_TOKEN_PURPOSE, values.token ?? 'page-token'),
    })
    .returning();
  return row as typeof socialChannels.$inferSelect;
}

async function upload(t: TestApp, session: Session, workspaceId: string, name: string, showsPeople: boolean): Promise<string> {
  const response = await t.request(session, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/studio/assets`,
    ...multipart(`${name}.png`, await pngOf(320, 200, '#0f766e'), {
      metadata: JSON.stringify({
        showsPeople,
        alt: { ar: { value: 'ورشة صفاقس', status: 'reviewed' }, fr: { value: 'Atelier de Sfax', status: 'reviewed' } },
      }),
    }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function consent(t: TestApp, session: Session, workspaceId: string, assetId: string, scope: string[], expiresOn: string) {
  const response = await t.request(session, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/studio/assets/${assetId}/consents`,
    payload: { personName: 'Salma B.', scope, expiresOn },
  });
  expect(response.statusCode, response.body).toBe(201);
}

export interface PostsFixtureOptions {
  timeZone?: string;
  withAssets?: boolean;
  /** Configuration of the app (e.g. FACEBOOK_GRAPH_URL of a fake Graph API). */
  env?: Record<string, string>;
  /** The page token sealed in the channel row (one the fake Graph API issued). */
  channelToken?: string;
}

export async function createPostsFixture(options: PostsFixtureOptions = {}): Promise<PostsFixture> {
  const t = await createTestApp({}, options.env);
  const workspaceId = (await t.make.workspace()).id;
  const otherWorkspaceId = (await t.make.workspace()).id;
  if (options.timeZone) {
    await t.platform.database.db.update(workspaces).set({ timeZone: options.timeZone }).where(eq(workspaces.id, workspaceId));
  }
  const admin = await t.signIn((await t.make.member(workspaceId, 'admin')).email);
  const officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  const reviewer = await t.signIn((await t.make.member(workspaceId, 'reviewer', 'ar')).email);
  const contributor = await t.signIn((await t.make.member(workspaceId, 'contributor', 'ar')).email);
  const viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  const outsider = await t.signIn((await t.make.member(otherWorkspaceId, 'admin')).email);
  const channelId = (await makeChannel(t, workspaceId, { token: options.channelToken })).id;
  const otherChannelId = (await makeChannel(t, otherWorkspaceId, { externalId: '20002', name: 'Autre page' })).id;
  const assets = { landscape: '', social: '', printOnly: '', expired: '', foreign: '' };
  if (options.withAssets) {
    assets.landscape = await upload(t, contributor, workspaceId, 'port-de-sfax', false);
    assets.social = await upload(t, contributor, workspaceId, 'atelier', true);
    assets.printOnly = await upload(t, contributor, workspaceId, 'atelier-imprime', true);
    assets.expired = await upload(t, contributor, workspaceId, 'atelier-2019', true);
    assets.foreign = await upload(t, outsider, otherWorkspaceId, 'ailleurs', false);
    await consent(t, contributor, workspaceId, assets.social, ['social', 'web'], FUTURE);
    await consent(t, contributor, workspaceId, assets.printOnly, ['print'], FUTURE);
    await consent(t, contributor, workspaceId, assets.expired, ['social', 'web', 'print', 'press'], PAST);
  }
  return {
    t,
    workspaceId,
    otherWorkspaceId,
    admin,
    officer,
    reviewer,
    contributor,
    viewer,
    outsider,
    channelId,
    otherChannelId,
    assets,
    postsUrl: (suffix = '', ws = workspaceId) => `/api/workspaces/${ws}/social/posts${suffix}`,
    slotsUrl: (suffix = '') => `/api/workspaces/${workspaceId}/social/queue-slots${suffix}`,
  };
}

export const ARABIC_TEXT = 'يسرّ اتحاد AlterMed دعوتكم إلى ورشة حول الاقتصاد الاجتماعي والتضامني في صفاقس.\nالدخول مجاني والتسجيل إلزامي.';
export const FRENCH_TEXT =
  'AlterMed vous invite à un atelier sur l’économie sociale et solidaire à Sfax.\nEntrée libre, inscription obligatoire.';

/** A bilingual AlterMed post, reviewed in both languages. */
export function bilingualPost(channelId: string, overrides: Record<string, unknown> = {}) {
  return {
    channelId,
    languageMode: 'together',
    text: localized({ ar: ARABIC_TEXT, fr: FRENCH_TEXT }, 'reviewed'),
    hashtags: { ar: ['الاقتصاد_التضامني', 'صفاقس'], fr: ['ESS', 'Sfax'] },
    firstComment: localized({ ar: 'التسجيل عبر altermed.org/sfax', fr: 'Inscription : altermed.org/sfax' }, 'reviewed'),
    ...overrides,
  };
}

export async function createPost(f: PostsFixture, session: Session, body: Record<string, unknown> = bilingualPost(f.channelId)) {
  const response = await f.t.request(session, { method: 'POST', url: f.postsUrl(), payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; version: number; status: string };
}

/** Puts the post's review straight into `state` (the workflow's own path is tested in the approval test). */
export async function setReviewState(f: PostsFixture, postId: string, state: string) {
  await f.t.platform.database.db
    .insert(contentReviews)
    .values({ workspaceId: f.workspaceId, contentType: SOCIAL_POST_CONTENT_TYPE, contentId: postId, state })
    .onConflictDoUpdate({ target: [contentReviews.workspaceId, contentReviews.contentType, contentReviews.contentId], set: { state } });
}

export async function schedule(f: PostsFixture, session: Session, postId: string, body: Record<string, unknown>) {
  return f.t.request(session, { method: 'POST', url: f.postsUrl(`/${postId}/schedule`), payload: body });
}
