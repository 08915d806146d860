/** Reading and editing a campaign brief; an edit sends an approved brief back to review. */
import type { CampaignBrief, CampaignBriefUpdate } from '../../../shared/planning/campaign-brief.schema.js';
import { CAMPAIGN_BRIEF_CONTENT_TYPE } from '../../../shared/planning/campaign-brief.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { contentChanged } from '../../platform/review/content-changed.js';
import { findDeciderIds } from '../../platform/review/review.repo.js';
import { type CampaignBriefRow, findCampaignBrief, updateCampaignBriefRow } from './campaign-brief.repo.js';
import { campaignBriefContent } from './campaign-brief.review.js';

function presentCampaignBrief(row: CampaignBriefRow): CampaignBrief {
  return {
    campaignId: row.id,
    title: row.title as CampaignBrief['title'],
    goalDate: row.goalDate,
    brief: row.brief as CampaignBrief['brief'],
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function createCampaignBriefService(platform: Pick<Platform, 'database' | 'mailer' | 'config'>) {
  const db = platform.database.db;
  return {
    async get(ctx: ServiceContext, campaignId: string): Promise<CampaignBrief> {
      const row = await findCampaignBrief(db, ctx.membership.workspaceId, campaignId);
      if (!row) throw new AppError('NOT_FOUND');
      return presentCampaignBrief(row);
    },

    async update(ctx: ServiceContext, campaignId: string, input: CampaignBriefUpdate): Promise<CampaignBrief> {
      const workspaceId = ctx.membership.workspaceId;
      const actorId = ctx.actor.user.id;
      const { row, review } = await db.transaction(async (tx) => {
        const before = await findCampaignBrief(tx, workspaceId, campaignId);
        if (!before) throw new AppError('NOT_FOUND');
        if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== before.updatedAt.getTime()) {
          throw new AppError('CONFLICT');
        }
        await updateCampaignBriefRow(tx, workspaceId, campaignId, input.brief);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: actorId,
          action: 'update-brief',
          entityType: 'campaign',
          entityId: campaignId,
          before: { brief: before.brief },
          after: { brief: input.brief },
        });
        const review = await contentChanged(tx, workspaceId, CAMPAIGN_BRIEF_CONTENT_TYPE, campaignId, actorId);
        return { row: (await findCampaignBrief(tx, workspaceId, campaignId)) as CampaignBriefRow, review };
      });
      // An approved brief edited since needs a new look: reviewers hear it as a new request.
      if (review && review.fromState !== 'in_review') {
        const item = await campaignBriefContent.load(db, workspaceId, campaignId);
        const reviewers = (await findDeciderIds(db, workspaceId)).filter((id) => id !== actorId);
        await notify(platform, {
          workspaceId,
          userIds: reviewers,
          kind: 'review-requested',
          params: { title: item?.title ?? '', actor: ctx.actor.user.name },
          link: item?.link,
          email: true,
        });
      }
      return presentCampaignBrief(row);
    },
  };
}
