/** The communication plan (S1): objectives, audiences, key messages, channels, indicators and their values. */
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/platform.tables.js';

const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const timestamps = () => ({
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const planObjectives = pgTable(
  'plan_objective',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('plan_objective_workspace_idx').on(t.workspaceId, t.position)],
);

export const planAudiences = pgTable(
  'plan_audience',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('plan_audience_workspace_idx').on(t.workspaceId, t.position)],
);

export const planKeyMessages = pgTable(
  'plan_key_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    audienceId: uuid('audience_id')
      .notNull()
      .references(() => planAudiences.id, { onDelete: 'cascade' }),
    objectiveId: uuid('objective_id').references(() => planObjectives.id, { onDelete: 'set null' }),
    message: jsonb('message').$type<LocalizedText>().notNull(),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('plan_key_message_audience_idx').on(t.audienceId, t.position)],
);

export const planChannels = pgTable(
  'plan_channel',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    /** facebook, website, newsletter, press, event, print, other: later modules attach their items by kind. */
    kind: text('kind').notNull().default('other'),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('plan_channel_workspace_idx').on(t.workspaceId, t.position)],
);

export const planIndicators = pgTable(
  'plan_indicator',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    objectiveId: uuid('objective_id').references(() => planObjectives.id, { onDelete: 'set null' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    /** Free unit label shown after numbers (`followers`, `%`, `articles`). */
    unit: jsonb('unit').$type<LocalizedText>().notNull().default({}),
    baseline: numeric('baseline', { mode: 'number' }).notNull().default(0),
    target: numeric('target', { mode: 'number' }).notNull(),
    targetDate: date('target_date', { mode: 'string' }),
    position: integer('position').notNull().default(0),
    ...timestamps(),
  },
  (t) => [index('plan_indicator_workspace_idx').on(t.workspaceId, t.position)],
);

export const planIndicatorValues = pgTable(
  'plan_indicator_value',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_indicator_value_indicator_idx').on(t.indicatorId, t.recordedOn)],
);
