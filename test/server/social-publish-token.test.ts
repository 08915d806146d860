/**
 * The issue's test of a token that expires between scheduling and publishing, against the fake Graph
 * API through the app's own configuration (FACEBOOK_GRAPH_URL): the check run ahead of the post
 * tells the admins before it is due (in the app and by email), the post is held at its time, and it
 * publishes once after the page is reconnected. And the same when the expiry is only met while
 * publishing.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelReconnected } from '../../src/server/modules/social/channel-status.js';
import { CHANNEL_TOKEN_PURPOSE } from '../../src/server/modules/social/channels/sealed-token.js';
import { checkUpcomingChannels } from '../../src/server/modules/social/publish-post.job.js';
import { socialChannels, socialPosts } from '../../src/server/modules/social/social.tables.js';
import { sealSecret } from '../../src/server/platform/secret-box.js';
import { localized } from '../../src/shared/localized-text.js';
import { localDateTimeAt } from '../../src/shared/social/posts.schema.js';
import { FakeGraphApi } from '../fakes/graph-api/index.js';
import { createPost, setReviewState } from '../helpers/social-posts-fixture.js';
import { createPublishFixture, type PublishFixture } from '../helpers/social-publish-fixture.js';

const PAGE = '20001';
const MINUTE = 60_000;
let fake: FakeGraphApi;
let f: PublishFixture;
let token: string;
const clock = { now: new Date(Date.now() + 1000) };

beforeAll(async () => {
  fake = await new FakeGraphApi({ now: () => clock.now.getTime() }).start();
  token = fake.issuePageToken(PAGE);
  f = await createPublishFixture({
    clock,
    channelToken: token,
    env: { FACEBOOK_GRAPH_URL: fake.url, FACEBOOK_DIALOG_URL: fake.url, FACEBOOK_APP_ID: fake.appId, FACEBOOK_APP_SECRET: fake.appSecret },
    // The app's own channel (the registry's, on the configuration above), not a test double.
    publisher: { resolveChannel: undefined },
  });
});
afterAll(async () => {
  await f.t.close();
  await fake.stop();
});

const channelRow = async () =>
  (
    await f.t.platform.database.db.select().from(socialChannels).where(eq(socialChannels.id, f.channelId))
  )[0] as typeof socialChannels.$inferSelect;

/** What the admin's reconnection does: a new page token sealed in the row, the channel connected, held posts released. */
async function reconnect() {
  token = fake.issuePageToken(PAGE);
  await f.t.platform.database.db
    .update(socialChannels)
    .set({
      accessTokenSealed: sealSecret(f.t.platform.config.secretKey, CHANNEL_TOKEN_PURPOSE, token),
      status: 'connected',
      statusReason: null,
      reconnectionNotifiedAt: null,
    })
    .where(eq(socialChannels.id, f.channelId));
  // What the channels area runs after a reconnection: its listeners, among them the release of held posts.
  const before = await f.t.platform.database.db.select().from(socialPosts).where(eq(socialPosts.status, 'held'));
  await channelReconnected(f.t.platform, await channelRow(), f.admin.userId);
  return before.length;
}

async function scheduleIn(ms: number, label: string) {
  const post = await createPost(f, f.officer, {
    channelId: f.channelId,
    text: localized({ ar: `${label}: ورشة التعاونيات النسائية في صفاقس`, fr: `${label} : atelier des coopératives de femmes à Sfax` }),
  });
  await setReviewState(f, post.id, 'approved');
  const { date, time } = localDateTimeAt(new Date(clock.now.getTime() + ms), 'Africa/Casablanca');
  const response = await f.t.request(f.officer, {
    method: 'POST',
    url: f.postsUrl(`/${post.id}/schedule`),
    payload: { mode: 'at', date, time },
  });
  expect(response.statusCode, response.body).toBe(200);
  return { id: post.id, at: new Date(response.json().scheduledAt) };
}

const feedPosts = () => fake.requests.filter((request) => request.method === 'POST' && request.path === `/${PAGE}/feed`).length;

describe('a token that expires between scheduling and publishing', () => {
  it('is found by the check ahead of the post: admins told before it is due, the post held, then published after reconnection', async () => {
    const { id, at } = await scheduleIn(3 * 60 * MINUTE, 'أ');
    fake.invalidateToken(token, 463);

    // Three hours ahead: outside the check's two-hour horizon, nothing happens.
    expect((await checkUpcomingChannels(f.t.platform, clock.now)).checked).toBe(0);
    f.advance(90 * MINUTE);
    expect(await checkUpcomingChannels(f.t.platform, clock.now)).toEqual({ checked: 1, needsReconnection: 1 });
    expect(clock.now.getTime()).toBeLessThan(at.getTime());
    expect(await channelRow()).toMatchObject({ status: 'needs_reconnection', statusReason: 'token-expired' });
    expect(await f.notificationsOf(f.admin.userId, 'social-channel-needs-reconnection')).toHaveLength(1);
    const mails = await f.outboxTo(f.admin.email);
    expect(mails.map((mail) => mail.subject)).toContain(
      'La page « AlterMed — bac à sable » doit être reconnectée (son accès a expiré) : ses publications programmées sont retenues jusque-là.',
    );
    expect((await f.postRow(id)).status).toBe('scheduled');

    // At its time the post is held, and nothing reaches the page.
    f.advance(95 * MINUTE);
    const before = feedPosts();
    expect((await f.publisher.runDue()).held).toBe(1);
    expect((await f.postRow(id)).status).toBe('held');
    expect(feedPosts()).toBe(before);

    expect(await reconnect()).toBe(1);
    expect((await f.publisher.runDue()).published).toBe(1);
    const message = (await f.publications(id))[0]?.message;
    expect(fake.postsOf(PAGE).filter((post) => post.message === message)).toHaveLength(1);
    expect(await f.notificationsOf(f.admin.userId, 'social-channel-needs-reconnection')).toHaveLength(1);
  });

  it('met only while publishing: Graph’s 190 holds the post and tells the admins, and it goes out once after reconnection', async () => {
    const { id } = await scheduleIn(30 * MINUTE, 'ب');
    fake.invalidateToken(token, 460);
    f.advance(31 * MINUTE);
    expect((await f.publisher.runDue()).held).toBe(1);
    expect(await channelRow()).toMatchObject({ status: 'needs_reconnection', statusReason: 'token-invalid' });
    const notices = await f.notificationsOf(f.admin.userId, 'social-channel-needs-reconnection');
    expect(notices).toHaveLength(2);
    expect(notices.map((notice) => notice.params)).toContainEqual({ channel: 'AlterMed — bac à sable', reason: 'token_invalid' });
    const [publication] = await f.publications(id);
    expect(publication).toMatchObject({ state: 'pending', attempts: 0, lastErrorKind: 'needs-reconnection', lastNetworkCode: 190 });

    await reconnect();
    expect((await f.publisher.runDue()).published).toBe(1);
    const message = (await f.publications(id))[0]?.message;
    expect(fake.postsOf(PAGE).filter((post) => post.message === message)).toHaveLength(1);
  });
});
