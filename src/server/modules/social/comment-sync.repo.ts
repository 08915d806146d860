/** Where each page's comment sync stands, and which pages it reads (STYLE G5). */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { type SocialCommentSyncRow, socialChannels, socialCommentSyncs } from './social.tables.js';

export async function findSyncState(db: DbOrTransaction, channelId: string): Promise<SocialCommentSyncRow | undefined> {
  const [row] = await db.select().from(socialCommentSyncs).where(eq(socialCommentSyncs.channelId, channelId));
  return row;
}

/** Records how a run ended: through (`syncedAt`), or stopped by `errorKind` (and throttled until `notBefore`). */
export async function recordSyncState(
  db: DbOrTransaction,
  input: { channelId: string; workspaceId: string; at: Date; errorKind: string | null; notBefore: Date | null },
) {
  const state = {
    attemptedAt: input.at,
    lastErrorKind: input.errorKind,
    notBefore: input.notBefore,
    ...(input.errorKind === null ? { syncedAt: input.at } : {}),
  };
  await db
    .insert(socialCommentSyncs)
    .values({ channelId: input.channelId, workspaceId: input.workspaceId, ...state })
    .onConflictDoUpdate({ target: socialCommentSyncs.channelId, set: state });
}

/** The workspace's channels (not disconnected) with where their sync stands. */
export async function findWorkspaceSyncStates(db: Db, workspaceId: string) {
  return db
    .select({ channel: socialChannels, sync: socialCommentSyncs })
    .from(socialChannels)
    .leftJoin(socialCommentSyncs, eq(socialCommentSyncs.channelId, socialChannels.id))
    .where(and(eq(socialChannels.workspaceId, workspaceId), ne(socialChannels.status, 'disconnected')))
    .orderBy(asc(socialChannels.name), asc(socialChannels.id));
}

/** Channels whose comments the job reads: every connected one, of every workspace. */
export async function findChannelsToSync(db: Db, workspaceId?: string) {
  return db
    .select()
    .from(socialChannels)
    .where(and(eq(socialChannels.status, 'connected'), workspaceId ? eq(socialChannels.workspaceId, workspaceId) : undefined))
    .orderBy(asc(socialChannels.createdAt), asc(socialChannels.id));
}
