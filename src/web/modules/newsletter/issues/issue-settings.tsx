/**
 * The issue's envelope: subject and preheader in each language, the sending mode (each subscriber
 * in their language, or one bilingual email and which language comes first), the audience (lists
 * and a segment, from the audience area when it answers) and the UTM parameters of its links.
 */
import { Alert, MultiSelect, Paper, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ContentLanguage } from '../../../../shared/languages.js';
import { ISSUE_LIMITS } from '../../../../shared/newsletter/issue-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { type FieldMessages, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { IssueDraft } from './issue-draft.js';
import { type AudienceOption, useAudienceCount, useListOptions, useSegmentOptions } from './issues-api.js';

interface SectionProps {
  draft: IssueDraft;
  onChange(changes: Partial<IssueDraft>): void;
  fields: FieldMessages;
  languages: readonly string[];
}

export function SubjectSection({ draft, onChange, fields, languages }: SectionProps) {
  const { t } = useI18n();
  return (
    <Stack gap="sm">
      <LocalizedTextEditor
        label={t('newsletter.field.subject')}
        name="subject"
        isRequired
        value={completeLocalized(draft.subject, languages)}
        onChange={(subject) => onChange({ subject })}
        languages={languages}
        maxLength={ISSUE_LIMITS.subjectLength}
        error={fields.subject}
        languageErrors={languageErrorsOf(fields, 'subject')}
      />
      <LocalizedTextEditor
        label={t('newsletter.field.preheader')}
        name="preheader"
        value={completeLocalized(draft.preheader, languages)}
        onChange={(preheader) => onChange({ preheader })}
        languages={languages}
        maxLength={ISSUE_LIMITS.preheaderLength}
        error={fields.preheader}
        languageErrors={languageErrorsOf(fields, 'preheader')}
      />
    </Stack>
  );
}

export function SendModeSection({ draft, onChange, languages }: SectionProps) {
  const { t } = useI18n();
  const [first = 'ar', second = 'fr'] = draft.bilingualOrder;
  const languageName = (code: string) => t(`public.languageName.${code}`);
  const pairs =
    languages.length >= 2
      ? [
          [first, second],
          [second, first],
        ]
      : [];
  return (
    <Stack gap="sm">
      <Radio.Group
        label={t('newsletter.field.sendMode')}
        value={draft.sendMode}
        onChange={(value) => onChange({ sendMode: value as IssueDraft['sendMode'] })}
      >
        <Stack gap={6} mt={6}>
          <Radio
            value="per_language"
            label={t('newsletter.sendMode.per_language')}
            description={t('newsletter.sendMode.perLanguageHelp')}
          />
          <Radio value="bilingual" label={t('newsletter.sendMode.bilingual')} description={t('newsletter.sendMode.bilingualHelp')} />
        </Stack>
      </Radio.Group>
      {draft.sendMode === 'bilingual' && pairs.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="bilingual-order-label">
            {t('newsletter.field.bilingualOrder')}
          </Text>
          <SegmentedControl
            aria-labelledby="bilingual-order-label"
            value={`${first},${second}`}
            onChange={(value) => onChange({ bilingualOrder: value.split(',') as [ContentLanguage, ContentLanguage] })}
            data={pairs.map(([a, b]) => ({
              value: `${a},${b}`,
              label: t('newsletter.field.orderFirst', { first: languageName(a as string), second: languageName(b as string) }),
            }))}
            w="fit-content"
          />
        </Stack>
      ) : null}
    </Stack>
  );
}

function optionLabel(option: AudienceOption, locale: string, languages: readonly string[]): string {
  for (const language of [locale, ...languages, ...Object.keys(option.name)]) {
    const value = option.name[language]?.value;
    if (value) return value;
  }
  return option.id.slice(0, 8);
}

export function AudienceSection({ draft, onChange, fields }: SectionProps) {
  const { t, locale, formatNumber } = useI18n();
  const { workspace, can } = useWorkspace();
  const canSeeAudience = can('subscribers:read');
  const lists = useListOptions(workspace.id, canSeeAudience);
  const segments = useSegmentOptions(workspace.id, canSeeAudience);
  const count = useAudienceCount(workspace.id, draft.listIds, draft.segmentId, canSeeAudience);
  const languages = workspace.contentLanguages;
  // Saved ids the audience area did not return (archived, or not answered) stay visible by id.
  const listData = [
    ...(lists.data?.items ?? [])
      .filter((list) => !list.isArchived || draft.listIds.includes(list.id))
      .map((list) => ({ value: list.id, label: optionLabel(list, locale, languages) })),
    ...draft.listIds.filter((id) => !lists.data?.items.some((list) => list.id === id)).map((id) => ({ value: id, label: id.slice(0, 8) })),
  ];
  const segmentData = [
    ...(segments.data?.items ?? []).map((segment) => ({ value: segment.id, label: optionLabel(segment, locale, languages) })),
    ...(draft.segmentId && !segments.data?.items.some((segment) => segment.id === draft.segmentId)
      ? [{ value: draft.segmentId, label: draft.segmentId.slice(0, 8) }]
      : []),
  ];
  const isUnavailable = !canSeeAudience || lists.isError;
  return (
    <Stack gap="sm">
      {isUnavailable ? (
        <Alert color="gray" variant="light" p="xs">
          {canSeeAudience ? t('newsletter.audience.unavailable') : t('newsletter.audience.noAccess')}
        </Alert>
      ) : null}
      <MultiSelect
        label={t('newsletter.field.lists')}
        placeholder={draft.listIds.length === 0 ? t('newsletter.audience.pickLists') : undefined}
        data={listData}
        value={draft.listIds}
        onChange={(listIds) => onChange({ listIds })}
        disabled={isUnavailable}
        searchable
        error={fields.listIds ?? Object.entries(fields).find(([path]) => path.startsWith('listIds.'))?.[1]}
      />
      <Select
        label={t('newsletter.field.segment')}
        placeholder={t('newsletter.audience.everyone')}
        data={segmentData}
        value={draft.segmentId}
        onChange={(segmentId) => onChange({ segmentId })}
        disabled={isUnavailable || segments.isError}
        clearable
        error={fields.segmentId}
      />
      {count.data ? (
        <Text size="sm" role="status">
          {t('newsletter.audience.count', { count: count.data.count, formatted: formatNumber(count.data.count) })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function UtmSection({ draft, onChange, fields }: SectionProps) {
  const { t } = useI18n();
  const input = (key: 'utmSource' | 'utmMedium' | 'utmCampaign', name: string) => (
    <TextInput
      label={name}
      dir="ltr"
      value={draft[key]}
      maxLength={ISSUE_LIMITS.utmLength}
      error={fields[key]}
      onChange={(event) => onChange({ [key]: event.currentTarget.value })}
    />
  );
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {input('utmSource', 'utm_source')}
        {input('utmMedium', 'utm_medium')}
        {input('utmCampaign', 'utm_campaign')}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('newsletter.field.utmHelp')}
      </Text>
    </Stack>
  );
}

/** A titled panel of the composer. */
export function ComposerSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
