/** The fake Graph API's own helpers for tests: `idle()` (no request in flight) and `pendingFaults()` (armed, not yet met). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faults } from '../fakes/graph-api/index.js';
import { type GraphFixture, rejectionOf, SANDBOX_PAGE_ID, startGraphFixture } from '../helpers/graph-fixture.js';

let g: GraphFixture;
beforeAll(async () => {
  // The client gives up after a second; the fake answers the slow request two seconds after that.
  g = await startGraphFixture({ timeoutMs: 1_000 });
});
afterAll(() => g.stop());

describe('the fake Graph API', () => {
  it('idle() resolves at once when nothing is in flight, and after a slow write lands when something is', async () => {
    await g.fake.idle();
    const feed = `/${SANDBOX_PAGE_ID}/feed`;
    g.fake.inject({ method: 'POST', path: feed, fault: faults.slow(3_000) });
    const error = await rejectionOf(g.channel.publish(g.account, { message: 'Arrivée après l’abandon du client', idempotencyKey: 'idle' }));
    expect(error).toMatchObject({ kind: 'outcome-unknown' });
    await g.fake.idle();
    // The client gave up; the fake still carried the post out, and idle() waited for it.
    expect(g.fake.postsOf(SANDBOX_PAGE_ID).filter((post) => post.message === 'Arrivée après l’abandon du client')).toHaveLength(1);
    expect(g.fake.pendingFaults()).toEqual([]);
  });

  it('pendingFaults() lists the rules still armed with what is left of them, as copies', async () => {
    g.fake.inject({ method: 'GET', path: `/${SANDBOX_PAGE_ID}/published_posts`, times: 2, fault: faults.unknownError() });
    g.fake.inject({ method: 'DELETE', path: /^\/\d+_\d+$/, fault: faults.serviceUnavailable() });
    expect(g.fake.pendingFaults().map((rule) => [rule.method, rule.remaining])).toEqual([
      ['GET', 2],
      ['DELETE', 1],
    ]);
    const copy = g.fake.pendingFaults()[0];
    if (copy) copy.remaining = 0;
    expect(g.fake.pendingFaults()).toHaveLength(2);

    await rejectionOf(g.channel.listRecentPosts(g.account, { since: new Date(0), limit: 1 }));
    expect(g.fake.pendingFaults().map((rule) => [rule.method, rule.remaining])).toEqual([
      ['GET', 1],
      ['DELETE', 1],
    ]);
    g.fake.clearFaults();
    expect(g.fake.pendingFaults()).toEqual([]);
  });
});
