/**
 * The publisher's tests: the posts fixture, a clock the test moves, an in-memory page (or any channel
 * given) behind every channel row, and a publisher on that clock. Posts are made due by scheduling
 * them "now" through the API, then the clock is a little ahead.
 */
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Channel } from '../../src/server/modules/social/channels/channel.js';
import { createPublisher, type PublisherOptions } from '../../src/server/modules/social/publisher.js';
import { socialPosts, socialPublications } from '../../src/server/modules/social/social.tables.js';
import { notifications } from '../../src/server/platform/notifications/notifications.tables.js';
import { mailOutbox } from '../../src/server/platform/platform.tables.js';
import { MemoryChannel } from '../fakes/memory-channel.js';
import {
  bilingualPost,
  createPost,
  createPostsFixture,
  type PostsFixture,
  type PostsFixtureOptions,
  schedule,
  setReviewState,
} from './social-posts-fixture.js';

export interface PublishFixture extends PostsFixture {
  clock: { now: Date };
  page: MemoryChannel;
  publisher: ReturnType<typeof createPublisher>;
  advance(ms: number): void;
  /** A post approved and scheduled now through the API; returns its id. */
  duePost(overrides?: Record<string, unknown>, session?: PostsFixture['officer']): Promise<string>;
  postRow(id: string): Promise<typeof socialPosts.$inferSelect>;
  publications(id: string): Promise<Array<typeof socialPublications.$inferSelect>>;
  notificationsOf(userId: string, kind: string): Promise<Array<typeof notifications.$inferSelect>>;
  outboxTo(email: string): Promise<Array<typeof mailOutbox.$inferSelect>>;
}

export async function createPublishFixture(
  options: PostsFixtureOptions & {
    /** The channel behind every row (default: an in-memory page); `publisher.resolveChannel` replaces both. */
    channel?: (clock: () => Date) => Channel;
    publisher?: PublisherOptions;
    /** A clock shared with something else (a fake Graph API). */
    clock?: { now: Date };
  } = {},
): Promise<PublishFixture> {
  const f = await createPostsFixture(options);
  const clock = options.clock ?? { now: new Date(Date.now() + 1000) };
  const now = () => new Date(clock.now);
  const page = new MemoryChannel(now);
  const channel = options.channel?.(now) ?? page;
  const publisher = createPublisher(f.t.platform, {
    now,
    resolveChannel: (row) => ({ channel, account: { externalId: row.externalId, accessToken: 'page-token' } }),
    ...options.publisher,
  });
  const db = f.t.platform.database.db;
  return {
    ...f,
    clock,
    page,
    publisher,
    advance(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
    async duePost(overrides = {}, session = f.officer) {
      const post = await createPost(f, session, bilingualPost(f.channelId, overrides));
      await setReviewState(f, post.id, 'approved');
      const response = await schedule(f, f.officer, post.id, { mode: 'now' });
      expect(response.statusCode, response.body).toBe(200);
      // Scheduled at the real "now": the test's clock must not be behind it.
      const scheduledAt = Date.parse(response.json().scheduledAt);
      if (clock.now.getTime() <= scheduledAt) clock.now = new Date(scheduledAt + 1000);
      return post.id;
    },
    async postRow(id) {
      const [row] = await db.select().from(socialPosts).where(eq(socialPosts.id, id));
      return row as typeof socialPosts.$inferSelect;
    },
    publications: (id) => db.select().from(socialPublications).where(eq(socialPublications.postId, id)),
    notificationsOf: (userId, kind) =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind))),
    outboxTo: (email) => db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)),
  };
}
