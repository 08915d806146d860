/**
 * Retro-planning templates: milestones placed at offsets from a goal date that does not move (a
 * forum, a press conference). One schema for the API, the template editor and the shipped catalog.
 * Beyond field limits it checks the milestone graph, because a template with a loop or a dangling
 * dependency would produce a plan nobody can follow; each problem names the milestone at fault.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { ROLES } from '../roles.js';
import { findCycle } from './dependency-graph.js';

export const milestoneKeySchema = z
  .string()
  .min(1)
  .max(LIMITS.planningKeyLength)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'INVALID_FORMAT' });

export const MilestoneTemplateSchema = z.strictObject({
  key: milestoneKeySchema,
  title: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  /** Days from the goal date to this milestone's due date: -45 is "D-45", +7 is "D+7". */
  offsetDays: z
    .number()
    .int()
    .min(-LIMITS.planningOffsetDaysMax, { message: 'OFFSET_OUT_OF_RANGE' })
    .max(LIMITS.planningOffsetDaysMax, { message: 'OFFSET_OUT_OF_RANGE' }),
  /** The workspace role expected to do the work; the campaign assigns a person. */
  role: z.enum(ROLES),
  /** Working time before the due date, the due day included (1 = the due day only). */
  durationDays: z.number().int().min(1).max(LIMITS.planningDurationDaysMax),
  /** Keys of milestones that must be due before this one starts. */
  dependsOn: z.array(milestoneKeySchema).max(LIMITS.planningMilestonesMax).default([]),
});
export type MilestoneTemplate = z.infer<typeof MilestoneTemplateSchema>;

export const TEMPLATE_ISSUE_CODES = ['DUPLICATE_KEY', 'UNKNOWN_DEPENDENCY', 'DEPENDENCY_CYCLE', 'STARTS_BEFORE_DEPENDENCY'] as const;
export type TemplateIssueCode = (typeof TEMPLATE_ISSUE_CODES)[number];

export interface TemplateIssue {
  code: TemplateIssueCode;
  /** Path inside the template, as in zod issues: `['milestones', 2, 'dependsOn', 0]`. */
  path: Array<string | number>;
  params?: Record<string, unknown>;
}

type MilestoneShape = Pick<MilestoneTemplate, 'key' | 'offsetDays' | 'durationDays' | 'dependsOn'>;

/** Start day of a milestone relative to the goal date. */
export function startOffsetOf(milestone: Pick<MilestoneTemplate, 'offsetDays' | 'durationDays'>): number {
  return milestone.offsetDays - milestone.durationDays + 1;
}

/**
 * Problems with how milestones refer to each other. Graph checks run only on a list whose keys and
 * references are sound, so one mistake yields one clear message rather than a cascade.
 */
export function findTemplateIssues(milestones: readonly MilestoneShape[]): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const indexByKey = new Map<string, number>();
  milestones.forEach((milestone, index) => {
    if (indexByKey.has(milestone.key))
      issues.push({ code: 'DUPLICATE_KEY', path: ['milestones', index, 'key'], params: { key: milestone.key } });
    else indexByKey.set(milestone.key, index);
  });
  milestones.forEach((milestone, index) => {
    const seen = new Set<string>();
    milestone.dependsOn.forEach((dependency, position) => {
      const path = ['milestones', index, 'dependsOn', position];
      if (!indexByKey.has(dependency)) issues.push({ code: 'UNKNOWN_DEPENDENCY', path, params: { key: dependency } });
      else if (seen.has(dependency)) issues.push({ code: 'DUPLICATE_KEY', path, params: { key: dependency } });
      seen.add(dependency);
    });
  });
  if (issues.length > 0) return issues;

  const edges = milestones.flatMap((milestone) =>
    milestone.dependsOn.map((dependency) => ({ prerequisite: dependency, dependant: milestone.key })),
  );
  const cycle = findCycle(
    milestones.map((milestone) => milestone.key),
    edges,
  );
  if (cycle) {
    const first = indexByKey.get(cycle[1] ?? cycle[0] ?? '') ?? 0;
    return [{ code: 'DEPENDENCY_CYCLE', path: ['milestones', first, 'dependsOn'], params: { cycle } }];
  }

  // Applying the template must give a plan that already satisfies its own dependencies; otherwise
  // the first reschedule would move milestones the officer never touched.
  milestones.forEach((milestone, index) => {
    for (const dependency of milestone.dependsOn) {
      const prerequisite = milestones[indexByKey.get(dependency) ?? 0] as MilestoneShape;
      if (startOffsetOf(milestone) < prerequisite.offsetDays) {
        issues.push({ code: 'STARTS_BEFORE_DEPENDENCY', path: ['milestones', index, 'offsetDays'], params: { key: dependency } });
      }
    }
  });
  return issues;
}

/** Fields of a template without the graph checks, for `.partial()`/`.extend()` in route schemas. */
export const PlanningTemplateFieldsSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  description: localizedTextSchema({ maxLength: 2000 }).optional(),
  milestones: z
    .array(MilestoneTemplateSchema)
    .min(1, { message: 'TOO_SHORT' })
    .max(LIMITS.planningMilestonesMax, { message: 'TOO_MANY_MILESTONES' }),
});

export const PlanningTemplateSchema = PlanningTemplateFieldsSchema.superRefine((template, context) => {
  for (const issue of findTemplateIssues(template.milestones)) {
    context.addIssue({ code: 'custom', message: issue.code, path: issue.path, params: issue.params });
  }
});
export type PlanningTemplate = z.infer<typeof PlanningTemplateSchema>;
/** What callers write (e.g. `dependsOn` may be left out). */
export type PlanningTemplateInput = z.input<typeof PlanningTemplateSchema>;
