/**
 * Campaigns and retro-planning (S3): campaigns with a goal date, workspace templates (the shipped ones
 * live in `src/shared/planning/templates.catalog.ts`), dated tasks with dependencies, comments,
 * attachments, the campaign brief (a reviewed content item), and workspace holiday changes.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { MilestoneTemplate } from '../../../shared/planning/planning-template.schema.js';
import { users } from '../../platform/auth/auth.tables.js';
import { files, workspaces } from '../../platform/platform.tables.js';
import { organisations } from '../directory/directory.tables.js';
import { planAudiences, planChannels, planObjectives } from './plan.tables.js';

const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

export interface ChecklistItem {
  id: string;
  label: string;
  isDone: boolean;
}

export const campaigns = pgTable(
  'campaign',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** `external` (public campaign) or `internal` (within the consortium). */
    kind: text('kind').notNull().default('external'),
    goalDate: date('goal_date', { mode: 'string' }).notNull(),
    /** planned, active, done (a finished campaign can become a template), cancelled. */
    status: text('status').notNull().default('planned'),
    templateKey: text('template_key'),
    ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    brief: jsonb('brief').$type<LocalizedText>().notNull().default({}),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_workspace_goal_idx').on(t.workspaceId, t.goalDate)],
);

export const campaignObjectives = pgTable(
  'campaign_objective',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => planObjectives.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.objectiveId] })],
);

export const campaignAudiences = pgTable(
  'campaign_audience',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    audienceId: uuid('audience_id')
      .notNull()
      .references(() => planAudiences.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.audienceId] })],
);

export const campaignChannels = pgTable(
  'campaign_channel',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => planChannels.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.channelId] })],
);

export const planningTemplates = pgTable(
  'planning_template',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    /** A workspace template with a shipped template's key replaces that one in this workspace. */
    key: text('key').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    milestones: jsonb('milestones').$type<MilestoneTemplate[]>().notNull(),
    createdFromCampaignId: uuid('created_from_campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('planning_template_workspace_key_idx').on(t.workspaceId, t.key)],
);

export const tasks = pgTable(
  'task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    /** The template milestone it came from, so a campaign can be turned back into a template. */
    milestoneKey: text('milestone_key'),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** The role expected to do it (from the template), shown until someone is assigned. */
    role: text('role'),
    assigneeUserId: text('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** todo, in_progress, done. */
    status: text('status').notNull().default('todo'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** A milestone is a dated point (launch, forum day) rather than work. */
    isMilestone: boolean('is_milestone').notNull().default(false),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Reminders already sent, so a retried job never sends one twice: `due-soon:<date>`, `overdue:<date>`. */
    remindersSent: text('reminders_sent').array().notNull().default(sql`ARRAY[]::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('task_workspace_due_idx').on(t.workspaceId, t.dueDate),
    index('task_campaign_idx').on(t.campaignId, t.dueDate),
    index('task_assignee_idx').on(t.assigneeUserId, t.status, t.dueDate),
  ],
);

export const taskDependencies = pgTable(
  'task_dependency',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    prerequisiteId: uuid('prerequisite_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    workspaceId: workspaceId(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.prerequisiteId] }), index('task_dependency_prerequisite_idx').on(t.prerequisiteId)],
);

export const taskComments = pgTable(
  'task_comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_comment_task_idx').on(t.taskId, t.createdAt)],
);

export const taskAttachments = pgTable(
  'task_attachment',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    workspaceId: workspaceId(),
    addedBy: text('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.fileId] })],
);

/** A workspace's changes to the holiday calendar: dates added (a local holiday) or removed (an estimate corrected). */
export const holidayChanges = pgTable(
  'holiday_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: workspaceId(),
    /** `added` or `removed`. */
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull().default({}),
    /** Countries it applies to; empty means every holiday country of the workspace. */
    countries: text('countries').array().notNull().default(sql`ARRAY[]::text[]`),
    /** For `removed`: the built-in holiday key it cancels on that date. */
    holidayKey: text('holiday_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('holiday_change_workspace_idx').on(t.workspaceId, t.date)],
);
