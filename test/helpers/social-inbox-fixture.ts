/**
 * The inbox's tests: a test app whose Facebook points at a started fake Graph API, the fake page
 * seeded with `days` of posts and comments and connected through the real login routes, an officer
 * (social:engage) and a viewer (social:read), and helpers to sync, list and read the table back.
 */
import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { type CommentSyncOptions, createCommentSync } from '../../src/server/modules/social/comment-sync.js';
import { socialChannels, socialComments } from '../../src/server/modules/social/social.tables.js';
import type { InboxPage, InboxThread } from '../../src/shared/social/inbox.schema.js';
import { connectPage, type SocialChannelsFixture, startSocialChannelsFixture } from './social-channels-fixture.js';
import type { Session } from './test-app.js';

export const PAGE = '20001';

export interface InboxFixture extends SocialChannelsFixture {
  channelId: string;
  officer: Session;
  viewer: Session;
  sync(options?: CommentSyncOptions): ReturnType<ReturnType<typeof createCommentSync>['syncAll']>;
  list(query?: Record<string, string | number>, session?: Session): Promise<InboxPage>;
  /** The first open thread whose text matches. */
  threadOf(predicate: (thread: InboxThread) => boolean, query?: Record<string, string | number>): Promise<InboxThread>;
  rows(): Promise<Array<typeof socialComments.$inferSelect>>;
  setChannelStatus(status: 'connected' | 'needs_reconnection', reason?: string | null): Promise<void>;
  url(path?: string): string;
}

export async function startInboxFixture(options: { days?: number } = {}): Promise<InboxFixture> {
  const f = await startSocialChannelsFixture();
  f.fake.seed(PAGE, { days: options.days ?? 20 });
  const channelId = await connectPage(f, PAGE);
  const officer = await f.t.signIn((await f.t.make.member(f.workspaceId, 'officer', 'ar')).email);
  const viewer = await f.t.signIn((await f.t.make.member(f.workspaceId, 'viewer', 'fr')).email);
  const db = f.t.platform.database.db;
  const url = (path = '') => `/api/workspaces/${f.workspaceId}/social/inbox${path}`;
  async function list(query: Record<string, string | number> = {}, session = officer): Promise<InboxPage> {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();
    const response = await f.t.request(session, { method: 'GET', url: `${url()}${search ? `?${search}` : ''}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as InboxPage;
  }
  return {
    ...f,
    channelId,
    officer,
    viewer,
    url,
    sync: (syncOptions) => createCommentSync(f.t.platform, syncOptions).syncAll(),
    list,
    async threadOf(predicate, query = {}) {
      const page = await list({ limit: 100, ...query });
      const thread = page.items.find(predicate);
      if (!thread) throw new Error('no such thread in the inbox');
      return thread;
    },
    rows: () => db.select().from(socialComments).where(eq(socialComments.workspaceId, f.workspaceId)),
    async setChannelStatus(status, reason = null) {
      await db
        .update(socialChannels)
        .set({ status, statusReason: reason, reconnectionNotifiedAt: status === 'connected' ? null : sql`now()` })
        .where(and(eq(socialChannels.id, channelId)));
    },
  };
}
