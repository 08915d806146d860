/**
 * Studio (T4, T5): the brand kit, the asset library with consent records, saved visual designs and
 * laid-out documents. Rendered files live in the file store; rows keep what to render them again.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { users } from '../../platform/auth/auth.tables.js';
import { files, workspaces } from '../../platform/platform.tables.js';
import { organisations } from '../directory/directory.tables.js';
import { campaigns } from '../planning/campaigns.tables.js';

/** One brand kit per workspace. Colours are `#rrggbb`; fonts name shipped families (assets/fonts). */
export const brandKits = pgTable('brand_kit', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  colors: jsonb('colors').$type<{ primary: string; secondary: string; accent: string; text: string; background: string }>().notNull(),
  logoLightFileId: uuid('logo_light_file_id').references(() => files.id, { onDelete: 'set null' }),
  logoDarkFileId: uuid('logo_dark_file_id').references(() => files.id, { onDelete: 'set null' }),
  /** Shipped font family per script, e.g. { arabic: 'Noto Naskh Arabic', latin: 'Noto Sans' }. */
  fonts: jsonb('fonts').$type<{ arabic: string; arabicHeading: string; latin: string; latinHeading: string }>().notNull(),
  /** The funder's required mention (e.g. the EU disclaimer), per language, printed on back covers. */
  funderDisclaimer: jsonb('funder_disclaimer').$type<LocalizedText>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The partner logo strip: consortium members and funders, ordered, per language. */
export const brandPartnerLogos = pgTable(
  'brand_partner_logo',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    logoFileId: uuid('logo_file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    /** partner or funder. */
    role: text('role').notNull().default('partner'),
    position: integer('position').notNull().default(0),
    /** A mention printed with the logo ("Avec le soutien de…"), per language. */
    mention: jsonb('mention').$type<LocalizedText>().notNull().default({}),
    /** Languages whose strips show this logo (empty = all). */
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('brand_partner_logo_workspace_idx').on(t.workspaceId, t.position)],
);

export const assets = pgTable(
  'asset',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The stored file, EXIF stripped for images. */
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    thumbnailFileId: uuid('thumbnail_file_id').references(() => files.id, { onDelete: 'set null' }),
    /** image or document. */
    kind: text('kind').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    caption: jsonb('caption').$type<LocalizedText>().notNull().default({}),
    alt: jsonb('alt').$type<LocalizedText>().notNull().default({}),
    credit: text('credit').notNull().default(''),
    licence: text('licence').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`ARRAY[]::text[]`),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** The campaign or event the asset comes from. */
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    width: integer('width'),
    height: integer('height'),
    /** Photos of identifiable people need a consent record to be usable. */
    showsPeople: boolean('shows_people').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('asset_workspace_idx').on(t.workspaceId, t.createdAt),
    index('asset_tags_idx').using('gin', t.tags),
    index('asset_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Consent of a person shown in an asset: who, for what, until when. */
export const assetConsents = pgTable(
  'asset_consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assetId: uuid('asset_id')
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    personName: text('person_name').notNull(),
    /** Uses agreed to: print, web, social, press. */
    scope: text('scope').array().notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    /** The signed form, when scanned. */
    documentFileId: uuid('document_file_id').references(() => files.id, { onDelete: 'set null' }),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('asset_consent_asset_idx').on(t.assetId)],
);

/** A visual made from a template (poster, social card…), saved to reuse and re-export. */
export const designs = pgTable(
  'design',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    template: text('template').notNull(),
    /** ar (Arabic first), fr (French first), bilingual (side by side). */
    variant: text('variant').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    assetIds: uuid('asset_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('design_workspace_idx').on(t.workspaceId, t.updatedAt)],
);

/** A document written in the app and laid out as a branded PDF (T5). */
export const studioDocuments = pgTable(
  'studio_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    subtitle: jsonb('subtitle').$type<LocalizedText>().notNull().default({}),
    /** awareness-guide, advocacy-brief, capitalisation-sheet, research-report, fact-sheet. */
    layout: text('layout').notNull(),
    /** ar, fr, bilingual-sequential, bilingual-facing. */
    mode: text('mode').notNull().default('bilingual-sequential'),
    /** Rich text per language (the editor's JSON document). */
    body: jsonb('body').$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Print order of the languages (`['ar', 'fr']`…), translation status of each body, and the cover
     * image (an asset id): `{ languages, bodyStatus, cover: { imageAssetId } }`.
     */
    settings: jsonb('settings')
      .$type<{ languages?: string[]; bodyStatus?: Record<string, string>; cover?: { imageAssetId: string | null } }>()
      .notNull()
      .default({}),
    /** Raised by every save; an update names the version it read (optimistic concurrency). */
    version: integer('version').notNull().default(1),
    /** Titles and subtitles folded for search (`foldForSearch`), matched with `containsFolded`. */
    searchText: text('search_text').notNull().default(''),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    lastRenderFileId: uuid('last_render_file_id').references(() => files.id, { onDelete: 'set null' }),
    /** Pages of the last exported PDF, when it was made, and the document version it shows. */
    lastRenderPages: integer('last_render_pages'),
    lastRenderedAt: timestamp('last_rendered_at', { withTimezone: true }),
    lastRenderVersion: integer('last_render_version'),
    /** A background export queued and not finished yet; its failure reason when the job gave up. */
    exportRequestedAt: timestamp('export_requested_at', { withTimezone: true }),
    exportError: text('export_error'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('studio_document_workspace_idx').on(t.workspaceId, t.updatedAt),
    index('studio_document_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);
