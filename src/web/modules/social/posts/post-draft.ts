/**
 * The composer's working copy of a post: every workspace language present, hashtags as typed, the
 * attachment chosen. It turns into the API's body on save, and into a `ComposablePost` for the live
 * preview and the counts — composed by the same `composeMessage` the publisher uses, so what the
 * officer sees counted is what Facebook receives.
 */
import type { ContentLanguage } from '../../../../shared/languages.js';
import type { LocalizedEntry, LocalizedText, TranslationStatus } from '../../../../shared/localized-text.js';
import {
  type ComposablePost,
  composeFirstComment,
  composeMessage,
  countGraphemes,
  type LanguageMode,
  postLanguages,
} from '../../../../shared/social/compose-message.js';
import { HashtagSchema, type LinkPreview, SOCIAL_POST_LIMITS } from '../../../../shared/social/posts.schema.js';
import type { PostCreate, PostDetail, PostUpdate } from '../../../../shared/social/posts-api.schema.js';
import { completeLocalized, deriveStatus } from '../../../components/localized-text.js';

export type Attachment = 'photos' | 'link';

export interface PostDraft {
  channelId: string | null;
  campaignId: string | null;
  languageMode: LanguageMode;
  text: LocalizedText;
  firstComment: LocalizedText;
  /** Hashtags as typed, per language ("ESS, Sfax" or "#ESS #Sfax"). */
  hashtags: Record<string, string>;
  attachment: Attachment;
  assetIds: string[];
  linkUrl: string;
  linkPreview: LinkPreview | null;
}

/** A new post: the only page when there is one, both languages together. */
export function emptyDraft(languages: readonly string[], channelId: string | null): PostDraft {
  return {
    channelId,
    campaignId: null,
    languageMode: 'together',
    text: completeLocalized({}, languages),
    firstComment: completeLocalized({}, languages),
    hashtags: Object.fromEntries(languages.map((language) => [language, ''])),
    attachment: 'photos',
    assetIds: [],
    linkUrl: '',
    linkPreview: null,
  };
}

export function draftOf(post: PostDetail, languages: readonly string[]): PostDraft {
  return {
    channelId: post.channelId,
    campaignId: post.campaignId,
    languageMode: post.languageMode,
    text: completeLocalized(post.text, languages),
    firstComment: completeLocalized(post.firstComment, languages),
    hashtags: Object.fromEntries(languages.map((language) => [language, (post.hashtags[language as ContentLanguage] ?? []).join(', ')])),
    attachment: post.link ? 'link' : 'photos',
    assetIds: [...post.assetIds],
    linkUrl: post.link?.url ?? '',
    linkPreview: post.link?.preview ?? null,
  };
}

/** The hashtags typed in one field: split at commas (Latin or Arabic) and spaces, `#` dropped. */
export function parseHashtags(typed: string): string[] {
  return typed
    .split(/[,،\s]+/u)
    .map((tag) => tag.trim().replace(/^#+/, '').normalize('NFC'))
    .filter(Boolean);
}

/** The first tag the network would not link as a hashtag, if any. */
export function invalidHashtag(typed: string): string | undefined {
  return parseHashtags(typed).find((tag) => !HashtagSchema.safeParse(tag).success);
}

const trimmed = (text: LocalizedText): LocalizedText => {
  const out: LocalizedText = {};
  for (const [language, entry] of Object.entries(text) as Array<[ContentLanguage, LocalizedEntry]>) {
    if (entry.value.trim() !== '') out[language] = entry;
  }
  return out;
};

/** What the preview and the counts compose. */
export function composableOf(draft: PostDraft): ComposablePost {
  return {
    languageMode: draft.languageMode,
    text: draft.text,
    firstComment: draft.firstComment,
    hashtags: Object.fromEntries(Object.entries(draft.hashtags).map(([language, typed]) => [language, parseHashtags(typed)])),
  };
}

function contentOf(draft: PostDraft) {
  const hashtags: Record<string, string[]> = {};
  for (const [language, typed] of Object.entries(draft.hashtags)) {
    const tags = parseHashtags(typed);
    if (tags.length > 0) hashtags[language] = tags;
  }
  const isLink = draft.attachment === 'link' && draft.linkUrl.trim() !== '';
  return {
    campaignId: draft.campaignId,
    languageMode: draft.languageMode,
    text: trimmed(draft.text),
    firstComment: trimmed(draft.firstComment),
    hashtags,
    assetIds: draft.attachment === 'photos' ? draft.assetIds : [],
    link: isLink ? { url: draft.linkUrl.trim(), preview: draft.linkPreview } : null,
  };
}

export function createBodyOf(draft: PostDraft): PostCreate {
  return { channelId: draft.channelId ?? '', ...contentOf(draft) } as PostCreate;
}

export function updateBodyOf(draft: PostDraft, version: number): PostUpdate {
  return { ...(draft.channelId ? { channelId: draft.channelId } : {}), ...contentOf(draft), version } as PostUpdate;
}

export function isDraftChanged(draft: PostDraft, saved: PostDraft): boolean {
  return JSON.stringify(contentOf(draft)) !== JSON.stringify(contentOf(saved)) || draft.channelId !== saved.channelId;
}

/** The translation status shown for a language: the weaker of its text and first comment (what review reads). */
export function languageStatusOf(draft: PostDraft, language: string): TranslationStatus {
  const order: TranslationStatus[] = ['missing', 'draft', 'translated', 'reviewed'];
  const text = deriveStatus(draft.text[language as ContentLanguage]);
  const comment = draft.firstComment[language as ContentLanguage];
  if (!comment?.value.trim()) return text;
  const other = deriveStatus(comment);
  return order.indexOf(text) <= order.indexOf(other) ? text : other;
}

/** Sets one language's status on its text and first comment (one decision per language). */
export function withLanguageStatus(draft: PostDraft, language: string, status: TranslationStatus): PostDraft {
  const set = (text: LocalizedText): LocalizedText => {
    const entry = text[language as ContentLanguage];
    return entry?.value.trim() ? { ...text, [language]: { ...entry, status } } : text;
  };
  return { ...draft, text: set(draft.text), firstComment: set(draft.firstComment) };
}

export type CountLevel = 'ok' | 'near' | 'over';

export interface Count {
  characters: number;
  limit: number;
  level: CountLevel;
}

/** From this share of a limit on, the composer warns that Facebook's limit is near. */
export const NEAR_LIMIT_SHARE = 0.9;

function countOf(text: string, limit: number): Count {
  const characters = countGraphemes(text);
  const level: CountLevel = characters > limit ? 'over' : characters >= limit * NEAR_LIMIT_SHARE ? 'near' : 'ok';
  return { characters, limit, level };
}

export interface DraftCounts {
  /** Per language: its message (text and hashtags) and its first comment, as composed alone. */
  languages: Record<string, { message: Count; comment: Count }>;
  /** In `together` mode with more than one language written: the whole post and its whole first comment. */
  together: { message: Count; comment: Count } | null;
}

/** Characters as Facebook counts them (grapheme clusters) on the composed text, per language and together. */
export function countsOf(draft: PostDraft, order: readonly string[]): DraftCounts {
  const post = composableOf(draft);
  const languages: DraftCounts['languages'] = {};
  for (const language of order) {
    languages[language] = {
      message: countOf(composeMessage(post, language, order), SOCIAL_POST_LIMITS.messageCharacters),
      comment: countOf(composeFirstComment(post, language, order), SOCIAL_POST_LIMITS.commentCharacters),
    };
  }
  const together =
    draft.languageMode === 'together' && postLanguages(post, order).length > 1
      ? {
          message: countOf(composeMessage(post, 'together', order), SOCIAL_POST_LIMITS.messageCharacters),
          comment: countOf(composeFirstComment(post, 'together', order), SOCIAL_POST_LIMITS.commentCharacters),
        }
      : null;
  return { languages, together };
}

/**
 * The wall-clock time the server computed for a schedule (`scheduledLocal`), worded per locale. The
 * browser's own time-zone data may differ from the server's (Chromium and Node disagree about
 * Casablanca after October 2026), so the time the officer typed is shown as the server keeps it,
 * not recomputed here from the instant.
 */
export function localWhen(
  formatDate: (date: string, options: Intl.DateTimeFormatOptions) => string,
  local: { date: string; time: string },
  dateStyle: 'full' | 'medium',
): string {
  return formatDate(`${local.date}T${local.time}:00.000Z`, { dateStyle, timeStyle: 'short', timeZone: 'UTC' });
}
