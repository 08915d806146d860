/**
 * The publication ledger against an in-memory page, one kind of answer at a time: success, the
 * answer lost after the post was made (found on the page, never sent twice), the answer lost before
 * (sent again only once the window is past), an unreadable page, a worker that died mid-request,
 * throttling, transient errors up to the limit, and the refusals that end a post.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentFingerprint } from '../../src/server/modules/social/publish-ledger.js';
import { socialPosts, socialPublications } from '../../src/server/modules/social/social.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { channelError } from '../fakes/memory-channel.js';
import { createPublishFixture, type PublishFixture } from '../helpers/social-publish-fixture.js';

let f: PublishFixture;
const MINUTE = 60_000;

beforeAll(async () => {
  f = await createPublishFixture();
});
afterAll(() => f.t.close());

/** A post with its own words, so copies on the page can be counted per post. */
function due(label: string, overrides: Record<string, unknown> = {}, session = f.officer) {
  return f.duePost(
    {
      text: localized({ ar: `منشور ${label}: ورشة صفاقس`, fr: `Publication ${label} : atelier de Sfax` }, 'reviewed'),
      ...overrides,
    },
    session,
  );
}

const messageOf = async (postId: string) => (await f.publications(postId))[0]?.message as string;

describe('a post that goes out', () => {
  it('is marked sending before the call, then published with the page’s id, then its first comment', async () => {
    const id = await due('A');
    let stateDuringCall: string | undefined;
    const publish = f.page.publish.bind(f.page);
    f.page.publish = async (account, request) => {
      const [row] = await f.t.platform.database.db
        .select()
        .from(socialPublications)
        .where(eq(socialPublications.idempotencyKey, request.idempotencyKey));
      stateDuringCall = `${row?.state} ${row?.requestSentAt ? 'with' : 'without'} request_sent_at`;
      return publish(account, request);
    };
    const report = await f.publisher.runDue();
    f.page.publish = publish;
    expect(report.published).toBe(1);
    expect(stateDuringCall).toBe('sending with request_sent_at');
    const [publication] = await f.publications(id);
    expect(publication).toMatchObject({ target: 'together', state: 'published', attempts: 1, firstCommentState: 'posted' });
    expect(publication?.externalPostId).toMatch(/^20001_/);
    expect(f.page.comments.map((comment) => comment.postExternalId)).toContain(publication?.externalPostId);
    expect((await f.postRow(id)).status).toBe('published');
  });

  it('per language: one post per language, each with its own first comment', async () => {
    const id = await due('B', { languageMode: 'per_language' });
    await f.publisher.runDue();
    const rows = await f.publications(id);
    expect(rows.map((row) => `${row.target} ${row.state}`).sort()).toEqual(['ar published', 'fr published']);
    expect(rows.find((row) => row.target === 'fr')?.firstComment).toBe('Inscription : altermed.org/sfax');
  });
});

describe('an answer lost', () => {
  it('after the post was made: found on the page by its fingerprint, never sent again', async () => {
    const id = await due('C');
    f.page.will('publish', { afterWrite: channelError('outcome-unknown') });
    await f.publisher.runDue();
    const [publication] = await f.publications(id);
    expect(publication).toMatchObject({ state: 'verified_present', attempts: 1, lastErrorKind: 'outcome-unknown' });
    expect(f.page.copiesOf(publication?.message as string)).toBe(1);
    expect((await f.postRow(id)).status).toBe('published');
  });

  it('before the post was made: waits until the window is past, reads the page again, then sends once more', async () => {
    const id = await due('D');
    f.page.will('publish', { error: channelError('outcome-unknown') });
    await f.publisher.runDue();
    const [unknown] = await f.publications(id);
    expect(unknown?.state).toBe('outcome_unknown');
    const post = await f.postRow(id);
    expect(post.status).toBe('publishing');
    // Nothing happens while the request could still be carried out by the network.
    f.advance(MINUTE);
    await f.publisher.runDue();
    expect((await f.publications(id))[0]?.state).toBe('outcome_unknown');
    f.advance(2 * MINUTE);
    await f.publisher.runDue();
    const [sent] = await f.publications(id);
    expect(sent).toMatchObject({ state: 'published', attempts: 2 });
    expect(f.page.copiesOf(await messageOf(id))).toBe(1);
  });

  it('with the page unreadable: stays unknown, reads again later, never sends blindly', async () => {
    const id = await due('E');
    f.page.will('publish', { afterWrite: channelError('outcome-unknown') });
    f.page.will('findPublished', { error: channelError('transient') }, { error: channelError('outcome-unknown') });
    await f.publisher.runDue();
    expect((await f.publications(id))[0]).toMatchObject({ state: 'outcome_unknown', verifyAttempts: 1 });
    f.advance(10 * MINUTE);
    await f.publisher.runDue();
    expect((await f.publications(id))[0]).toMatchObject({ state: 'outcome_unknown', verifyAttempts: 2 });
    f.advance(10 * MINUTE);
    await f.publisher.runDue();
    expect((await f.publications(id))[0]?.state).toBe('verified_present');
    expect(f.page.copiesOf(await messageOf(id))).toBe(1);
  });

  it('when a worker died mid-request: a fresh `sending` row is left alone, a stale one is looked for first', async () => {
    const id = await due('F');
    const { messages } = (await f.t.request(f.officer, { method: 'GET', url: f.postsUrl(`/${id}`) })).json();
    const message = messages[0].message as string;
    const sentAt = new Date(f.clock.now.getTime() - MINUTE);
    // A worker claimed the post, wrote `sending`, the page made the post, and the worker died before recording it.
    const db = f.t.platform.database.db;
    await db.insert(socialPublications).values({
      workspaceId: f.workspaceId,
      postId: id,
      channelId: f.channelId,
      target: 'together',
      idempotencyKey: `tawasul:${crypto.randomUUID()}`,
      state: 'sending',
      attempts: 1,
      message,
      fingerprint: contentFingerprint(message),
      requestSentAt: sentAt,
    });
    await db
      .update(socialPosts)
      .set({ status: 'publishing', claimToken: crypto.randomUUID(), nextAttemptAt: new Date(f.clock.now.getTime() - 1000) })
      .where(eq(socialPosts.id, id));
    f.page.posts.push({
      externalId: '20001_lost',
      message,
      createdAt: new Date(sentAt.getTime() + 2000),
      photos: 0,
      photoBytes: [],
      idempotencyKey: 'x',
    });
    // The lease ran out, but the request could still be on the wire: nothing is sent.
    await f.publisher.runDue();
    expect((await f.publications(id))[0]?.state).toBe('sending');
    f.advance(6 * MINUTE);
    await f.publisher.runDue();
    expect((await f.publications(id))[0]).toMatchObject({
      state: 'verified_present',
      externalPostId: '20001_lost',
      lastErrorKind: 'worker-lost',
    });
    expect(f.page.copiesOf(message)).toBe(1);
    expect((await f.postRow(id)).status).toBe('published');
  });
});

describe('the network says wait, or no', () => {
  it('throttled: waits the time it was told, without counting an attempt', async () => {
    const id = await due('G');
    f.page.will('publish', { error: channelError('throttled', { retryAfterMs: 12 * MINUTE, networkCode: 32 }) });
    await f.publisher.runDue();
    const [waiting] = await f.publications(id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 0, lastErrorKind: 'throttled', lastNetworkCode: 32 });
    const post = await f.postRow(id);
    expect(post.nextAttemptAt?.getTime()).toBe(f.clock.now.getTime() + 12 * MINUTE);
    f.advance(11 * MINUTE);
    expect((await f.publisher.runDue()).published).toBe(0);
    f.advance(2 * MINUTE);
    expect((await f.publisher.runDue()).published).toBe(1);
  });

  it('transient: retried with back-off, then failed after five attempts and the author told in Arabic', async () => {
    const id = await due('H', {}, f.contributor);
    for (let attempt = 0; attempt < 5; attempt++) f.page.will('publish', { error: channelError('transient', { networkCode: 2 }) });
    for (let round = 0; round < 6; round++) {
      await f.publisher.runDue();
      f.advance(70 * MINUTE);
    }
    const [failed] = await f.publications(id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 5 });
    expect(await f.postRow(id)).toMatchObject({ status: 'failed', lastErrorKind: 'transient' });
    expect(await f.notificationsOf(f.contributor.userId, 'social-post-failed')).toHaveLength(1);
    const [mail] = await f.outboxTo(f.contributor.email);
    expect(mail?.subject).toContain('تعذّر نشر المنشور');
    expect(mail?.subject).toContain('لم يستجب فيسبوك بعد عدة محاولات');
  });

  it('duplicate content and invalid requests fail at once, each with its reason, in the author’s language', async () => {
    const duplicate = await due('I');
    f.page.will('publish', { error: channelError('duplicate-content', { networkCode: 506 }) });
    await f.publisher.runDue();
    expect(await f.postRow(duplicate)).toMatchObject({ status: 'failed', lastErrorKind: 'duplicate-content' });
    const invalid = await due('J');
    f.page.will('publish', { error: channelError('invalid-request', { networkCode: 100 }) });
    await f.publisher.runDue();
    expect(await f.postRow(invalid)).toMatchObject({ status: 'failed', lastErrorKind: 'invalid-request' });
    const subjects = (await f.outboxTo(f.officer.email)).map((mail) => mail.subject);
    expect(subjects.some((subject) => subject.includes('Facebook refuse un contenu identique à une publication récente'))).toBe(true);
    expect(subjects.some((subject) => subject.includes('vérifiez le texte, le lien et les photos'))).toBe(true);
  });

  it('a failed post scheduled again sends what never went out', async () => {
    const id = await due('K');
    f.page.will('publish', { error: channelError('invalid-request') });
    await f.publisher.runDue();
    expect((await f.postRow(id)).status).toBe('failed');
    const again = await f.t.request(f.officer, { method: 'POST', url: f.postsUrl(`/${id}/schedule`), payload: { mode: 'now' } });
    expect(again.statusCode, again.body).toBe(200);
    f.advance(MINUTE);
    await f.publisher.runDue();
    expect((await f.postRow(id)).status).toBe('published');
    expect(f.page.copiesOf(await messageOf(id))).toBe(1);
  });
});

describe('the first comment', () => {
  it('is not posted twice when its answer is lost', async () => {
    const id = await due('L');
    f.page.will('comment', { afterWrite: channelError('outcome-unknown') });
    await f.publisher.runDue();
    const [publication] = await f.publications(id);
    expect(publication?.firstCommentState).toBe('posted');
    expect(f.page.comments.filter((comment) => comment.postExternalId === publication?.externalPostId)).toHaveLength(1);
    expect((await f.postRow(id)).status).toBe('published');
  });
});
