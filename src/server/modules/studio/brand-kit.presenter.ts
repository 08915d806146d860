/** Shapes brand kit and partner rows for the API (explicit response shape, STYLE G3). */
import {
  type BrandColors,
  type BrandFonts,
  type BrandKit,
  type BrandPartner,
  type BrandPartnerRole,
  stripOrder,
  textContrastOf,
} from '../../../shared/studio/brand-kit.schema.js';
import type { BrandKitRow, BrandPartnerRow } from './brand-kit.repo.js';

type Localized = BrandKit['funderDisclaimer'];

export function presentPartner(row: BrandPartnerRow): BrandPartner {
  return {
    id: row.id,
    organisationId: row.organisationId,
    name: row.name as Localized,
    logoFileId: row.logoFileId,
    role: row.role as BrandPartnerRole,
    position: row.position,
    mention: row.mention as Localized,
    languages: row.languages,
  };
}

/** The kit as saved, or (row undefined) the defaults built from the workspace's settings. */
export function presentBrandKit(
  workspaceId: string,
  kit: Pick<BrandKitRow, 'colors' | 'fonts' | 'logoLightFileId' | 'logoDarkFileId' | 'funderDisclaimer'> & { updatedAt: Date | null },
  partners: BrandPartnerRow[],
  isSaved: boolean,
): BrandKit {
  const colors = kit.colors as BrandColors;
  return {
    workspaceId,
    colors,
    fonts: kit.fonts as BrandFonts,
    logoLightFileId: kit.logoLightFileId,
    logoDarkFileId: kit.logoDarkFileId,
    funderDisclaimer: kit.funderDisclaimer as Localized,
    isSaved,
    updatedAt: kit.updatedAt ? kit.updatedAt.toISOString() : null,
    contrast: textContrastOf(colors),
    partners: stripOrder(partners).map(presentPartner),
  };
}
