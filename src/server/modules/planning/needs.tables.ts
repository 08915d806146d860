/** The needs register (S2): requests for communication tools, triaged by the officer. */
import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { users } from '../../platform/auth/auth.tables.js';
import { files, workspaces } from '../../platform/platform.tables.js';
import { organisations } from '../directory/directory.tables.js';
import { campaigns, tasks } from './campaigns.tables.js';

export const needs = pgTable(
  'need',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** What is needed ("a poster for the Sfax workshop"). */
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** For whom (free text per language, e.g. "local authorities"). */
    audience: jsonb('audience').$type<LocalizedText>().notNull().default({}),
    languages: text('languages').array().notNull().default(sql`ARRAY[]::text[]`),
    neededBy: date('needed_by', { mode: 'string' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    requesterUserId: text('requester_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** submitted, accepted, planned, in_progress, delivered, declined. */
    status: text('status').notNull().default('submitted'),
    declineReason: text('decline_reason'),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    /** The delivered tool, when it is a file of the workspace. */
    deliverableFileId: uuid('deliverable_file_id').references(() => files.id, { onDelete: 'set null' }),
    deliverableUrl: text('deliverable_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('need_workspace_status_idx').on(t.workspaceId, t.status, t.createdAt), index('need_requester_idx').on(t.requesterUserId)],
);
