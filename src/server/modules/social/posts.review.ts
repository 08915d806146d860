/**
 * A social post as a reviewable content type (`social.post`). What reviewers approve is the post's
 * words in each language: its text and its first comment (hashtags and photos ride along; changing
 * any of them clears the approvals, see posts.service.ts). The workflow sees one LocalizedText whose
 * status per language is the weaker of the two; a language the post is not written in is missing.
 */
import { CONTENT_LANGUAGES } from '../../../shared/languages.js';
import { type LocalizedText, pickLocalized, TRANSLATION_STATUSES, type TranslationStatus } from '../../../shared/localized-text.js';
import { SOCIAL_POST_CONTENT_TYPE } from '../../../shared/social/posts.schema.js';
import type { ReviewableContentType } from '../../platform/review/review.registry.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { findPostById } from './posts.repo.js';
import type { SocialPostRow } from './social.tables.js';

const weaker = (a: TranslationStatus, b: TranslationStatus) => (TRANSLATION_STATUSES.indexOf(a) <= TRANSLATION_STATUSES.indexOf(b) ? a : b);

/** Per language: the text, with the weaker status of the text and the first comment (when there is one). */
export function reviewedTextOfPost(post: Pick<SocialPostRow, 'text' | 'firstComment'>): LocalizedText {
  const text = post.text as LocalizedText;
  const comment = post.firstComment as LocalizedText;
  const out: LocalizedText = {};
  for (const language of CONTENT_LANGUAGES) {
    const entry = text[language];
    if (!entry?.value.trim()) continue;
    const commentEntry = comment[language];
    const status = commentEntry?.value.trim() ? weaker(entry.status, commentEntry.status) : entry.status;
    out[language] = { value: entry.value, status };
  }
  return out;
}

/** The first words of a post, for notifications, the audit and the calendar. */
export function excerptOf(value: string, length = 80): string {
  const firstLine =
    value
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  const characters = [...firstLine];
  return characters.length > length ? `${characters.slice(0, length - 1).join('')}…` : firstLine;
}

export function postTitle(post: Pick<SocialPostRow, 'text'>, languageOrder: readonly string[]): string {
  const [first = 'fr', ...rest] = languageOrder;
  return excerptOf(pickLocalized(post.text as LocalizedText, first, rest)?.value ?? '');
}

export const postLink = (workspaceId: string, postId: string) => `/app/w/${workspaceId}/social/posts/${postId}`;

export const socialPostContent: ReviewableContentType = {
  type: SOCIAL_POST_CONTENT_TYPE,
  readPermission: 'social:read',
  // The post page schedules it (at a time, the next queue slot, now) and the publisher publishes it.
  schedulesItself: true,
  async load(db, workspaceId, id) {
    const row = await findPostById(db, workspaceId, id);
    if (!row) return undefined;
    const workspace = await findWorkspaceById(db, workspaceId);
    return {
      languages: reviewedTextOfPost(row),
      title: postTitle(row, workspace?.contentLanguages ?? []),
      link: postLink(workspaceId, id),
    };
  },
};
