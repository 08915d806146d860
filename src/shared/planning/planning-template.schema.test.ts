import { describe, expect, it } from 'vitest';
import { localized } from '../localized-text.js';
import { findTemplateIssues, PlanningTemplateSchema, startOffsetOf } from './planning-template.schema.js';

const title = localized({ fr: 'Jalon', ar: 'مرحلة' });

function template(milestones: Array<Record<string, unknown>>) {
  return {
    name: localized({ fr: 'Modèle' }),
    milestones: milestones.map((milestone) => ({ title, role: 'officer', durationDays: 1, dependsOn: [], ...milestone })),
  };
}

function issuesOf(input: unknown) {
  const result = PlanningTemplateSchema.safeParse(input);
  return (result.error?.issues ?? []).map((issue) => ({ message: issue.message, path: issue.path }));
}

describe('planning template schema', () => {
  it('accepts a sound template and defaults dependsOn', () => {
    const parsed = PlanningTemplateSchema.parse({
      name: localized({ fr: 'Lancement' }),
      milestones: [
        { key: 'brief', title, offsetDays: -45, role: 'officer', durationDays: 5 },
        { key: 'launch', title, offsetDays: 0, role: 'officer', durationDays: 1, dependsOn: ['brief'] },
      ],
    });
    expect(parsed.milestones[0]?.dependsOn).toEqual([]);
    expect(parsed.milestones[1]?.dependsOn).toEqual(['brief']);
  });

  it('rejects an offset of a century with OFFSET_OUT_OF_RANGE', () => {
    expect(issuesOf(template([{ key: 'far', offsetDays: -36_500 }]))).toEqual([
      { message: 'OFFSET_OUT_OF_RANGE', path: ['milestones', 0, 'offsetDays'] },
    ]);
    expect(issuesOf(template([{ key: 'far', offsetDays: 731 }]))[0]?.message).toBe('OFFSET_OUT_OF_RANGE');
    expect(issuesOf(template([{ key: 'edge', offsetDays: 730 }]))).toEqual([]);
    expect(issuesOf(template([{ key: 'edge', offsetDays: -730 }]))).toEqual([]);
  });

  it('rejects fractional offsets, zero durations and unknown roles', () => {
    expect(issuesOf(template([{ key: 'a', offsetDays: 1.5 }]))[0]?.path).toEqual(['milestones', 0, 'offsetDays']);
    expect(issuesOf(template([{ key: 'a', offsetDays: 0, durationDays: 0 }]))[0]?.path).toEqual(['milestones', 0, 'durationDays']);
    expect(issuesOf(template([{ key: 'a', offsetDays: 0, role: 'intern' }]))[0]?.path).toEqual(['milestones', 0, 'role']);
  });

  it('limits the number of milestones', () => {
    const many = Array.from({ length: 101 }, (_, index) => ({ key: `m-${index}`, offsetDays: 0 }));
    expect(issuesOf(template(many))).toEqual([{ message: 'TOO_MANY_MILESTONES', path: ['milestones'] }]);
    expect(issuesOf(template(many.slice(0, 100)))).toEqual([]);
    expect(issuesOf(template([]))).toEqual([{ message: 'TOO_SHORT', path: ['milestones'] }]);
  });

  it('rejects duplicate keys and unknown dependencies, naming the milestone', () => {
    expect(
      issuesOf(
        template([
          { key: 'brief', offsetDays: -10 },
          { key: 'brief', offsetDays: -5 },
        ]),
      ),
    ).toEqual([{ message: 'DUPLICATE_KEY', path: ['milestones', 1, 'key'] }]);
    expect(
      issuesOf(
        template([
          { key: 'brief', offsetDays: -10 },
          { key: 'launch', offsetDays: 0, dependsOn: ['brief', 'visuals'] },
        ]),
      ),
    ).toEqual([{ message: 'UNKNOWN_DEPENDENCY', path: ['milestones', 1, 'dependsOn', 1] }]);
  });

  it('rejects circular dependencies and reports the cycle path', () => {
    const input = template([
      { key: 'brief', offsetDays: -30, dependsOn: ['review'] },
      { key: 'visuals', offsetDays: -20, dependsOn: ['brief'] },
      { key: 'review', offsetDays: -10, dependsOn: ['visuals'] },
    ]);
    const result = PlanningTemplateSchema.safeParse(input);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({
      message: 'DEPENDENCY_CYCLE',
      path: ['milestones', 1, 'dependsOn'],
      params: { cycle: ['brief', 'visuals', 'review', 'brief'] },
    });
    expect(issuesOf(template([{ key: 'self', offsetDays: 0, dependsOn: ['self'] }]))[0]?.message).toBe('DEPENDENCY_CYCLE');
  });

  it('rejects a milestone planned to start before what it depends on is due', () => {
    // Visuals take 10 days ending at D-30, so they would start at D-39, before the brief (D-35).
    expect(
      issuesOf(
        template([
          { key: 'brief', offsetDays: -35 },
          { key: 'visuals', offsetDays: -30, durationDays: 10, dependsOn: ['brief'] },
        ]),
      ),
    ).toEqual([{ message: 'STARTS_BEFORE_DEPENDENCY', path: ['milestones', 1, 'offsetDays'] }]);
    // Starting on the day the prerequisite is due is fine.
    expect(
      issuesOf(
        template([
          { key: 'brief', offsetDays: -39 },
          { key: 'visuals', offsetDays: -30, durationDays: 10, dependsOn: ['brief'] },
        ]),
      ),
    ).toEqual([]);
  });

  it('is usable without zod for already-parsed milestones', () => {
    expect(startOffsetOf({ offsetDays: -30, durationDays: 10 })).toBe(-39);
    expect(findTemplateIssues([{ key: 'a', offsetDays: 0, durationDays: 1, dependsOn: ['a'] }])).toEqual([
      { code: 'DEPENDENCY_CYCLE', path: ['milestones', 0, 'dependsOn'], params: { cycle: ['a', 'a'] } },
    ]);
  });
});
