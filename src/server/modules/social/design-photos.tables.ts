/**
 * Social (T1): library photos rendered from studio designs for a post. A design's PNG becomes an
 * asset of the library (with copies of its people's consent records, so the library shows who is on
 * it); this row remembers which design and which library photos it was made of, so the post checks
 * those photos' consent again — live — every time it checks its own photos (save, schedule, publish).
 */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/platform.tables.js';
import { assets, designs } from '../studio/studio.tables.js';

export const socialDesignPhotos = pgTable(
  'social_design_photo',
  {
    /** The rendered photo in the library (one row per such asset). */
    assetId: uuid('asset_id')
      .primaryKey()
      .references(() => assets.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The design it was rendered from; null once that design is deleted (the photo stays usable on its own consents). */
    designId: uuid('design_id').references(() => designs.id, { onDelete: 'set null' }),
    /** The library photos the design showed when it was rendered. */
    sourceAssetIds: uuid('source_asset_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('social_design_photo_design_idx').on(t.workspaceId, t.designId)],
);

export type SocialDesignPhotoRow = typeof socialDesignPhotos.$inferSelect;
