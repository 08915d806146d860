/** The brief of a campaign: one reviewed text in every content language (the approval workflow's first content type). */
import { z } from 'zod';
import { localizedTextSchema } from '../localized-text.js';

export const CAMPAIGN_BRIEF_CONTENT_TYPE = 'planning.campaign-brief';
export const CAMPAIGN_BRIEF_MAX_LENGTH = 10_000;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const CampaignBriefUpdateSchema = z.strictObject({
  brief: localizedTextSchema({ maxLength: CAMPAIGN_BRIEF_MAX_LENGTH }),
  /** The campaign's `updatedAt` the editor loaded; a newer row means someone else saved meanwhile. */
  expectedUpdatedAt: z.string().datetime({ offset: true }).optional(),
});
export type CampaignBriefUpdate = z.infer<typeof CampaignBriefUpdateSchema>;

export const CampaignBriefSchema = z.object({
  campaignId: z.string().uuid(),
  title: LocalizedOut,
  goalDate: z.string(),
  brief: LocalizedOut,
  updatedAt: z.string(),
});
export type CampaignBrief = z.infer<typeof CampaignBriefSchema>;
