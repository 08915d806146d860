/** Every query of connected channels (STYLE G5). */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { hasPermission, type Role } from '../../../shared/roles.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import { memberships } from '../../platform/platform.tables.js';
import { type SocialChannelRow, socialChannels } from './social.tables.js';

export type ChannelWithConnector = SocialChannelRow & { connectedByName: string | null };

/** The workspace's channels, connected first then by name, with who connected them. */
export async function findChannels(db: DbOrTransaction, workspaceId: string): Promise<ChannelWithConnector[]> {
  const rows = await db
    .select({ channel: socialChannels, connectedByName: users.name })
    .from(socialChannels)
    .leftJoin(users, eq(users.id, socialChannels.connectedBy))
    .where(eq(socialChannels.workspaceId, workspaceId))
    .orderBy(sql`${socialChannels.status} = 'disconnected'`, asc(socialChannels.name), asc(socialChannels.id));
  return rows.map((row) => ({ ...row.channel, connectedByName: row.connectedByName }));
}

/** One channel of the workspace (undefined for another workspace's). */
export async function findWorkspaceChannel(
  db: DbOrTransaction,
  workspaceId: string,
  channelId: string,
): Promise<ChannelWithConnector | undefined> {
  const [row] = await db
    .select({ channel: socialChannels, connectedByName: users.name })
    .from(socialChannels)
    .leftJoin(users, eq(users.id, socialChannels.connectedBy))
    .where(and(eq(socialChannels.workspaceId, workspaceId), eq(socialChannels.id, channelId)));
  return row ? { ...row.channel, connectedByName: row.connectedByName } : undefined;
}

export async function findChannelById(db: DbOrTransaction, channelId: string): Promise<SocialChannelRow | undefined> {
  const [row] = await db.select().from(socialChannels).where(eq(socialChannels.id, channelId));
  return row;
}

/** Channel ids of the workspace by page id, for pages already connected. */
export async function findChannelIdsByExternalId(db: DbOrTransaction, workspaceId: string, network: string, externalIds: string[]) {
  if (externalIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: socialChannels.id, externalId: socialChannels.externalId })
    .from(socialChannels)
    .where(
      and(
        eq(socialChannels.workspaceId, workspaceId),
        eq(socialChannels.network, network),
        inArray(socialChannels.externalId, externalIds),
      ),
    );
  return new Map(rows.map((row) => [row.externalId, row.id]));
}

export interface ChannelConnection {
  workspaceId: string;
  network: string;
  externalId: string;
  name: string;
  pictureUrl: string | null;
  accessTokenSealed: string;
  tokenExpiresAt: Date | null;
  grantedPermissions: string[];
  connectedBy: string | null;
  sandbox: boolean;
}

/** Connects a page, or reconnects it (new token, status back to connected, the incident closed). */
export async function upsertChannel(
  db: DbOrTransaction,
  input: ChannelConnection,
): Promise<{ row: SocialChannelRow; before?: SocialChannelRow }> {
  const [before] = await db
    .select()
    .from(socialChannels)
    .where(
      and(
        eq(socialChannels.workspaceId, input.workspaceId),
        eq(socialChannels.network, input.network),
        eq(socialChannels.externalId, input.externalId),
      ),
    );
  const state = {
    ...input,
    status: 'connected',
    statusReason: null,
    reconnectionNotifiedAt: null,
    lastCheckedAt: sql`now()`,
    connectedAt: sql`now()`,
    updatedAt: sql`now()`,
  };
  // A page connected again while connected keeps the date it has been so since.
  const statusChangedAt = sql`case when ${socialChannels.status} = 'connected' then ${socialChannels.statusChangedAt} else now() end`;
  const [row] = await db
    .insert(socialChannels)
    .values({ ...state, statusChangedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [socialChannels.workspaceId, socialChannels.network, socialChannels.externalId],
      set: { ...state, statusChangedAt },
    })
    .returning();
  if (!row) throw new Error('channel upsert returned nothing');
  return { row, before };
}

/** A disconnected channel keeps its row (posts refer to it) but no token. */
export async function markChannelDisconnected(db: DbOrTransaction, channelId: string): Promise<SocialChannelRow | undefined> {
  const [row] = await db
    .update(socialChannels)
    .set({
      status: 'disconnected',
      statusReason: null,
      accessTokenSealed: '',
      tokenExpiresAt: null,
      statusChangedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(socialChannels.id, channelId))
    .returning();
  return row;
}

/** Records a successful check: when, and the expiry the network gave. */
export async function recordValidCheck(db: DbOrTransaction, channelId: string, input: { expiresAt: Date | null }) {
  const [row] = await db
    .update(socialChannels)
    .set({ lastCheckedAt: sql`now()`, tokenExpiresAt: input.expiresAt, updatedAt: sql`now()` })
    .where(eq(socialChannels.id, channelId))
    .returning();
  return row;
}

/**
 * Marks the channel `needs_reconnection` unless it already is (or was disconnected): the first
 * caller of an incident gets the row back, every later one undefined.
 */
export async function claimNeedsReconnection(
  db: DbOrTransaction,
  channelId: string,
  reason: string,
): Promise<SocialChannelRow | undefined> {
  const [row] = await db
    .update(socialChannels)
    .set({
      status: 'needs_reconnection',
      statusReason: reason,
      statusChangedAt: sql`now()`,
      lastCheckedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(socialChannels.id, channelId), eq(socialChannels.status, 'connected')))
    .returning();
  return row;
}

/** Claims the incident's notification (once): true for the first caller. */
export async function claimReconnectionNotice(db: DbOrTransaction, channelId: string): Promise<boolean> {
  const [row] = await db
    .update(socialChannels)
    .set({ reconnectionNotifiedAt: sql`now()` })
    .where(and(eq(socialChannels.id, channelId), sql`${socialChannels.reconnectionNotifiedAt} is null`))
    .returning({ id: socialChannels.id });
  return row !== undefined;
}

/** Members who may connect pages (admins), to be told a page needs reconnection. */
export async function findChannelAdminIds(db: DbOrTransaction, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId));
  return rows.filter((row) => hasPermission(row.role as Role, 'social:connect')).map((row) => row.userId);
}
