/**
 * One block per content language, in the workspace's order: the text, its hashtags, the first
 * comment, the language's translation status (what review and scheduling read) and its character
 * counts as Facebook counts the composed message; then, for a post with both languages together,
 * the count of the whole post.
 */
import { Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type ContentLanguage, directionOf } from '../../../../shared/languages.js';
import type { TranslationStatus } from '../../../../shared/localized-text.js';
import { EDITABLE_STATUSES, withValue } from '../../../components/localized-text.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type Count, type DraftCounts, invalidHashtag, languageStatusOf, type PostDraft, withLanguageStatus } from './post-draft.js';

/** The first field message whose path is `path` or below it. */
export function messageAt(fields: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(fields).find((candidate) => candidate === path || candidate.startsWith(`${path}.`));
  return key ? fields[key] : undefined;
}

/** Mantine's orange is too light for small text (4.5:1): a count near the limit says so in words, in bold. */
const COUNT_COLOR = { ok: 'dimmed', near: 'dark.6', over: 'red.9' } as const;

export function CountLine({ count, id, testId, label }: { count: Count; id?: string; testId: string; label?: string }) {
  const { t, formatNumber } = useI18n();
  const words = t('socialPosts.characters', { count: count.characters, limit: formatNumber(count.limit) });
  const warning =
    count.level === 'over'
      ? t('socialPosts.characters.over', { count: count.characters - count.limit })
      : count.level === 'near'
        ? t('socialPosts.characters.near')
        : null;
  return (
    <Text
      size="xs"
      c={COUNT_COLOR[count.level]}
      id={id}
      data-testid={testId}
      data-level={count.level}
      fw={count.level === 'ok' ? undefined : 600}
    >
      {label ? `${label} ` : ''}
      {words}
      {warning ? ` — ${warning}` : ''}
    </Text>
  );
}

export interface LanguageFieldsProps {
  draft: PostDraft;
  onChange(draft: PostDraft): void;
  languages: readonly string[];
  counts: DraftCounts;
  fields: Record<string, string>;
}

export function PostLanguageFields({ draft, onChange, languages, counts, fields }: LanguageFieldsProps) {
  const { t } = useI18n();
  return (
    <Stack gap="md">
      {languages.map((language) => {
        const languageName = t(`public.languageName.${language}`);
        const dir = directionOf(language);
        const key = language as ContentLanguage;
        const count = counts.languages[language];
        const typedTags = draft.hashtags[language] ?? '';
        const badTag = invalidHashtag(typedTags);
        const status = languageStatusOf(draft, language);
        const hasComment = Boolean(draft.firstComment[key]?.value.trim());
        return (
          <Paper key={language} withBorder p="sm" component="fieldset" style={{ margin: 0, minInlineSize: 0 }} data-language={language}>
            <Title order={3} size="h5" component="legend" px={4}>
              {languageName}
            </Title>
            <Stack gap="xs">
              <Textarea
                label={t('socialPosts.text.label', { language: languageName })}
                value={draft.text[key]?.value ?? ''}
                onChange={(event) =>
                  onChange({ ...draft, text: { ...draft.text, [language]: withValue(draft.text[key], event.currentTarget.value) } })
                }
                lang={language}
                dir={dir}
                rows={6}
                resize="vertical"
                name={`text.${language}`}
                aria-describedby={`count-${language}`}
                error={messageAt(fields, `text.${language}`)}
              />
              {count ? <CountLine count={count.message} id={`count-${language}`} testId={`count-${language}`} /> : null}
              <TextInput
                label={t('socialPosts.hashtags.label', { language: languageName })}
                description={t('socialPosts.hashtags.hint')}
                value={typedTags}
                onChange={(event) => onChange({ ...draft, hashtags: { ...draft.hashtags, [language]: event.currentTarget.value } })}
                lang={language}
                dir={dir}
                name={`hashtags.${language}`}
                error={badTag ? t('socialPosts.hashtags.invalid', { tag: badTag }) : messageAt(fields, `hashtags.${language}`)}
              />
              <Textarea
                label={t('socialPosts.firstComment.label', { language: languageName })}
                description={t('socialPosts.firstComment.hint')}
                value={draft.firstComment[key]?.value ?? ''}
                onChange={(event) =>
                  onChange({
                    ...draft,
                    firstComment: { ...draft.firstComment, [language]: withValue(draft.firstComment[key], event.currentTarget.value) },
                  })
                }
                lang={language}
                dir={dir}
                rows={2}
                resize="vertical"
                name={`firstComment.${language}`}
                error={messageAt(fields, `firstComment.${language}`)}
              />
              {count && hasComment ? <CountLine count={count.comment} testId={`comment-count-${language}`} /> : null}
              <Group gap="xs">
                <NativeSelect
                  size="xs"
                  label={t('socialPosts.language.status', { language: languageName })}
                  value={status === 'missing' ? 'draft' : status}
                  disabled={status === 'missing'}
                  data={EDITABLE_STATUSES.map((option) => ({ value: option, label: t(`web.status.${option}`) }))}
                  onChange={(event) => onChange(withLanguageStatus(draft, language, event.currentTarget.value as TranslationStatus))}
                />
              </Group>
            </Stack>
          </Paper>
        );
      })}
      {counts.together ? (
        <Stack gap={2}>
          <CountLine count={counts.together.message} testId="count-together" label={t('socialPosts.characters.together')} />
          {counts.together.message.level !== 'ok' ? (
            <Text size="xs" c="dark.6" fw={600}>
              {t('socialPosts.characters.togetherHint')}
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {messageAt(fields, 'text') && !languages.some((language) => messageAt(fields, `text.${language}`)) ? (
        <Text size="sm" c="red.9" role="alert">
          {messageAt(fields, 'text')}
        </Text>
      ) : null}
    </Stack>
  );
}
