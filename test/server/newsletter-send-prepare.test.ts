/**
 * Resolving the recipients when a send starts: keyset pages read and inserted by the database (one
 * row per recipient, across several pages), the variant chosen in SQL exactly as `deliveryVariant`
 * chooses it, a prepare that died half-way resuming without a duplicate, and a cancelled send getting
 * no new rows.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterDeliveries, newsletterIssues, subscribers } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { deliveryVariant, PREPARE_PAGE_SIZE, prepareSend } from '../../src/server/modules/newsletter/sending/prepare-send.js';
import { issueRow, RENDERED_VARIANTS, seedSend } from '../helpers/newsletter-send-fixture.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
});
afterAll(() => t?.close());

const LANGUAGE_SETS = [['ar'], ['fr'], ['en'], ['fr', 'ar'], ['ar', 'fr'], ['en', 'fr'], ['en', 'ar']];

async function sendingIssue(count: number, options: { sendMode?: 'per_language' | 'bilingual' } = {}) {
  const db = t.platform.database.db;
  const seeded = await seedSend(db, { workspaceId, count, ...options });
  await db.update(newsletterIssues).set({ status: 'sending' }).where(eq(newsletterIssues.id, seeded.issueId));
  return seeded;
}

async function deliveriesOf(issueId: string) {
  return t.platform.database.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, issueId));
}

describe('preparing a send', () => {
  it('records every recipient once, over several pages', async () => {
    const { issueId, recipients } = await sendingIssue(PREPARE_PAGE_SIZE * 2 + 37);
    expect(await prepareSend(t.platform, { workspaceId, issueId })).toBe('prepared');
    const rows = await deliveriesOf(issueId);
    expect(rows).toHaveLength(recipients.length);
    expect(new Set(rows.map((row) => row.subscriberId))).toEqual(new Set(recipients.map((recipient) => recipient.id)));
    expect(rows.every((row) => row.state === 'pending' && row.attempts === 0)).toBe(true);
    expect((await issueRow(t.platform.database.db, issueId)).recipientCount).toBe(recipients.length);
    // A second run (a duplicate job) changes nothing.
    expect(await prepareSend(t.platform, { workspaceId, issueId })).toBe('skipped');
    expect(await deliveriesOf(issueId)).toHaveLength(recipients.length);
  });

  it('chooses in SQL the variant deliveryVariant chooses, for every mix of languages and rendered variants', async () => {
    const db = t.platform.database.db;
    type Rendered = Record<string, { subject: string; html: string; text: string }>;
    const cases: Array<{ sendMode: 'per_language' | 'bilingual'; rendered: Rendered }> = [
      { sendMode: 'per_language' as const, rendered: RENDERED_VARIANTS },
      { sendMode: 'per_language' as const, rendered: { fr: RENDERED_VARIANTS.fr } },
      { sendMode: 'per_language' as const, rendered: { ar: RENDERED_VARIANTS.ar, fr: RENDERED_VARIANTS.fr } },
      { sendMode: 'bilingual' as const, rendered: { bilingual: RENDERED_VARIANTS.bilingual } },
    ];
    for (const { sendMode, rendered } of cases) {
      const { issueId, recipients } = await sendingIssue(LANGUAGE_SETS.length, { sendMode });
      for (const [index, recipient] of recipients.entries()) {
        await db.update(subscribers).set({ languages: LANGUAGE_SETS[index] }).where(eq(subscribers.id, recipient.id));
      }
      await db.update(newsletterIssues).set({ renderedVariants: rendered }).where(eq(newsletterIssues.id, issueId));
      await prepareSend(t.platform, { workspaceId, issueId });
      const issue = await issueRow(db, issueId);
      const rows = await deliveriesOf(issueId);
      for (const [index, recipient] of recipients.entries()) {
        const row = rows.find((candidate) => candidate.subscriberId === recipient.id);
        expect(row?.variant, `${sendMode} ${Object.keys(rendered)} ${LANGUAGE_SETS[index]}`).toBe(
          deliveryVariant(LANGUAGE_SETS[index] as string[], issue, rendered),
        );
      }
    }
    // What the rule says, spelled out once: the first language of theirs the issue has, else both.
    const issue = { ...(await issueRow(db, (await sendingIssue(0)).issueId)) };
    expect(LANGUAGE_SETS.map((languages) => deliveryVariant(languages, issue, RENDERED_VARIANTS))).toEqual([
      'ar',
      'fr',
      'bilingual',
      'fr',
      'ar',
      'fr',
      'ar',
    ]);
  });

  it('resumes a prepare that died after its first page without recording anyone twice', async () => {
    const db = t.platform.database.db;
    const { issueId, recipients } = await sendingIssue(PREPARE_PAGE_SIZE + 400);
    await prepareSend(t.platform, { workspaceId, issueId });
    // As if it had died after its first page: the rest of the rows and the count were never written.
    const sorted = [...recipients].sort((a, b) => (a.id < b.id ? -1 : 1));
    const firstPage = new Set(sorted.slice(0, PREPARE_PAGE_SIZE).map((recipient) => recipient.id));
    for (const row of await deliveriesOf(issueId)) {
      if (!firstPage.has(row.subscriberId)) await db.delete(newsletterDeliveries).where(eq(newsletterDeliveries.id, row.id));
    }
    await db.update(newsletterIssues).set({ recipientCount: null }).where(eq(newsletterIssues.id, issueId));
    expect(await deliveriesOf(issueId)).toHaveLength(PREPARE_PAGE_SIZE);
    expect(await prepareSend(t.platform, { workspaceId, issueId })).toBe('prepared');
    const rows = await deliveriesOf(issueId);
    expect(rows).toHaveLength(recipients.length);
    expect(new Set(rows.map((row) => row.subscriberId)).size).toBe(recipients.length);
  });

  it('adds nobody to a send cancelled before it was prepared', async () => {
    const db = t.platform.database.db;
    const { issueId } = await sendingIssue(20);
    await db.update(newsletterIssues).set({ status: 'cancelled' }).where(eq(newsletterIssues.id, issueId));
    expect(await prepareSend(t.platform, { workspaceId, issueId })).toBe('skipped');
    expect(await deliveriesOf(issueId)).toHaveLength(0);
  });
});
