/**
 * Rows the tracking, bounce and statistics tests start from, inserted directly (the sending engine is
 * another area): subscribers, an issue that went out, its deliveries and the workspace's switches.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import {
  newsletterDeliveries,
  newsletterIssues,
  newsletterSettings,
  subscribers,
} from '../../src/server/modules/newsletter/newsletter.tables.js';
import type { Platform } from '../../src/server/platform/platform.js';
import { localized } from '../../src/shared/localized-text.js';

export type DeliveryRow = typeof newsletterDeliveries.$inferSelect;

export function trackingFixture(platform: Platform) {
  const db = platform.database.db;
  return {
    async subscriber(workspaceId: string, overrides: { email?: string; languages?: string[]; status?: string } = {}) {
      const email = overrides.email ?? `reader-${randomUUID().slice(0, 8)}@example.test`;
      const [row] = await db
        .insert(subscribers)
        .values({
          workspaceId,
          email,
          emailNormalized: email.trim().toLowerCase(),
          languages: overrides.languages ?? ['fr'],
          status: overrides.status ?? 'active',
        })
        .returning();
      return row as typeof subscribers.$inferSelect;
    },

    async issue(workspaceId: string, overrides: { status?: string; startedAt?: Date } = {}) {
      const [row] = await db
        .insert(newsletterIssues)
        .values({
          workspaceId,
          subject: localized({ fr: 'Lettre de novembre', ar: 'نشرة نوفمبر' }),
          status: overrides.status ?? 'sent',
          startedAt: overrides.startedAt ?? new Date(),
        })
        .returning();
      return row as typeof newsletterIssues.$inferSelect;
    },

    /** A delivery already sent (unless `state` says otherwise), with a Message-ID. */
    async delivery(
      workspaceId: string,
      issueId: string,
      subscriber: { id: string; email: string },
      overrides: Partial<typeof newsletterDeliveries.$inferInsert> = {},
    ): Promise<DeliveryRow> {
      const [row] = await db
        .insert(newsletterDeliveries)
        .values({
          workspaceId,
          issueId,
          subscriberId: subscriber.id,
          email: subscriber.email,
          variant: 'fr',
          state: 'sent',
          sentAt: new Date(),
          messageId: `<${randomUUID()}@tawasul.test>`,
          ...overrides,
        })
        .returning();
      return row as DeliveryRow;
    },

    async deliveryById(id: number): Promise<DeliveryRow> {
      const [row] = await db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.id, id));
      return row as DeliveryRow;
    },

    async subscriberById(id: string) {
      const [row] = await db.select().from(subscribers).where(eq(subscribers.id, id));
      return row as typeof subscribers.$inferSelect;
    },

    async tracking(workspaceId: string, switches: { opens: boolean; clicks: boolean }) {
      await db
        .insert(newsletterSettings)
        .values({ workspaceId, trackOpens: switches.opens, trackClicks: switches.clicks })
        .onConflictDoUpdate({
          target: newsletterSettings.workspaceId,
          set: { trackOpens: switches.opens, trackClicks: switches.clicks, updatedAt: sql`now()` },
        });
    },

    async count(query: string, params: unknown[] = []): Promise<number> {
      const { rows } = await platform.database.executeSql(query, params);
      return Number((rows[0] as { count: string | number }).count);
    },
  };
}
