/** Shapes asset and consent rows for the API (explicit response shape, STYLE G3). */
import type { Asset, AssetKind, Consent, ConsentUse } from '../../../shared/studio/assets.schema.js';
import { consentSummaryOf, isConsentExpired } from '../../../shared/studio/consent-rules.js';
import type { AssetWithFile, ConsentRow } from './assets.repo.js';

type Localized = Asset['title'];

export function presentConsent(row: ConsentRow, today: string): Consent {
  return {
    id: row.id,
    assetId: row.assetId,
    personName: row.personName,
    scope: row.scope as ConsentUse[],
    expiresOn: row.expiresOn,
    documentFileId: row.documentFileId,
    notes: row.notes,
    isExpired: isConsentExpired(row, today),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAsset(row: AssetWithFile, consents: readonly ConsentRow[], today: string, canEdit: boolean): Asset {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind as AssetKind,
    fileId: row.fileId,
    thumbnailFileId: row.thumbnailFileId,
    contentType: row.contentType,
    byteSize: row.byteSize,
    originalName: row.originalName,
    width: row.width,
    height: row.height,
    title: row.title as Localized,
    caption: row.caption as Localized,
    alt: row.alt as Localized,
    credit: row.credit,
    licence: row.licence,
    tags: row.tags,
    organisationId: row.organisationId,
    campaignId: row.campaignId,
    languages: row.languages,
    showsPeople: row.showsPeople,
    consent: consentSummaryOf(row.showsPeople, consents, today),
    isArchived: row.archivedAt !== null,
    canEdit,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit keeps of an asset. */
export function auditedAsset(
  row: AssetWithFile | (Omit<AssetWithFile, 'contentType' | 'byteSize' | 'originalName'> & Partial<AssetWithFile>),
) {
  const { searchText: _searchText, ...rest } = row;
  return rest;
}
