/** Campaigns and retro-planning through the API, on the real database: templates, goal moves, Gantt moves, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, calendarDateAt, daysBetween } from '../../src/shared/planning/calendar-date.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let officer: Session;
let contributor: Session;
let viewer: Session;
let today: string;

const title = {
  fr: { value: 'Conférence de presse de clôture', status: 'reviewed' },
  ar: { value: 'الندوة الصحفية الختامية', status: 'reviewed' },
};

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  today = calendarDateAt(new Date(), 'Africa/Casablanca');
});
afterAll(() => t.close());

const url = (path: string) => `/api/workspaces/${workspaceId}${path}`;
type PlanTask = { id: string; milestoneKey: string; startDate: string; dueDate: string; status: string; prerequisiteIds: string[] };

async function createPressConference(goalDate: string) {
  const created = await t.request(officer, {
    method: 'POST',
    url: url('/campaigns'),
    payload: { title, goalDate, templateKey: 'closing-press-conference' },
  });
  expect(created.statusCode).toBe(201);
  const plan = (await t.request(viewer, { method: 'GET', url: url(`/campaigns/${created.json().id}/plan`) })).json();
  const byKey = new Map<string, PlanTask>(plan.tasks.map((task: PlanTask) => [task.milestoneKey, task]));
  return { campaign: created.json(), plan, byKey };
}

async function auditCount(): Promise<number> {
  const { rows } = await t.platform.database.executeSql('select count(*)::int as total from audit_log where workspace_id = $1', [
    workspaceId,
  ]);
  return Number(rows[0]?.total);
}

describe('campaigns and retro-planning', () => {
  it('applies a template backwards from the goal date, with its dependencies', async () => {
    const goal = addDays(today, 60);
    const { campaign, plan, byKey } = await createPressConference(goal);
    expect(campaign.taskCounts.total).toBe(9);
    expect(byKey.get('press-conference')?.dueDate).toBe(goal);
    expect(byKey.get('key-messages')?.dueDate).toBe(addDays(goal, -30));
    expect(byKey.get('key-messages')?.startDate).toBe(addDays(goal, -34));
    expect(byKey.get('press-review')?.dueDate).toBe(addDays(goal, 5));
    const draft = byKey.get('press-kit-draft') as PlanTask;
    expect(draft.prerequisiteIds).toEqual([byKey.get('key-messages')?.id]);
    expect(plan.dependencies).toHaveLength(9);
  });

  it('moves the goal date: not-started tasks follow, done work stays, and a dry run saves nothing', async () => {
    const goal = addDays(today, 60);
    const { campaign, byKey } = await createPressConference(goal);
    const done = byKey.get('key-messages') as PlanTask;
    expect((await t.request(officer, { method: 'PATCH', url: url(`/tasks/${done.id}`), payload: { status: 'done' } })).statusCode).toBe(
      200,
    );

    const newGoal = addDays(goal, 7);
    const dry = await t.request(officer, {
      method: 'POST',
      url: url(`/campaigns/${campaign.id}/goal-date`),
      payload: { goalDate: newGoal, dryRun: true },
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().isSaved).toBe(false);
    expect(dry.json().changed).toHaveLength(8);
    expect((await t.request(viewer, { method: 'GET', url: url(`/campaigns/${campaign.id}`) })).json().goalDate).toBe(goal);

    const saved = (
      await t.request(officer, { method: 'POST', url: url(`/campaigns/${campaign.id}/goal-date`), payload: { goalDate: newGoal } })
    ).json();
    expect(saved.isSaved).toBe(true);
    const plan = (await t.request(viewer, { method: 'GET', url: url(`/campaigns/${campaign.id}/plan`) })).json();
    const after = new Map<string, PlanTask>(plan.tasks.map((task: PlanTask) => [task.milestoneKey, task]));
    expect(after.get('key-messages')?.dueDate).toBe(done.dueDate);
    expect(after.get('press-conference')?.dueDate).toBe(newGoal);
    expect(daysBetween(byKey.get('press-review')?.dueDate as string, after.get('press-review')?.dueDate as string)).toBe(7);
    expect((await t.request(viewer, { method: 'GET', url: url(`/campaigns/${campaign.id}`) })).json().goalDate).toBe(newGoal);
  });

  it('warns when a move puts work in the past or on a day off', async () => {
    const { campaign } = await createPressConference(addDays(today, 40));
    const result = (
      await t.request(officer, {
        method: 'POST',
        url: url(`/campaigns/${campaign.id}/goal-date`),
        payload: { goalDate: addDays(today, 10), dryRun: true },
      })
    ).json();
    const codes = new Set(result.warnings.map((warning: { code: string }) => warning.code));
    expect(codes.has('DUE_IN_PAST') || codes.has('STARTS_IN_PAST')).toBe(true);
  });

  it('pushes dependants when a task is dragged later on the Gantt', async () => {
    const { byKey } = await createPressConference(addDays(today, 90));
    const draft = byKey.get('press-kit-draft') as PlanTask;
    const translation = byKey.get('press-kit-translation') as PlanTask;
    const moved = await t.request(officer, {
      method: 'POST',
      url: url(`/tasks/${draft.id}/move`),
      payload: { dueDate: addDays(draft.dueDate, 10) },
    });
    expect(moved.statusCode).toBe(200);
    const changedIds = moved.json().changed.map((change: { id: string }) => change.id);
    expect(changedIds).toEqual(expect.arrayContaining([draft.id, translation.id]));
    const reloaded = (await t.request(viewer, { method: 'GET', url: url(`/tasks/${translation.id}`) })).json();
    expect(reloaded.startDate >= addDays(draft.dueDate, 10)).toBe(true);
  });

  it('lets a contributor work on their own task only, and a viewer on none', async () => {
    const { byKey } = await createPressConference(addDays(today, 50));
    const translation = byKey.get('press-kit-translation') as PlanTask;
    const other = byKey.get('press-kit-draft') as PlanTask;
    await t.request(officer, { method: 'PATCH', url: url(`/tasks/${translation.id}`), payload: { assigneeUserId: contributor.userId } });
    const own = await t.request(contributor, {
      method: 'PATCH',
      url: url(`/tasks/${translation.id}`),
      payload: { status: 'in_progress', checklist: [{ id: 'a', label: 'Glossaire', isDone: true }] },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().status).toBe('in_progress');
    expect(
      (await t.request(contributor, { method: 'PATCH', url: url(`/tasks/${translation.id}`), payload: { dueDate: today } })).statusCode,
    ).toBe(403);
    expect(
      (await t.request(contributor, { method: 'PATCH', url: url(`/tasks/${other.id}`), payload: { status: 'done' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.request(viewer, { method: 'PATCH', url: url(`/tasks/${translation.id}`), payload: { status: 'done' } })).statusCode,
    ).toBe(403);
    const mine = (await t.request(contributor, { method: 'GET', url: url('/tasks?assignee=me') })).json();
    expect(mine.items.map((task: { id: string }) => task.id)).toContain(translation.id);
    const { rows } = await t.platform.database.executeSql("select kind from notification where user_id = $1 and kind = 'task-assigned'", [
      contributor.userId,
    ]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('turns a campaign into a template, and lets a shipped template be edited then restored', async () => {
    const { campaign } = await createPressConference(addDays(today, 30));
    const saved = await t.request(officer, {
      method: 'POST',
      url: url(`/campaigns/${campaign.id}/save-as-template`),
      payload: { key: 'altermed-press', name: { fr: { value: 'Presse AlterMed', status: 'draft' } } },
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().source).toBe('workspace');
    const shipped = (await t.request(viewer, { method: 'GET', url: url('/planning-templates') }))
      .json()
      .items.find((template: { key: string }) => template.key === 'press-release');
    const edited = await t.request(officer, {
      method: 'PUT',
      url: url('/planning-templates/press-release'),
      payload: {
        name: shipped.name,
        milestones: shipped.milestones.slice(0, 1).map((m: { dependsOn: string[] }) => ({ ...m, dependsOn: [] })),
      },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().source).toBe('customized');
    expect((await t.request(officer, { method: 'DELETE', url: url('/planning-templates/press-release') })).statusCode).toBe(204);
    const restored = (await t.request(viewer, { method: 'GET', url: url('/planning-templates') }))
      .json()
      .items.find((template: { key: string }) => template.key === 'press-release');
    expect(restored.source).toBe('shipped');
    expect(restored.milestones.length).toBe(shipped.milestones.length);
  });

  it('sends a due-soon and an overdue reminder once each', async () => {
    const { byKey } = await createPressConference(addDays(today, 30));
    const soon = byKey.get('key-messages') as PlanTask;
    const late = byKey.get('press-kit-draft') as PlanTask;
    await t.request(officer, {
      method: 'PATCH',
      url: url(`/tasks/${soon.id}`),
      payload: { assigneeUserId: contributor.userId, startDate: today, dueDate: addDays(today, 1) },
    });
    await t.request(officer, {
      method: 'PATCH',
      url: url(`/tasks/${late.id}`),
      payload: { assigneeUserId: contributor.userId, startDate: addDays(today, -3), dueDate: addDays(today, -1) },
    });
    const { sendTaskReminders } = await import('../../src/server/modules/planning/task-reminders.job.js');
    await sendTaskReminders(t.platform);
    await sendTaskReminders(t.platform);
    const { rows } = await t.platform.database.executeSql(
      "select kind from notification where user_id = $1 and kind in ('task-due-soon', 'task-overdue') and (link like '%' || $2 or link like '%' || $3)",
      [contributor.userId, soon.id, late.id],
    );
    expect(rows.map((row) => row.kind).sort()).toEqual(['task-due-soon', 'task-overdue']);
    const mails = await t.platform.database.executeSql('select subject from mail_outbox where to_address = $1 and subject like $2', [
      contributor.email,
      '%Messages clés%à rendre le%',
    ]);
    expect(mails.rows).toHaveLength(1);
  });
});

describe('campaign and task lists', () => {
  it('page by date with a cursor, each item once, and refuse a forged cursor', async () => {
    const { campaign } = await createPressConference(addDays(today, 100));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const pageUrl = url(`/tasks?campaignId=${campaign.id}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await t.request(viewer, { method: 'GET', url: pageUrl })
      ).json();
      seen.push(...page.items.map((task) => task.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    const campaigns = (await t.request(viewer, { method: 'GET', url: url('/campaigns?limit=1') })).json();
    expect(campaigns.items).toHaveLength(1);
    const next = (await t.request(viewer, { method: 'GET', url: url(`/campaigns?limit=1&cursor=${campaigns.nextCursor}`) })).json();
    expect(next.items[0].id).not.toBe(campaigns.items[0].id);
    expect(next.items[0].goalDate >= campaigns.items[0].goalDate).toBe(true);
    const forged = await t.request(viewer, { method: 'GET', url: url('/tasks?cursor=bm9wZQ') });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().fields.cursor.code).toBe('INVALID_VALUE');
  });
});

describe('planning bad input: clear errors, nothing written', () => {
  it('refuses a goal date in the past', async () => {
    const before = await auditCount();
    const response = await t.request(officer, { method: 'POST', url: url('/campaigns'), payload: { title, goalDate: addDays(today, -1) } });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.goalDate.code).toBe('DATE_IN_PAST');
    expect(await auditCount()).toBe(before);
  });

  it('refuses circular dependencies', async () => {
    const { byKey } = await createPressConference(addDays(today, 70));
    const first = byKey.get('key-messages') as PlanTask;
    const last = byKey.get('press-review') as PlanTask;
    const before = await auditCount();
    const response = await t.request(officer, { method: 'PATCH', url: url(`/tasks/${first.id}`), payload: { prerequisiteIds: [last.id] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.prerequisiteIds.code).toBe('DEPENDENCY_CYCLE');
    expect(await auditCount()).toBe(before);
    expect((await t.request(viewer, { method: 'GET', url: url(`/tasks/${first.id}`) })).json().prerequisiteIds).toEqual([]);
  });

  it('refuses a template with an offset of a century', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: url('/planning-templates'),
      payload: {
        key: 'century',
        name: { fr: { value: 'Siècle', status: 'draft' } },
        milestones: [
          {
            key: 'far',
            title: { fr: { value: 'Loin', status: 'draft' } },
            offsetDays: -36500,
            durationDays: 1,
            role: 'officer',
            dependsOn: [],
          },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().fields)).toContain('OFFSET_OUT_OF_RANGE');
  });

  it('refuses a task assigned to someone outside the workspace', async () => {
    const outsider = await t.make.member((await t.make.workspace()).id, 'officer');
    const before = await auditCount();
    const response = await t.request(officer, {
      method: 'POST',
      url: url('/tasks'),
      payload: { title, startDate: today, dueDate: addDays(today, 2), assigneeUserId: outsider.userId },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.assigneeUserId.code).toBe('UNKNOWN_MEMBER');
    expect(await auditCount()).toBe(before);
  });

  it('refuses a due date before the start date', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: url('/tasks'),
      payload: { title, startDate: addDays(today, 3), dueDate: today },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.dueDate.code).toBe('BEFORE_START');
  });
});
