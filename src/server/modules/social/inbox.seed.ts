/**
 * The demo's inbox: the sandbox page's month of comments read through the same sync as every five
 * minutes (over the whole month, once), and the threads the page already answered marked handled by
 * the officer, so the inbox opens on the comments still waiting — in Arabic and in French.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { users } from '../../platform/auth/auth.tables.js';
import type { Platform } from '../../platform/platform.js';
import { findChannelById } from './channels.repo.js';
import { createCommentSync } from './comment-sync.js';
import { socialComments } from './social.tables.js';

/** Days of the sandbox's history whose comments the demo reads (the fake seeds thirty). */
const DEMO_WINDOW_DAYS = 31;

/** Reads the sandbox page's comments into the demo inbox; returns how many it stored. */
export async function seedInboxDemo(platform: Platform, workspaceId: string, channelId: string | undefined, now = new Date()) {
  if (!channelId) return 0;
  const db = platform.database.db;
  const channel = await findChannelById(db, channelId);
  if (!channel || channel.workspaceId !== workspaceId) return 0;
  const report = await createCommentSync(platform, { now: () => now, windowDays: DEMO_WINDOW_DAYS }).syncChannel(channel);
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'officer@altermed.demo'));
  const answered = await db
    .selectDistinct({ parent: socialComments.parentExternalId })
    .from(socialComments)
    .where(and(eq(socialComments.channelId, channelId), eq(socialComments.isFromPage, true)));
  const parents = answered.map((row) => row.parent).filter((id): id is string => Boolean(id));
  if (parents.length > 0) {
    await db
      .update(socialComments)
      .set({ handledAt: now, handledBy: officer?.id ?? null })
      .where(and(eq(socialComments.channelId, channelId), inArray(socialComments.externalId, parents), isNull(socialComments.handledAt)));
  }
  return report.added;
}
