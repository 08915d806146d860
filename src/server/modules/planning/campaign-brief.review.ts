/** The campaign brief as a reviewable content type: its text per language, the campaign's title, and its page. */
import { type LocalizedText, pickLocalized } from '../../../shared/localized-text.js';
import { CAMPAIGN_BRIEF_CONTENT_TYPE } from '../../../shared/planning/campaign-brief.schema.js';
import type { ReviewableContentType } from '../../platform/review/review.registry.js';
import { findCampaignBrief } from './campaign-brief.repo.js';

export const campaignBriefContent: ReviewableContentType = {
  type: CAMPAIGN_BRIEF_CONTENT_TYPE,
  readPermission: 'planning:read',
  async load(db, workspaceId, id) {
    const row = await findCampaignBrief(db, workspaceId, id);
    if (!row) return undefined;
    const [first = 'fr', ...rest] = row.contentLanguages;
    return {
      languages: row.brief as LocalizedText,
      title: pickLocalized(row.title as LocalizedText, first, rest)?.value ?? '',
      link: `/app/w/${workspaceId}/campaigns/${id}/brief`,
    };
  },
};
