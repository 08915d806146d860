/**
 * Statistics of an issue, per language version and in total, and the workspace's latest issues with
 * their main rates. Rates are fractions (0–1), null when there is nothing to divide by: opens,
 * clicks and unsubscribes over delivered messages (sent and not hard-bounced), bounces over sent
 * messages, click-to-open over unique opens.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import { VARIANTS } from '../../../shared/newsletter/newsletter.schema.js';
import type { IssueStats, StatsOverview, VariantStats } from '../../../shared/newsletter/tracking-api.schema.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { loadNewsletterSettings } from './newsletter-settings.repo.js';
import {
  type DeliveryFigures,
  findClicksByUrl,
  findDeliveryFiguresByVariant,
  findIssueForStats,
  findMainFiguresByIssue,
  findRecentSentIssues,
} from './stats.repo.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Links listed: a newsletter has a few dozen at most. */
const LINKS_SHOWN = 100;
const OVERVIEW_ISSUES = 10;

const ZERO: DeliveryFigures = {
  recipients: 0,
  pending: 0,
  sent: 0,
  delivered: 0,
  failed: 0,
  hard: 0,
  soft: 0,
  complaint: 0,
  uniqueOpens: 0,
  totalOpens: 0,
  uniqueClicks: 0,
  totalClicks: 0,
  unsubscribes: 0,
};

export function fraction(part: number, whole: number): number | null {
  return whole > 0 ? Math.min(1, part / whole) : null;
}

function sumFigures(rows: DeliveryFigures[]): DeliveryFigures {
  const total = { ...ZERO };
  for (const row of rows) for (const key of Object.keys(ZERO) as Array<keyof DeliveryFigures>) total[key] += row[key];
  return total;
}

export function variantStats(variant: string, figures: DeliveryFigures): VariantStats {
  return {
    variant,
    recipients: figures.recipients,
    pending: figures.pending,
    sent: figures.sent,
    delivered: figures.delivered,
    failed: figures.failed,
    bounces: { hard: figures.hard, soft: figures.soft, complaint: figures.complaint },
    opens: { unique: figures.uniqueOpens, total: figures.totalOpens },
    clicks: { unique: figures.uniqueClicks, total: figures.totalClicks },
    unsubscribes: figures.unsubscribes,
    rates: {
      open: fraction(figures.uniqueOpens, figures.delivered),
      click: fraction(figures.uniqueClicks, figures.delivered),
      clickToOpen: fraction(figures.uniqueClicks, figures.uniqueOpens),
      bounce: fraction(figures.hard + figures.soft, figures.sent),
      unsubscribe: fraction(figures.unsubscribes, figures.delivered),
    },
  };
}

const variantOrder = (variant: string) => {
  const index = (VARIANTS as readonly string[]).indexOf(variant);
  return index === -1 ? VARIANTS.length : index;
};

export function createStatsService(platform: Pick<Platform, 'database'>) {
  const db = platform.database.db;

  return {
    async issueStats(ctx: ServiceContext, issueId: string): Promise<IssueStats> {
      const workspaceId = ctx.membership.workspaceId;
      if (!UUID.test(issueId)) throw new AppError('NOT_FOUND');
      const issue = await findIssueForStats(db, workspaceId, issueId);
      if (!issue) throw new AppError('NOT_FOUND');
      const [figures, links, settings] = await Promise.all([
        findDeliveryFiguresByVariant(db, issueId),
        findClicksByUrl(db, issueId, LINKS_SHOWN),
        loadNewsletterSettings(db, workspaceId),
      ]);
      const variants = figures
        .sort((a, b) => variantOrder(a.variant) - variantOrder(b.variant))
        .map((row) => variantStats(row.variant, row));
      return {
        issueId,
        status: issue.status,
        trackOpens: settings.trackOpens,
        trackClicks: settings.trackClicks,
        total: variantStats('total', sumFigures(figures)),
        variants,
        links,
      };
    },

    /** The last issues that went out, with their main rates, for the issues list. */
    async overview(ctx: ServiceContext): Promise<StatsOverview> {
      const workspaceId = ctx.membership.workspaceId;
      const [issues, settings] = await Promise.all([
        findRecentSentIssues(db, workspaceId, OVERVIEW_ISSUES),
        loadNewsletterSettings(db, workspaceId),
      ]);
      const figures = new Map(
        (
          await findMainFiguresByIssue(
            db,
            issues.map((issue) => issue.id),
          )
        ).map((row) => [row.issueId, row]),
      );
      return {
        trackOpens: settings.trackOpens,
        trackClicks: settings.trackClicks,
        items: issues.map((issue) => {
          const row = figures.get(issue.id) ?? { ...ZERO, bounced: 0 };
          return {
            issueId: issue.id,
            subject: issue.subject as LocalizedText,
            status: issue.status,
            startedAt: issue.startedAt?.toISOString() ?? null,
            finishedAt: issue.finishedAt?.toISOString() ?? null,
            recipients: row.recipients,
            sent: row.sent,
            delivered: row.delivered,
            rates: {
              open: fraction(row.uniqueOpens, row.delivered),
              click: fraction(row.uniqueClicks, row.delivered),
              bounce: fraction(row.bounced, row.sent),
              unsubscribe: fraction(row.unsubscribes, row.delivered),
            },
          };
        }),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
