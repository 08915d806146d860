/** Every Graph error the channel can meet, turned into the action its caller takes (ChannelError.kind). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError } from '../../src/server/modules/social/channels/channel.js';
import { faults } from '../fakes/graph-api/index.js';
import { type GraphFixture, rejectionOf, startGraphFixture } from '../helpers/graph-fixture.js';

let g: GraphFixture;
beforeAll(async () => {
  g = await startGraphFixture();
});
afterAll(() => g.stop());
afterEach(() => g.fake.clearFaults());

const FEED = /^\/\d+\/feed$/;
const publishOnce = () => g.channel.publish(g.account, { message: `Bonjour ${Math.random()}`, idempotencyKey: 'k' });

describe('Graph errors as actions', () => {
  it.each([
    ['expired token (190/463)', faults.expiredToken(), 'needs-reconnection', 190, 463],
    ['invalid token (190/467)', faults.invalidToken(), 'needs-reconnection', 190, 467],
    ['duplicate status (506)', faults.duplicate(), 'duplicate-content', 506, 1455006],
    ['invalid parameter (100)', faults.invalidParameter(), 'invalid-request', 100, undefined],
    ['unknown error answered 400 (1)', faults.unknownError(), 'transient', 1, undefined],
  ])('%s → %s', async (_name, fault, kind, code, subcode) => {
    g.fake.inject({ method: 'POST', path: FEED, fault });
    const error = await rejectionOf(publishOnce());
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ kind, networkCode: code, networkSubcode: subcode });
  });

  it('names the missing permission from the message (10) or from the call (200)', async () => {
    g.fake.inject({ method: 'GET', path: /\/published_posts$/, fault: faults.permissionDenied('pages_read_engagement') });
    const read = await rejectionOf(g.channel.findPublished(g.account, { since: new Date(Date.now() - 3600_000), until: new Date() }));
    expect(read).toMatchObject({ kind: 'permission-missing', networkCode: 10, permission: 'pages_read_engagement' });

    g.fake.inject({ method: 'POST', path: FEED, fault: faults.publishPermissionMissing() });
    const write = await rejectionOf(publishOnce());
    expect(write).toMatchObject({ kind: 'permission-missing', networkCode: 200 });
    expect(['pages_read_engagement', 'pages_manage_posts']).toContain(write.permission);
  });

  it('a permission really withdrawn on the fake is named too', async () => {
    const fixture = await startGraphFixture();
    try {
      fixture.fake.revokeScope('pages_manage_engagement');
      const posts = fixture.fake.seed('20001', { days: 2 }).posts;
      const error = await rejectionOf(fixture.channel.comment(fixture.account, { targetExternalId: posts[0]?.id ?? '', message: 'شكرًا' }));
      expect(error).toMatchObject({ kind: 'permission-missing', networkCode: 10, permission: 'pages_manage_engagement' });
    } finally {
      await fixture.stop();
    }
  });

  it('an expired token on the fake itself (not an injected answer) asks for reconnection', async () => {
    const fixture = await startGraphFixture();
    try {
      fixture.fake.invalidateToken(fixture.account.accessToken, 460);
      const error = await rejectionOf(fixture.channel.publish(fixture.account, { message: 'x', idempotencyKey: 'k' }));
      expect(error).toMatchObject({ kind: 'needs-reconnection', networkCode: 190, networkSubcode: 460 });
      expect(fixture.fake.postsOf('20001')).toHaveLength(0);
    } finally {
      await fixture.stop();
    }
  });

  it('a 5xx on a read is transient; a 5xx on a write is an unknown outcome', async () => {
    g.fake.inject({ method: 'GET', path: /\/published_posts$/, fault: faults.serviceUnavailable() });
    const read = await rejectionOf(g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 5 }));
    expect(read).toMatchObject({ kind: 'transient', networkCode: 2 });

    g.fake.inject({ method: 'POST', path: FEED, fault: faults.serviceUnavailable() });
    const write = await rejectionOf(publishOnce());
    expect(write).toMatchObject({ kind: 'outcome-unknown', networkCode: 2 });
  });

  it('a refused connection (nothing sent) is transient, even for a write', async () => {
    const fixture = await startGraphFixture();
    await fixture.stop();
    const error = await rejectionOf(fixture.channel.publish(fixture.account, { message: 'x', idempotencyKey: 'k' }));
    expect(error).toMatchObject({ kind: 'transient' });
    expect(String(error.message)).toContain('ECONNREFUSED');
  });
});

describe('throttling', () => {
  it.each([
    ['application limit (4)', faults.appThrottled(), 4, 15 * 60_000],
    ['user limit (17)', faults.userThrottled(), 17, 15 * 60_000],
    ['page limit (32) with 12 minutes to regain access', faults.pageThrottled(12), 32, 12 * 60_000],
    ['API rate limit (613) with 5 minutes', faults.rateLimited613(), 613, 5 * 60_000],
    ['business use case (80001) with 30 minutes', faults.businessThrottled(30), 80001, 30 * 60_000],
  ])('%s → throttled, waiting %#', async (_name, fault, code, retryAfterMs) => {
    const fixture = await startGraphFixture();
    try {
      fixture.fake.inject({ method: 'POST', path: FEED, fault });
      const error = await rejectionOf(fixture.channel.publish(fixture.account, { message: 'x', idempotencyKey: 'k' }));
      expect(error).toMatchObject({ kind: 'throttled', networkCode: code, retryAfterMs });
      // Until the reset, the next call is refused here, without reaching Meta.
      const before = fixture.fake.requests.length;
      const next = await rejectionOf(fixture.channel.listRecentPosts(fixture.account, { since: new Date(0), limit: 1 }));
      expect(next).toMatchObject({ kind: 'throttled' });
      expect(Number(next.retryAfterMs)).toBeGreaterThan(retryAfterMs - 60_000);
      expect(fixture.fake.requests.length).toBe(before);
      expect(fixture.channel.usage(fixture.account)?.highestPercent).toBe(100);
    } finally {
      await fixture.stop();
    }
  });
});
