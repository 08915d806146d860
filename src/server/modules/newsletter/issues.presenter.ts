/** Shapes issue rows for the API (explicit response shape, STYLE G3). */
import { EDITABLE_ISSUE_STATUSES, type IssueDetail, type IssueSummary } from '../../../shared/newsletter/issue-api.schema.js';
import type { IssueStatus } from '../../../shared/newsletter/newsletter.schema.js';
import type { ReviewState } from '../../../shared/review/review.schema.js';
import type { NewsletterIssueRow } from './issues.repo.js';
import { issueLanguages } from './render/issue-render.js';

type Localized = IssueSummary['subject'];

/** Whether the content may still change: not once a send has started (sending, paused, sent, cancelled). */
export function isIssueEditable(status: string): boolean {
  return (EDITABLE_ISSUE_STATUSES as readonly string[]).includes(status);
}

export function presentIssueSummary(row: NewsletterIssueRow, reviewState: string | null | undefined): IssueSummary {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    subject: row.subject as Localized,
    sendMode: row.sendMode as IssueSummary['sendMode'],
    status: row.status as IssueStatus,
    languages: issueLanguages(row),
    reviewState: (reviewState ?? 'draft') as ReviewState,
    isEditable: isIssueEditable(row.status),
    blockCount: row.blocks.length,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    recipientCount: row.recipientCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentIssue(row: NewsletterIssueRow, reviewState: string | null | undefined): IssueDetail {
  return {
    ...presentIssueSummary(row, reviewState),
    preheader: row.preheader as Localized,
    blocks: row.blocks,
    bilingualOrder: row.bilingualOrder,
    listIds: row.listIds,
    segmentId: row.segmentId,
    utmSource: row.utmSource,
    utmMedium: row.utmMedium,
    utmCampaign: row.utmCampaign,
    campaignId: row.campaignId,
  };
}
