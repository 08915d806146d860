/** The partner strip's rules on the page side: what each language's strip shows, and moves within a role. */
import { stripOrder } from '../../../../shared/studio/brand-kit.schema.js';
import type { BrandPartner } from './brand-kit-api.js';

/** The entries a strip in `language` prints, in print order (same rule as the server's `partnerStripFor`). */
export function stripFor(partners: readonly BrandPartner[], language: string): BrandPartner[] {
  return stripOrder(partners.filter((partner) => partner.languages.length === 0 || partner.languages.includes(language)));
}

/**
 * The whole strip's ids after moving one entry one step earlier (-1) or later (+1) among entries of
 * its role (funders always print after partners); null when it cannot move that way.
 */
export function moveWithinRole(partners: readonly BrandPartner[], id: string, step: -1 | 1): string[] | null {
  const ordered = stripOrder(partners);
  const index = ordered.findIndex((partner) => partner.id === id);
  const neighbour = ordered[index + step];
  if (index < 0 || !neighbour || neighbour.role !== ordered[index]?.role) return null;
  const ids = ordered.map((partner) => partner.id);
  [ids[index], ids[index + step]] = [ids[index + step] as string, ids[index] as string];
  return ids;
}
