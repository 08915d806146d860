import { describe, expect, it } from 'vitest';
import { localized } from '../localized-text.js';
import { DependencyCycleError } from './dependency-graph.js';
import { applyTemplate, milestonesFromTasks, moveTask, type PlannedTask, reschedule, type TaskDependency } from './retro-planning.js';
import { CAMPAIGN_LAUNCH, CLOSING_PRESS_CONFERENCE } from './templates.catalog.js';

const task = (id: string, status: PlannedTask['status'], startDate: string, dueDate: string): PlannedTask => ({
  id,
  status,
  startDate,
  dueDate,
});
const datesOf = (tasks: readonly PlannedTask[]) => Object.fromEntries(tasks.map((t) => [t.id, `${t.startDate}..${t.dueDate}`]));

/** A campaign with its goal on Monday 15 June 2026: the brief is done, the visuals are under way. */
const plan = [
  task('brief', 'done', '2026-05-01', '2026-05-05'),
  task('visuals', 'in_progress', '2026-05-06', '2026-05-20'),
  task('translation', 'todo', '2026-05-21', '2026-05-27'),
  task('review', 'todo', '2026-05-28', '2026-06-01'),
  task('launch', 'todo', '2026-06-15', '2026-06-15'),
];
const chain: TaskDependency[] = [
  { taskId: 'visuals', prerequisiteId: 'brief' },
  { taskId: 'translation', prerequisiteId: 'visuals' },
  { taskId: 'review', prerequisiteId: 'translation' },
  { taskId: 'launch', prerequisiteId: 'review' },
];
const inFrance = { today: '2026-05-10', countries: ['FR'] };

describe('applyTemplate', () => {
  it('dates the campaign launch milestones from the goal date, across month ends', () => {
    const tasks = applyTemplate(CAMPAIGN_LAUNCH, '2026-05-15');
    expect(tasks.map((t) => `${t.milestoneKey} ${t.startDate}..${t.dueDate}`)).toEqual([
      'brief 2026-03-27..2026-03-31',
      'visuals 2026-04-02..2026-04-15',
      'translation 2026-04-18..2026-04-24',
      'commission-review 2026-04-27..2026-05-01',
      'scheduling 2026-05-04..2026-05-08',
      'launch 2026-05-15..2026-05-15',
      'report 2026-05-18..2026-05-22',
    ]);
    expect(tasks[1]).toMatchObject({ role: 'contributor', dependsOn: ['brief'], title: CAMPAIGN_LAUNCH.milestones[1]?.title });
  });

  it('lands on 29 February in a leap year and on 1 March otherwise', () => {
    const milestones = [
      { key: 'review', title: localized({ fr: 'Relecture' }), offsetDays: -14, role: 'reviewer' as const, durationDays: 3, dependsOn: [] },
    ];
    expect(applyTemplate({ milestones }, '2028-03-14')[0]).toMatchObject({ startDate: '2028-02-27', dueDate: '2028-02-29' });
    expect(applyTemplate({ milestones }, '2100-03-15')[0]).toMatchObject({ startDate: '2100-02-27', dueDate: '2100-03-01' });
  });

  it('turns a finished campaign back into the same milestones', () => {
    const drafts = applyTemplate(CAMPAIGN_LAUNCH, '2026-10-20');
    const milestones = milestonesFromTasks(
      drafts.map((draft) => ({ ...draft, key: draft.milestoneKey })),
      '2026-10-20',
    );
    expect(milestones).toEqual(CAMPAIGN_LAUNCH.milestones);
  });
});

describe('reschedule', () => {
  it('moves every not-started task by the goal delta and keeps done and started work', () => {
    const result = reschedule(plan, chain, { oldGoal: '2026-06-15', newGoal: '2026-06-22' }, inFrance);
    expect(datesOf(result.tasks)).toEqual({
      brief: '2026-05-01..2026-05-05',
      visuals: '2026-05-06..2026-05-20',
      translation: '2026-05-28..2026-06-03',
      review: '2026-06-04..2026-06-08',
      launch: '2026-06-22..2026-06-22',
    });
    expect(result.changed.map((change) => change.id)).toEqual(['translation', 'review', 'launch']);
    expect(result.changed[0]).toEqual({
      id: 'translation',
      previousStartDate: '2026-05-21',
      previousDueDate: '2026-05-27',
      startDate: '2026-05-28',
      dueDate: '2026-06-03',
    });
    expect(result.warnings).toEqual([]);
  });

  it('pushes dependants after prerequisites that did not move, in dependency order', () => {
    // Ten days earlier: translation would start on 11 May, but the visuals under way are due on 20 May.
    const result = reschedule(
      plan,
      chain,
      { oldGoal: '2026-06-15', newGoal: '2026-06-05' },
      { today: '2026-05-10', countries: ['FR', 'DZ'] },
    );
    expect(datesOf(result.tasks)).toMatchObject({
      visuals: '2026-05-06..2026-05-20',
      translation: '2026-05-20..2026-05-26',
      review: '2026-05-26..2026-05-30',
      launch: '2026-06-05..2026-06-05',
    });
    // Saturday 30 May is a weekend everywhere; Friday 5 June only in Algeria.
    expect(result.warnings).toEqual([
      { code: 'DUE_ON_NON_WORKING_DAY', taskId: 'review', date: '2026-05-30', weekendIn: ['FR', 'DZ'], holidayKeys: [] },
      { code: 'DUE_ON_NON_WORKING_DAY', taskId: 'launch', date: '2026-06-05', weekendIn: ['DZ'], holidayKeys: [] },
    ]);
  });

  it('says what now falls in the past', () => {
    const tasks = [task('post', 'todo', '2026-06-18', '2026-06-19'), task('report', 'todo', '2026-06-24', '2026-06-26')];
    const result = reschedule(tasks, [], { oldGoal: '2026-06-20', newGoal: '2026-05-28' }, { today: '2026-06-01', countries: [] });
    expect(datesOf(result.tasks)).toEqual({ post: '2026-05-26..2026-05-27', report: '2026-06-01..2026-06-03' });
    expect(result.warnings).toEqual([{ code: 'DUE_IN_PAST', taskId: 'post', date: '2026-05-27' }]);
    const later = reschedule(tasks, [], { oldGoal: '2026-06-20', newGoal: '2026-06-02' }, { today: '2026-06-01', countries: [] });
    expect(later.warnings).toEqual([{ code: 'STARTS_IN_PAST', taskId: 'post', date: '2026-05-31' }]);
  });

  it('flags holidays in the partner countries', () => {
    // Ascension (Thursday 14 May 2026) is off in France, not in Tunisia.
    const tasks = [task('visuals', 'todo', '2026-05-01', '2026-05-07')];
    const change = { oldGoal: '2026-06-01', newGoal: '2026-06-08' };
    expect(reschedule(tasks, [], change, { today: '2026-04-01', countries: ['FR', 'TN'] }).warnings).toEqual([
      { code: 'DUE_ON_NON_WORKING_DAY', taskId: 'visuals', date: '2026-05-14', weekendIn: [], holidayKeys: ['ascension'] },
    ]);
    expect(reschedule(tasks, [], change, { today: '2026-04-01', countries: ['TN'] }).warnings).toEqual([]);
  });

  it('warns about work started before its prerequisite is done', () => {
    const tasks = [task('brief', 'todo', '2026-05-01', '2026-05-05'), task('visuals', 'in_progress', '2026-05-04', '2026-05-15')];
    const result = reschedule(
      tasks,
      [{ taskId: 'visuals', prerequisiteId: 'brief' }],
      { oldGoal: '2026-06-01', newGoal: '2026-06-04' },
      inFrance,
    );
    expect(result.changed.map((change) => change.id)).toEqual(['brief']);
    expect(result.warnings).toContainEqual({ code: 'STARTED_BEFORE_PREREQUISITE_DONE', taskId: 'visuals', prerequisiteId: 'brief' });
  });

  it('moves nothing when the goal date does not change', () => {
    const result = reschedule(plan, chain, { oldGoal: '2026-06-15', newGoal: '2026-06-15' }, inFrance);
    expect(result.changed).toEqual([]);
    expect(result.tasks).toEqual(plan);
  });

  it('refuses dependencies that loop', () => {
    const loop = [...chain, { taskId: 'translation', prerequisiteId: 'launch' }];
    expect(() => reschedule(plan, loop, { oldGoal: '2026-06-15', newGoal: '2026-06-22' }, inFrance)).toThrow(DependencyCycleError);
  });

  it('moves a whole press conference plan by a week when nothing has started', () => {
    const drafts = applyTemplate(CLOSING_PRESS_CONFERENCE, '2026-11-10');
    const tasks = drafts.map((draft) => task(draft.milestoneKey, 'todo', draft.startDate, draft.dueDate));
    const dependencies = drafts.flatMap((draft) =>
      draft.dependsOn.map((prerequisiteId) => ({ taskId: draft.milestoneKey, prerequisiteId })),
    );
    const result = reschedule(
      tasks,
      dependencies,
      { oldGoal: '2026-11-10', newGoal: '2026-11-17' },
      { today: '2026-09-01', countries: ['TN'] },
    );
    expect(result.changed).toHaveLength(tasks.length);
    expect(result.changed.every((change) => change.dueDate === addWeek(change.previousDueDate))).toBe(true);
  });
});

function addWeek(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
}

describe('moveTask', () => {
  it('pushes dependants forward, transitively, only as far as needed', () => {
    const result = moveTask(plan, chain, 'translation', '2026-06-05', inFrance);
    expect(datesOf(result.tasks)).toMatchObject({
      translation: '2026-05-30..2026-06-05',
      review: '2026-06-05..2026-06-09',
      launch: '2026-06-15..2026-06-15',
    });
    expect(result.changed.map((change) => change.id)).toEqual(['translation', 'review']);
  });

  it('never pulls dependants backwards, and warns when the dragged task starts before its prerequisite is due', () => {
    const result = moveTask(plan, chain, 'translation', '2026-05-24', inFrance);
    expect(datesOf(result.tasks)).toMatchObject({ translation: '2026-05-18..2026-05-24', review: '2026-05-28..2026-06-01' });
    expect(result.changed.map((change) => change.id)).toEqual(['translation']);
    expect(result.warnings).toEqual([
      { code: 'DUE_ON_NON_WORKING_DAY', taskId: 'translation', date: '2026-05-24', weekendIn: ['FR'], holidayKeys: [] },
      { code: 'STARTS_BEFORE_PREREQUISITE_DUE', taskId: 'translation', prerequisiteId: 'visuals' },
    ]);
  });

  it('leaves started dependants in place and says so', () => {
    const started = plan.map((t) => (t.id === 'review' ? { ...t, status: 'in_progress' as const } : t));
    const result = moveTask(started, chain, 'translation', '2026-06-03', inFrance);
    expect(datesOf(result.tasks).review).toBe('2026-05-28..2026-06-01');
    expect(result.warnings).toContainEqual({ code: 'STARTED_BEFORE_PREREQUISITE_DONE', taskId: 'review', prerequisiteId: 'translation' });
  });

  it('keeps extra task fields and rejects an unknown task', () => {
    const rich = plan.map((t) => ({ ...t, assigneeId: `person-${t.id}` }));
    expect(moveTask(rich, chain, 'launch', '2026-06-16', inFrance).tasks[4]).toMatchObject({
      assigneeId: 'person-launch',
      dueDate: '2026-06-16',
    });
    expect(() => moveTask(plan, chain, 'ghost', '2026-06-16', inFrance)).toThrow(RangeError);
  });
});
