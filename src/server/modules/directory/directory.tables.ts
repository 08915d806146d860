/** Directory tables: the consortium's organisations and people (X2). */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { files, workspaces } from '../../platform/platform.tables.js';

export const organisations = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    country: text('country').notNull(),
    city: jsonb('city').$type<LocalizedText>().notNull().default({}),
    type: text('type').notNull(),
    website: text('website'),
    logoFileId: uuid('logo_file_id').references(() => files.id, { onDelete: 'set null' }),
    /** Folded names for search (Arabic letter variants and diacritics removed), written by the service. */
    searchText: text('search_text').notNull(),
    /** Sort key: the name in the workspace's first language, folded. */
    sortName: text('sort_name').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisation_workspace_sort_idx').on(t.workspaceId, t.sortName, t.id),
    // The default list (active only) and its count read this index alone (index-only scan).
    index('organisation_workspace_active_sort_idx').on(t.workspaceId, t.sortName, t.id).where(sql`${t.archivedAt} is null`),
    index('organisation_workspace_country_idx').on(t.workspaceId, t.country),
    // Substring search (`like '%…%'`) on folded Arabic and French names through trigrams (pg_trgm).
    index('organisation_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const people = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    email: text('email'),
    phone: text('phone'),
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    projectRole: jsonb('project_role').$type<LocalizedText>().notNull().default({}),
    searchText: text('search_text').notNull(),
    sortName: text('sort_name').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('person_workspace_sort_idx').on(t.workspaceId, t.sortName, t.id),
    index('person_workspace_active_sort_idx').on(t.workspaceId, t.sortName, t.id).where(sql`${t.archivedAt} is null`),
    index('person_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('person_organisation_idx').on(t.organisationId),
    uniqueIndex('person_workspace_email_idx').on(t.workspaceId, t.email),
  ],
);
