/**
 * Rules of the calendar (S4): the entries of every registered source in a range, and the private
 * iCalendar feed. A feed URL carries a random token; only its SHA-256 is stored, so the URL is shown
 * once, and rotating it (or revoking it) makes the old URL answer 404 at once.
 *
 * The feed covers the workspace from 60 days back to a year ahead, in the reader's language: the tasks
 * assigned to them, and every milestone and campaign goal date (the fixed dates everybody works to).
 * Holidays stay out of it: a phone calendar already shows its country's, and four countries' would
 * crowd the reader's own.
 */
import { createHash, randomBytes } from 'node:crypto';
import { UI_LOCALES, type UiLocale } from '../../../shared/languages.js';
import { pickLocalized } from '../../../shared/localized-text.js';
import {
  CALENDAR_FEED_DAYS_AFTER,
  CALENDAR_FEED_DAYS_BEFORE,
  type Calendar,
  type CalendarEntry,
  type CalendarFeedCreated,
  type CalendarFeedStatus,
  type CalendarFilterOptions,
  type CalendarFilters,
  type CalendarQuery,
  compareCalendarEntries,
} from '../../../shared/planning/calendar.schema.js';
import { addDays, type CalendarDate, calendarDateAt } from '../../../shared/planning/calendar-date.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { icsEventOf } from './calendar.feed.js';
import { serializeCalendar } from './calendar.ics.js';
import {
  deleteFeed,
  findCalendarWorkspace,
  findFeedByTokenHash,
  findFeedOfUser,
  findFilterOptions,
  upsertFeedToken,
} from './calendar.repo.js';
import { calendarSourcesFor } from './calendar.sources.js';
import './calendar.planning-sources.js';

/** What the feed lists; other kinds join it when their module's items concern everyone too. */
const FEED_KINDS = ['task', 'milestone', 'campaign-goal'];

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The entries of the chosen sources, merged and ordered. */
async function collectEntries(
  db: Db,
  workspaceId: string,
  range: { from: CalendarDate; to: CalendarDate; kinds?: readonly string[]; filters: CalendarFilters },
): Promise<CalendarEntry[]> {
  const lists = await Promise.all(
    calendarSourcesFor(range.kinds).map((source) =>
      source.list(db, workspaceId, { from: range.from, to: range.to, filters: range.filters }),
    ),
  );
  return lists.flat().sort(compareCalendarEntries);
}

function isUiLocale(value: string): value is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(value);
}

export function createCalendarService(db: Db, options: { publicUrl: string }) {
  async function workspaceOf(workspaceId: string) {
    const workspace = await findCalendarWorkspace(db, workspaceId);
    if (!workspace) throw new AppError('NOT_FOUND');
    return workspace;
  }

  return {
    async list(ctx: ServiceContext, query: CalendarQuery): Promise<Calendar> {
      const workspaceId = ctx.membership.workspaceId;
      const workspace = await workspaceOf(workspaceId);
      const filters: CalendarFilters = { campaignId: query.campaignId, channelId: query.channelId, organisationId: query.organisationId };
      const entries = await collectEntries(db, workspaceId, { from: query.from, to: query.to, kinds: query.kinds, filters });
      return { from: query.from, to: query.to, timeZone: workspace.timeZone, entries };
    },

    async filterOptions(ctx: ServiceContext): Promise<CalendarFilterOptions> {
      return findFilterOptions(db, ctx.membership.workspaceId);
    },

    async feedStatus(ctx: ServiceContext): Promise<CalendarFeedStatus> {
      const feed = await findFeedOfUser(db, ctx.membership.workspaceId, ctx.actor.user.id);
      return { isActive: Boolean(feed), createdAt: feed ? feed.createdAt.toISOString() : null };
    },

    /** Creates the member's feed, or replaces its token: the previous URL stops working. */
    async rotateFeed(ctx: ServiceContext): Promise<CalendarFeedCreated> {
      const workspaceId = ctx.membership.workspaceId;
      const userId = ctx.actor.user.id;
      const token = randomBytes(32).toString('base64url');
      const row = await db.transaction(async (tx) => {
        const before = await findFeedOfUser(tx, workspaceId, userId);
        const saved = await upsertFeedToken(tx, workspaceId, userId, hashFeedToken(token));
        await recordAudit(tx, {
          workspaceId,
          actorUserId: userId,
          action: before ? 'rotate' : 'create',
          entityType: 'calendar_feed',
          entityId: userId,
          // Never the hash: the audit log is readable by admins.
          before: before ? { createdAt: before.createdAt.toISOString() } : undefined,
          after: { createdAt: saved.createdAt.toISOString() },
        });
        return saved;
      });
      return { url: `${options.publicUrl}/calendar/${token}.ics`, createdAt: row.createdAt.toISOString() };
    },

    async revokeFeed(ctx: ServiceContext): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      const userId = ctx.actor.user.id;
      await db.transaction(async (tx) => {
        const removed = await deleteFeed(tx, workspaceId, userId);
        if (!removed) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: userId,
          action: 'delete',
          entityType: 'calendar_feed',
          entityId: userId,
          before: { createdAt: removed.createdAt.toISOString() },
        });
      });
    },

    /** The iCalendar text of the feed that `token` opens; NOT_FOUND for an unknown, rotated or revoked token. */
    async renderFeed(token: string, now = new Date()): Promise<string> {
      const feed = await findFeedByTokenHash(db, hashFeedToken(token));
      if (!feed) throw new AppError('NOT_FOUND');
      const workspace = await workspaceOf(feed.workspaceId);
      const locale: UiLocale = isUiLocale(feed.locale) ? feed.locale : 'fr';
      const today = calendarDateAt(now, workspace.timeZone);
      const entries = await collectEntries(db, feed.workspaceId, {
        from: addDays(today, -CALENDAR_FEED_DAYS_BEFORE),
        to: addDays(today, CALENDAR_FEED_DAYS_AFTER),
        kinds: FEED_KINDS,
        filters: { assigneeUserId: feed.userId },
      });
      // Only tasks are narrowed to the reader; milestone and goal sources ignore the assignee filter.
      const reader = { locale, languages: workspace.contentLanguages, appUrl: `${options.publicUrl}/app` };
      const workspaceName = pickLocalized(workspace.name, locale, workspace.contentLanguages)?.value ?? '';
      return serializeCalendar({
        name: workspaceName ? `Tawasul · ${workspaceName}` : 'Tawasul',
        timeZone: workspace.timeZone,
        now,
        events: entries.map((entry) => icsEventOf(entry, reader)),
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
