/**
 * Due-soon and overdue reminders (S3), in-app and by email, through the job queue: an hourly scan per
 * process (a recurring job), idempotent because each reminder is claimed on its task row
 * (`reminders_sent`) before it is sent — a retry or a second process never sends it twice.
 */
import { and, eq, isNotNull, lte, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { pickLocalized } from '../../../shared/localized-text.js';
import { addDays, calendarDateAt, isBefore, utcMidnightOf } from '../../../shared/planning/calendar-date.js';
import { users } from '../../platform/auth/auth.tables.js';
import { defineJob } from '../../platform/jobs/job-queue.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { workspaces } from '../../platform/platform.tables.js';
import { tasks } from './campaigns.tables.js';

export const TASK_REMINDERS_JOB = 'planning.send-task-reminders';
/** Reminded this many days before the due date. */
const DUE_SOON_DAYS = 2;

export async function sendTaskReminders(
  platform: Pick<Platform, 'database' | 'mailer' | 'config'>,
  now: Date = new Date(),
): Promise<number> {
  const db = platform.database.db;
  let sent = 0;
  for (const workspace of await db.select({ id: workspaces.id, timeZone: workspaces.timeZone }).from(workspaces)) {
    const today = calendarDateAt(now, workspace.timeZone);
    const due = await db
      .select({ id: tasks.id, title: tasks.title, dueDate: tasks.dueDate, assigneeUserId: tasks.assigneeUserId, locale: users.locale })
      .from(tasks)
      .innerJoin(users, eq(users.id, tasks.assigneeUserId))
      .where(
        and(
          eq(tasks.workspaceId, workspace.id),
          ne(tasks.status, 'done'),
          isNotNull(tasks.assigneeUserId),
          lte(tasks.dueDate, addDays(today, DUE_SOON_DAYS)),
        ),
      );
    for (const task of due) {
      const kind = isBefore(task.dueDate, today) ? 'task-overdue' : 'task-due-soon';
      const key = `${kind}:${task.dueDate}`;
      const [claimed] = await db
        .update(tasks)
        .set({ remindersSent: sql`array_append(${tasks.remindersSent}, ${key})` })
        .where(and(eq(tasks.id, task.id), sql`not (${key} = any(${tasks.remindersSent}))`))
        .returning({ id: tasks.id });
      if (!claimed) continue;
      await notify(platform, {
        workspaceId: workspace.id,
        userIds: [task.assigneeUserId as string],
        kind,
        // Noon UTC of the due day: formatted as that day in every time zone of the consortium.
        params: {
          task: pickLocalized(task.title, task.locale, ['fr', 'ar', 'en'])?.value ?? '',
          due: utcMidnightOf(task.dueDate).getTime() + 12 * 3_600_000,
        },
        link: `/app/w/${workspace.id}/tasks/${task.id}`,
        email: true,
      });
      sent += 1;
    }
  }
  return sent;
}

export function taskRemindersJob(platform: Platform) {
  return defineJob({
    name: TASK_REMINDERS_JOB,
    schema: z.object({}),
    policy: 'stately',
    everyMinutes: 60,
    handler: async () => ({ sent: await sendTaskReminders(platform) }),
  });
}
