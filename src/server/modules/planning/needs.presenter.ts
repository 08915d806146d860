/** Shapes need rows for the API (explicit response shape, STYLE G3). */
import type { Need, NeedStatus } from '../../../shared/planning/needs.schema.js';
import type { NeedRow } from './needs.repo.js';

type Localized = Need['title'];

/** `canEdit` depends on who reads: the requester while submitted, or a triager at any time. */
export function presentNeed(row: NeedRow & { requesterName?: string | null }, canEdit = false): Need {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title as Localized,
    description: row.description as Localized,
    audience: row.audience as Localized,
    languages: row.languages,
    neededBy: row.neededBy,
    organisationId: row.organisationId,
    requesterUserId: row.requesterUserId,
    requesterName: row.requesterName ?? null,
    status: row.status as NeedStatus,
    declineReason: row.declineReason,
    campaignId: row.campaignId,
    taskId: row.taskId,
    deliverableFileId: row.deliverableFileId,
    deliverableUrl: row.deliverableUrl,
    canEdit,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
