/**
 * A page that needs reconnection holds its posts: an expired token or a missing permission met while
 * publishing marks the channel once, tells the admins (in the app and by email), holds every due
 * post of the page (later ones when they come due), and releasing after reconnection publishes each
 * once. Also: a post withdrawn from the workflow does not go out; consent expiring before the
 * publication fails it; a big photo is sent resized.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseHeldPosts } from '../../src/server/modules/social/channel-holds.js';
import { photoForNetwork } from '../../src/server/modules/social/post-photos.js';
import { socialChannels } from '../../src/server/modules/social/social.tables.js';
import { assetConsents } from '../../src/server/modules/studio/studio.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { SOCIAL_POST_LIMITS } from '../../src/shared/social/posts.schema.js';
import { channelError } from '../fakes/memory-channel.js';
import { setReviewState } from '../helpers/social-posts-fixture.js';
import { createPublishFixture, type PublishFixture } from '../helpers/social-publish-fixture.js';
import { multipart } from '../helpers/studio-fixtures.js';

let f: PublishFixture;
const MINUTE = 60_000;

beforeAll(async () => {
  f = await createPublishFixture({ withAssets: true });
});
afterAll(() => f.t.close());

const text = (label: string) => localized({ ar: `منشور ${label}`, fr: `Publication ${label}` }, 'reviewed');
const channelRow = async () =>
  (
    await f.t.platform.database.db.select().from(socialChannels).where(eq(socialChannels.id, f.channelId))
  )[0] as typeof socialChannels.$inferSelect;
const reconnect = (id = f.channelId) =>
  f.t.platform.database.db
    .update(socialChannels)
    .set({ status: 'connected', statusReason: null, reconnectionNotifiedAt: null })
    .where(eq(socialChannels.id, id));

describe('an expired token while publishing', () => {
  it('holds the due posts, tells the admins once, holds later ones when due, and publishes each once after reconnection', async () => {
    const first = await f.duePost({ text: text('1') });
    const second = await f.duePost({ text: text('2') });
    f.page.will('publish', { error: channelError('needs-reconnection', { networkCode: 190, networkSubcode: 463 }) });
    const report = await f.publisher.runDue();
    expect(report.held).toBe(2);
    expect(f.page.posts).toHaveLength(0);
    expect(await channelRow()).toMatchObject({ status: 'needs_reconnection', statusReason: 'token-expired' });
    for (const id of [first, second]) expect(await f.postRow(id)).toMatchObject({ status: 'held', lastErrorKind: 'token-expired' });
    const [notice] = await f.notificationsOf(f.admin.userId, 'social-channel-needs-reconnection');
    expect(notice?.params).toEqual({ channel: 'AlterMed — bac à sable', reason: 'token_expired' });
    const [mail] = await f.outboxTo(f.admin.email);
    expect(mail?.subject).toBe(
      'La page « AlterMed — bac à sable » doit être reconnectée (son accès a expiré) : ses publications programmées sont retenues jusque-là.',
    );

    // A post scheduled later is held when it comes due; nobody is told twice.
    const third = await f.t.request(f.officer, { method: 'POST', url: f.postsUrl(), payload: { channelId: f.channelId, text: text('3') } });
    await setReviewState(f, third.json().id, 'approved');
    await reconnect();
    const at = new Date(f.clock.now.getTime() + 30 * MINUTE);
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Africa/Casablanca',
      dateStyle: 'short',
      timeStyle: 'short',
      hourCycle: 'h23',
    })
      .format(at)
      .split(', ');
    const scheduled = await f.t.request(f.officer, {
      method: 'POST',
      url: f.postsUrl(`/${third.json().id}/schedule`),
      payload: { mode: 'at', date: local[0], time: local[1] },
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    await f.t.platform.database.db
      .update(socialChannels)
      .set({ status: 'needs_reconnection', statusReason: 'token-expired', reconnectionNotifiedAt: new Date() })
      .where(eq(socialChannels.id, f.channelId));
    expect((await f.postRow(third.json().id)).status).toBe('scheduled');
    f.advance(40 * MINUTE);
    await f.publisher.runDue();
    expect((await f.postRow(third.json().id)).status).toBe('held');
    expect(await f.notificationsOf(f.admin.userId, 'social-channel-needs-reconnection')).toHaveLength(1);

    // The admin reconnects: held posts go back on the schedule and out, once each.
    await reconnect();
    expect(await releaseHeldPosts(f.t.platform, f.channelId, f.admin.userId)).toBe(3);
    const after = await f.publisher.runDue();
    expect(after.published).toBe(3);
    for (const label of ['1', '2', '3']) {
      expect(f.page.posts.filter((post) => post.message.startsWith(`منشور ${label}`))).toHaveLength(1);
    }
  });

  it('names the missing permission', async () => {
    const id = await f.duePost({ text: text('4') });
    f.page.will('publish', { error: channelError('permission-missing', { networkCode: 200, permission: 'pages_manage_posts' }) });
    await f.publisher.runDue();
    expect(await channelRow()).toMatchObject({ status: 'needs_reconnection', statusReason: 'permission-missing:pages_manage_posts' });
    expect(await f.postRow(id)).toMatchObject({ status: 'held', lastErrorKind: 'permission-missing' });
    const [publication] = await f.publications(id);
    expect(publication).toMatchObject({ state: 'pending', attempts: 0 });
    await reconnect();
    await releaseHeldPosts(f.t.platform, f.channelId);
    expect((await f.publisher.runDue()).published).toBe(1);
  });
});

describe('what is checked at the moment of publishing', () => {
  it('a post unscheduled in the approval workflow goes back to approved instead of out', async () => {
    const id = await f.duePost({ text: text('5') });
    await setReviewState(f, id, 'approved');
    const report = await f.publisher.runDue();
    expect(report.withdrawn).toBe(1);
    const post = (await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl(`/${id}`) })).json();
    expect(post).toMatchObject({ status: 'approved', scheduledAt: null });
    expect(f.page.posts.some((remote) => remote.message.startsWith('منشور 5'))).toBe(false);
  });

  it('a photo whose consent expired after scheduling fails the post, and its author is told why', async () => {
    const id = await f.duePost({ text: text('6'), assetIds: [f.assets.social] });
    await f.t.platform.database.db.update(assetConsents).set({ expiresOn: '2001-01-01' }).where(eq(assetConsents.assetId, f.assets.social));
    await f.publisher.runDue();
    await f.t.platform.database.db.update(assetConsents).set({ expiresOn: '2100-01-01' }).where(eq(assetConsents.assetId, f.assets.social));
    expect(await f.postRow(id)).toMatchObject({ status: 'failed', lastErrorKind: 'consent-expired' });
    const subjects = (await f.outboxTo(f.officer.email)).map((mail) => mail.subject);
    expect(subjects.some((subject) => subject.includes('l’accord des personnes sur une photo a expiré'))).toBe(true);
  });

  it('a photo over 4 MB goes resized under the limit, never refused', async () => {
    // Just over the limit as raw pixels: resizing random noise is slow on a loaded machine.
    const side = 1250;
    const noise = await sharp(randomBytes(side * side * 3), {
      raw: { width: side, height: side, channels: 3 },
    })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(noise.byteLength).toBeGreaterThan(SOCIAL_POST_LIMITS.photoBytes);
    const upload = await f.t.request(f.contributor, {
      method: 'POST',
      url: `/api/workspaces/${f.workspaceId}/studio/assets`,
      ...multipart('bruit.png', noise, { metadata: JSON.stringify({ showsPeople: false }) }),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const id = await f.duePost({ text: text('7'), assetIds: [upload.json().id, f.assets.landscape] });
    await f.publisher.runDue();
    expect((await f.postRow(id)).status).toBe('published');
    const remote = f.page.posts.find((post) => post.message.startsWith('منشور 7'));
    expect(remote?.photos).toBe(2);
    expect(Math.max(...(remote?.photoBytes ?? [Number.POSITIVE_INFINITY]))).toBeLessThanOrEqual(SOCIAL_POST_LIMITS.photoBytes);
    const resized = await photoForNetwork(noise, 'image/png');
    expect(resized.mimeType).toBe('image/jpeg');
    expect(resized.bytes.byteLength).toBeLessThanOrEqual(SOCIAL_POST_LIMITS.photoBytes);
  }, 90_000);
});
