/** Every query of the bounces area: matching a report to a delivery, recording it, suppressing, listing. */
import { and, desc, eq, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { BounceType } from '../../../shared/newsletter/tracking-api.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Cursor } from '../../platform/db/pagination.js';
import { newsletterBounces, newsletterDeliveries, subscribers } from './newsletter.tables.js';

export interface MatchedDelivery {
  id: number;
  subscriberId: string;
  bounceType: string | null;
  sentAt: Date | null;
}

const deliveryColumns = {
  id: newsletterDeliveries.id,
  subscriberId: newsletterDeliveries.subscriberId,
  bounceType: newsletterDeliveries.bounceType,
  sentAt: newsletterDeliveries.sentAt,
};

/** The delivery whose Message-ID header is `bareId`, stored with or without angle brackets. */
export async function findDeliveryByMessageId(
  db: DbOrTransaction,
  workspaceId: string,
  bareId: string,
): Promise<MatchedDelivery | undefined> {
  const [row] = await db
    .select(deliveryColumns)
    .from(newsletterDeliveries)
    .where(and(inArray(newsletterDeliveries.messageId, [bareId, `<${bareId}>`]), eq(newsletterDeliveries.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

/** Subscriber ids by normalized address. */
export async function findSubscriberIdsByEmail(db: DbOrTransaction, workspaceId: string, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({ id: subscribers.id, email: subscribers.emailNormalized })
    .from(subscribers)
    .where(and(eq(subscribers.workspaceId, workspaceId), inArray(subscribers.emailNormalized, emails)));
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** The subscriber's most recently sent delivery: what a report without a Message-ID is about. */
export async function findLatestSentDelivery(db: DbOrTransaction, subscriberId: string): Promise<MatchedDelivery | undefined> {
  const [row] = await db
    .select(deliveryColumns)
    .from(newsletterDeliveries)
    .where(and(eq(newsletterDeliveries.subscriberId, subscriberId), isNotNull(newsletterDeliveries.sentAt)))
    .orderBy(desc(newsletterDeliveries.sentAt))
    .limit(1);
  return row;
}

export async function insertBounce(db: DbOrTransaction, values: typeof newsletterBounces.$inferInsert): Promise<void> {
  await db.insert(newsletterBounces).values(values);
}

/** Marks the delivery: a hard bounce also ends it (`bounced`); a soft bounce or a complaint leaves it delivered. */
export async function markDeliveryBounced(db: DbOrTransaction, deliveryId: number, type: BounceType): Promise<void> {
  await db
    .update(newsletterDeliveries)
    .set({
      bounceType: type,
      bouncedAt: sql`coalesce(${newsletterDeliveries.bouncedAt}, now())`,
      ...(type === 'hard' ? { state: 'bounced' } : {}),
    })
    .where(eq(newsletterDeliveries.id, deliveryId));
}

/** Suppresses a subscriber from every future send. A complaint outranks everything; a bounce, all but a complaint. */
export async function suppressSubscriber(db: DbOrTransaction, subscriberId: string, status: 'bounced' | 'complained'): Promise<void> {
  const outranked = status === 'complained' ? sql`true` : sql`${subscribers.status} <> 'complained'`;
  await db
    .update(subscribers)
    .set({
      status: sql`case when ${outranked} then ${status} else ${subscribers.status} end`,
      bouncedAt: sql`coalesce(${subscribers.bouncedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(eq(subscribers.id, subscriberId));
}

/** Soft bounces of the subscriber's last `limit` issues sent up to `until`, newest first (null: no bounce). */
export async function findRecentBounceTypes(
  db: DbOrTransaction,
  subscriberId: string,
  until: Date,
  limit: number,
): Promise<Array<string | null>> {
  const rows = await db
    .select({ bounceType: newsletterDeliveries.bounceType })
    .from(newsletterDeliveries)
    .where(
      and(
        eq(newsletterDeliveries.subscriberId, subscriberId),
        isNotNull(newsletterDeliveries.sentAt),
        lte(newsletterDeliveries.sentAt, until),
      ),
    )
    .orderBy(desc(newsletterDeliveries.sentAt))
    .limit(limit);
  return rows.map((row) => row.bounceType);
}

/** Sets the streak of soft bounces (or adds one when the report matched no delivery); returns it. */
export async function setSoftBounceCount(db: DbOrTransaction, subscriberId: string, streak: number | 'increment'): Promise<number> {
  const [row] = await db
    .update(subscribers)
    .set({ softBounceCount: streak === 'increment' ? sql`${subscribers.softBounceCount} + 1` : streak, updatedAt: sql`now()` })
    .where(eq(subscribers.id, subscriberId))
    .returning({ count: subscribers.softBounceCount });
  return row?.count ?? 0;
}

const createdAtKey = sql<string>`to_char(${newsletterBounces.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A page of bounces, newest first, by keyset on (created_at, id); one more row than asked tells whether more follow. */
export async function findBounces(
  db: DbOrTransaction,
  workspaceId: string,
  options: { type?: BounceType; limit: number; cursor?: Cursor },
) {
  const filters: SQL[] = [eq(newsletterBounces.workspaceId, workspaceId)];
  if (options.type) filters.push(eq(newsletterBounces.type, options.type));
  if (options.cursor) {
    filters.push(
      sql`(${newsletterBounces.createdAt}, ${newsletterBounces.id}) < (${options.cursor.sortKey}::timestamptz, ${options.cursor.id}::uuid)`,
    );
  }
  return db
    .select({ bounce: newsletterBounces, issueId: newsletterDeliveries.issueId, sortKey: createdAtKey })
    .from(newsletterBounces)
    .leftJoin(newsletterDeliveries, eq(newsletterDeliveries.id, newsletterBounces.deliveryId))
    .where(and(...filters))
    .orderBy(desc(newsletterBounces.createdAt), desc(newsletterBounces.id))
    .limit(options.limit + 1);
}
