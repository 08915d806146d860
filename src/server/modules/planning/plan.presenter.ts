/** Shapes communication plan rows for the API (explicit response shapes, STYLE G3). */
import {
  type Audience,
  type Channel,
  type ChannelKind,
  type Indicator,
  type IndicatorValue,
  type KeyMessage,
  type Objective,
  progressPercentOf,
} from '../../../shared/planning/plan.schema.js';
import type { AudienceRow, ChannelRow, IndicatorRow, IndicatorValueRow, KeyMessageRow, ObjectiveRow } from './plan.repo.js';

type Localized = Objective['title'];

function common(row: { id: string; workspaceId: string; position: number; archivedAt: Date | null; createdAt: Date; updatedAt: Date }) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    position: row.position,
    isArchived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentObjective(row: ObjectiveRow): Objective {
  return { ...common(row), title: row.title as Localized, description: row.description as Localized };
}

export function presentAudience(row: AudienceRow): Audience {
  return { ...common(row), name: row.name as Localized, description: row.description as Localized };
}

export function presentKeyMessage(row: KeyMessageRow): KeyMessage {
  return { ...common(row), audienceId: row.audienceId, objectiveId: row.objectiveId, message: row.message as Localized };
}

export function presentChannel(row: ChannelRow): Channel {
  return { ...common(row), name: row.name as Localized, kind: row.kind as ChannelKind };
}

export function presentIndicator(row: IndicatorRow, latest?: IndicatorValueRow): Indicator {
  const baseline = Number(row.baseline);
  const target = Number(row.target);
  const latestValue = latest ? Number(latest.value) : null;
  return {
    ...common(row),
    objectiveId: row.objectiveId,
    name: row.name as Localized,
    unit: row.unit as Localized,
    baseline,
    target,
    targetDate: row.targetDate,
    latestValue,
    latestRecordedOn: latest?.recordedOn ?? null,
    progressPercent: progressPercentOf(baseline, target, latestValue),
  };
}

export function presentIndicatorValue(row: IndicatorValueRow): IndicatorValue {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    recordedOn: row.recordedOn,
    value: Number(row.value),
    note: row.note,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt.toISOString(),
  };
}
