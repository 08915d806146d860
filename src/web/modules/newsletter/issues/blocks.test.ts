import { describe, expect, it } from 'vitest';
import { IssueUpdateSchema } from '../../../../shared/newsletter/issue-api.schema.js';
import { NewsletterBlockSchema } from '../../../../shared/newsletter/newsletter.schema.js';
import { BLOCK_TYPES, blockExcerpt, fromWallTime, hasDistinctLinks, moveItem, newBlock, sameLinkEverywhere, toWallTime } from './blocks.js';
import { draftOf, isDraftChanged, updateOf } from './issue-draft.js';

describe('composer blocks', () => {
  it('makes a new block of every type that the server schema accepts, with unique ids', () => {
    const blocks = BLOCK_TYPES.map((type) => newBlock(type, ['ar', 'fr'], 'Africa/Tunis'));
    for (const block of blocks) expect(NewsletterBlockSchema.safeParse(block).success).toBe(true);
    expect(new Set(blocks.map((block) => block.id)).size).toBe(BLOCK_TYPES.length);
    const text = blocks[1] as { text: Record<string, { value: string; status: string }> };
    expect(text.text).toEqual({ ar: { value: '', status: 'missing' }, fr: { value: '', status: 'missing' } });
    expect(IssueUpdateSchema.safeParse({ blocks }).success).toBe(true);
  });

  it('moves a block up or down and leaves the list alone at its edges', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('shows and reads event times on the workspace’s clock, whatever the browser’s', () => {
    expect(toWallTime('2026-12-08T08:00:00.000Z', 'Africa/Tunis')).toBe('2026-12-08T09:00');
    expect(fromWallTime('2026-12-08T09:00', 'Africa/Tunis')).toBe('2026-12-08T08:00:00.000Z');
    expect(fromWallTime('2026-07-08T09:00', 'Europe/Paris')).toBe('2026-07-08T07:00:00.000Z');
    expect(fromWallTime('', 'Africa/Tunis')).toBeUndefined();
  });

  it('keeps one link for every language unless they differ', () => {
    const link = sameLinkEverywhere('https://altermed.org', ['ar', 'fr']);
    expect(link).toEqual({
      ar: { value: 'https://altermed.org', status: 'reviewed' },
      fr: { value: 'https://altermed.org', status: 'reviewed' },
    });
    expect(hasDistinctLinks(link, ['ar', 'fr'])).toBe(false);
    expect(hasDistinctLinks({ ...link, fr: { value: 'https://altermed.org/fr', status: 'reviewed' } }, ['ar', 'fr'])).toBe(true);
  });

  it('describes a block by its first text, with that text’s direction', () => {
    const heading = { type: 'heading' as const, id: 'h', level: 2 as const, text: { ar: { value: 'عنوان', status: 'draft' as const } } };
    expect(blockExcerpt(heading, ['fr', 'ar'])).toEqual({ value: 'عنوان', dir: 'rtl' });
    expect(blockExcerpt({ type: 'divider', id: 'd' }, ['fr'])).toBeUndefined();
  });

  it('tells a changed draft from one only filled with the editors’ empty entries', () => {
    const saved = draftOf({
      subject: { fr: { value: 'Lettre', status: 'draft' } },
      preheader: {},
      blocks: [],
      sendMode: 'bilingual',
      bilingualOrder: ['ar', 'fr'],
      listIds: [],
      segmentId: null,
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmCampaign: '',
    } as never);
    const padded = { ...saved, subject: { ...saved.subject, ar: { value: '', status: 'missing' as const } } };
    expect(isDraftChanged(padded, saved)).toBe(false);
    expect(isDraftChanged({ ...saved, utmCampaign: 'x' }, saved)).toBe(true);
    expect(updateOf(saved, '2026-01-01T00:00:00.000Z')).toMatchObject({
      sendMode: 'bilingual',
      expectedUpdatedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
