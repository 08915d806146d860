/**
 * Size and crashes: 100,000 rows import completely through the real job; an import stopped after a
 * committed batch, or in the middle of one, and run again ends with exactly the rows it should have —
 * no subscriber, subscription, consent record or report line twice.
 */
import { count, countDistinct, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportRunner } from '../../src/server/modules/newsletter/import/import-runner.js';
import {
  consentRecords,
  listSubscriptions,
  subscriberImports,
  subscribers,
} from '../../src/server/modules/newsletter/newsletter.tables.js';
import { SUBSCRIBER_IMPORT_JOB } from '../../src/server/modules/newsletter/subscriber-import.job.js';
import { CONSENT, createImportFixture, type ImportFixture } from '../helpers/newsletter-import-fixture.js';

const FIRST_NAMES = ['محمد', 'فاطمة', 'Yasmine', 'Hélène', 'يوسف', 'Amine', 'خديجة', 'François'];
const LAST_NAMES = ['بن علي', 'Lefèvre', 'الإدريسي', 'Trabelsi', 'Ménard', 'حداد'];

/** `rows` data lines; every 500th has an invalid address and every 250th repeats the line before. */
function generate(rows: number, prefix: string): string {
  const lines = ['Email Address;First Name;Last Name;CC'];
  for (let index = 0; index < rows; index += 1) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[index % LAST_NAMES.length];
    if (index % 500 === 499) lines.push(`${prefix}-broken-${index}.example.org;${first};${last};MA`);
    else if (index % 250 === 249) lines.push(`${prefix}${index - 1}@example.org;${first};${last};TN`);
    else lines.push(`${prefix}${index}@example.org;${first};${last};${index % 2 === 0 ? 'MA' : 'FR'}`);
  }
  return `${lines.join('\n')}\n`;
}

let f: ImportFixture;
beforeAll(async () => {
  f = await createImportFixture();
});
afterAll(() => f.close());

async function countsOf(importId: string, listId: string) {
  const db = f.t.platform.database.db;
  const [people] = await db.select({ value: count() }).from(subscribers).where(eq(subscribers.workspaceId, f.workspaceId));
  const [subscriptions] = await db.select({ value: count() }).from(listSubscriptions).where(eq(listSubscriptions.listId, listId));
  const [consents] = await db
    .select({ value: count(), distinct: countDistinct(consentRecords.subscriberId) })
    .from(consentRecords)
    .where(eq(consentRecords.importId, importId));
  return { people: people?.value, subscriptions: subscriptions?.value, consents: consents?.value, distinctConsents: consents?.distinct };
}

describe('a large file', () => {
  it('imports 100,000 rows completely', async () => {
    const listId = await f.makeList('Cent mille');
    const uploaded = await f.upload('cent-mille.csv', generate(100_000, 'big'));
    const preview = await f.preview(uploaded.id);
    expect(preview.estimatedRows).toBe(100_000);
    await f.start(uploaded.id, {
      encoding: preview.encoding,
      delimiter: preview.delimiter,
      mapping: preview.suggestedMapping as Record<string, 'email'>,
      listIds: [listId],
      consentText: CONSENT,
    });
    await f.runJobs();
    const done = await f.get(uploaded.id);
    // 200 invalid addresses, 200 repeats (every 250th row but not those that are also the 500th).
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 100_000,
      processedRows: 100_000,
      createdCount: 99_600,
      skippedCount: 200,
      errorCount: 200,
    });
    expect(await countsOf(uploaded.id, listId)).toEqual({
      people: 99_600,
      subscriptions: 99_600,
      consents: 99_600,
      distinctConsents: 99_600,
    });
    const report = await f.t.request(f.session, { method: 'GET', url: `${f.base}/${uploaded.id}/errors.csv` });
    expect(report.body.split('\r\n').filter((line) => line !== '').length).toBe(1 + 400);
  }, 600_000);
});

describe('a run that dies', () => {
  it('resumes after a crash between batches and after one inside a batch, without writing anything twice', async () => {
    const db = f.t.platform.database.db;
    const listId = await f.makeList('Reprise');
    const otherList = await f.makeList('Reprise 2');
    const uploaded = await f.upload('reprise.csv', generate(2_600, 'resume'));
    const preview = await f.preview(uploaded.id);
    await f.start(uploaded.id, {
      encoding: preview.encoding,
      delimiter: preview.delimiter,
      mapping: preview.suggestedMapping as Record<string, 'email'>,
      listIds: [listId, otherList],
      consentText: CONSENT,
    });
    const runner = createImportRunner(f.t.platform);
    const options = { batchSize: 500 };

    // First run: killed after its third batch committed.
    await expect(
      runner.run(uploaded.id, {
        ...options,
        afterBatch: (batch) => {
          if (batch === 2) throw new Error('killed after batch 2');
        },
      }),
    ).rejects.toThrow('killed after batch 2');
    expect(await f.get(uploaded.id)).toMatchObject({ status: 'running', processedRows: 1_500 });

    // Second run: dies inside batch 4, its rows written but not committed.
    await expect(
      runner.run(uploaded.id, {
        ...options,
        beforeCommit: (batch) => {
          if (batch === 4) throw new Error('killed inside batch 4');
        },
      }),
    ).rejects.toThrow('killed inside batch 4');
    const interrupted = await f.get(uploaded.id);
    expect(interrupted).toMatchObject({ status: 'running', processedRows: 2_000 });
    const [partial] = await db.select({ value: count() }).from(subscribers).where(eq(subscribers.workspaceId, f.workspaceId));
    expect(partial?.value).toBe(interrupted.createdCount + 99_600);

    // The queued job (as pg-boss would retry it) finishes the import.
    await f.runJobs();
    const done = await f.get(uploaded.id);
    // 2,600 rows: 5 invalid (rows 500, 1000… 2500), 5 repeats (250, 750… 2250), 2,590 people.
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 2_600,
      processedRows: 2_600,
      createdCount: 2_590,
      updatedCount: 0,
      skippedCount: 5,
      errorCount: 5,
    });
    const counts = await countsOf(uploaded.id, listId);
    expect(counts).toEqual({ people: 99_600 + 2_590, subscriptions: 2_590, consents: 2_590 * 2, distinctConsents: 2_590 });
    const report = await f.t.request(f.session, { method: 'GET', url: `${f.base}/${uploaded.id}/errors.csv` });
    const lines = report.body.split('\r\n').filter((line) => line !== '');
    expect(lines.length).toBe(1 + 10);
    expect(new Set(lines).size).toBe(lines.length);

    // A finished import is not run again, by the runner or by a stray job.
    expect(await runner.run(uploaded.id)).toBeUndefined();
    await f.t.platform.jobs.send(SUBSCRIBER_IMPORT_JOB, { importId: uploaded.id }, { singletonKey: uploaded.id });
    await f.runJobs();
    expect(await countsOf(uploaded.id, listId)).toEqual(counts);
    const [row] = await db.select().from(subscriberImports).where(eq(subscriberImports.id, uploaded.id));
    expect(row?.createdCount).toBe(2_590);
  });
});
