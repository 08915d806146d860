/**
 * The segment builder: match all or any, then one row per condition (field, operator, value). It edits
 * a draft that may be incomplete; `SegmentFilterSchema` decides when it can be counted or saved.
 */
import { Button, Group, MultiSelect, NativeSelect, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { SegmentCondition } from '../../../../shared/newsletter/newsletter.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { countryOptions } from '../../directory/countries.js';

export const CONDITION_FIELDS = ['language', 'country', 'tag', 'organisation', 'list', 'attribute', 'created'] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

const OPERATORS: Record<ConditionField, readonly string[]> = {
  language: ['includes', 'excludes'],
  country: ['in', 'not_in'],
  tag: ['has', 'not_has'],
  organisation: ['is', 'is_not'],
  list: ['member', 'not_member'],
  attribute: ['equals', 'not_equals'],
  created: ['after', 'before'],
};

/** A condition being edited: the shape of `SegmentCondition`, values possibly still empty. */
export type DraftCondition = Partial<SegmentCondition> & { field: ConditionField; op: string };
export interface DraftFilter {
  match: 'all' | 'any';
  conditions: DraftCondition[];
}

/** The starting condition of a field. */
export function emptyCondition(field: ConditionField, defaultLanguage = 'ar'): DraftCondition {
  const op = OPERATORS[field][0] as string;
  switch (field) {
    case 'language':
      return { field, op, value: defaultLanguage } as DraftCondition;
    case 'country':
      return { field, op, values: [] } as DraftCondition;
    case 'tag':
      return { field, op, value: '' } as DraftCondition;
    case 'organisation':
      return { field, op, organisationId: '' } as DraftCondition;
    case 'list':
      return { field, op, listId: '' } as DraftCondition;
    case 'attribute':
      return { field, op, key: '', value: '' } as DraftCondition;
    case 'created':
      return { field, op, date: '' } as DraftCondition;
  }
}

export interface Option {
  value: string;
  label: string;
}

interface BuilderProps {
  value: DraftFilter;
  onChange(value: DraftFilter): void;
  languages: readonly string[];
  lists: Option[];
  organisations: Option[];
  /** Field errors from the server, by path (`filter.conditions.0.listId`). */
  errors?: Record<string, string>;
}

function ValueEditor({
  condition,
  index,
  onChange,
  languages,
  lists,
  organisations,
  error,
}: {
  condition: DraftCondition;
  index: number;
  onChange(next: DraftCondition): void;
  languages: readonly string[];
  lists: Option[];
  organisations: Option[];
  error?: string;
}) {
  const { t, locale } = useI18n();
  const label = t('subscribers.segment.value', { index: index + 1 });
  const set = (patch: Record<string, unknown>) => onChange({ ...condition, ...patch } as DraftCondition);
  const record = condition as Record<string, unknown>;
  switch (condition.field) {
    case 'language':
      return (
        <NativeSelect
          aria-label={label}
          value={String(record.value ?? '')}
          onChange={(event) => set({ value: event.currentTarget.value })}
          data={languages.map((language) => ({ value: language, label: t(`public.languageName.${language}`) }))}
          w={160}
        />
      );
    case 'country':
      return (
        <MultiSelect
          aria-label={label}
          searchable
          value={(record.values as string[] | undefined) ?? []}
          onChange={(values) => set({ values })}
          data={countryOptions(locale)}
          error={error}
          miw={220}
          style={{ flex: 1 }}
        />
      );
    case 'tag':
      return (
        <TextInput
          aria-label={label}
          dir="auto"
          value={String(record.value ?? '')}
          onChange={(event) => set({ value: event.currentTarget.value })}
          error={error}
        />
      );
    case 'organisation':
      return (
        <Select
          aria-label={label}
          searchable
          value={String(record.organisationId ?? '') || null}
          onChange={(organisationId) => set({ organisationId: organisationId ?? '' })}
          data={organisations}
          error={error}
          miw={240}
        />
      );
    case 'list':
      return (
        <Select
          aria-label={label}
          value={String(record.listId ?? '') || null}
          onChange={(listId) => set({ listId: listId ?? '' })}
          data={lists}
          error={error}
          miw={220}
        />
      );
    case 'attribute':
      return (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('subscribers.segment.attributeKey', { index: index + 1 })}
            placeholder={t('subscribers.segment.attributeKeyPlaceholder')}
            dir="auto"
            value={String(record.key ?? '')}
            onChange={(event) => set({ key: event.currentTarget.value })}
            w={150}
          />
          <TextInput
            aria-label={label}
            dir="auto"
            value={String(record.value ?? '')}
            onChange={(event) => set({ value: event.currentTarget.value })}
            w={180}
          />
        </Group>
      );
    case 'created':
      return (
        <TextInput
          aria-label={label}
          type="date"
          value={String(record.date ?? '')}
          onChange={(event) => set({ date: event.currentTarget.value })}
          error={error}
        />
      );
  }
}

export function SegmentBuilder({ value, onChange, languages, lists, organisations, errors = {} }: BuilderProps) {
  const { t } = useI18n();
  const replace = (index: number, next: DraftCondition) =>
    onChange({ ...value, conditions: value.conditions.map((condition, at) => (at === index ? next : condition)) });
  const errorOf = (index: number) =>
    Object.entries(errors).find(([path]) => path.startsWith(`filter.conditions.${index}.`) || path === `filter.conditions.${index}`)?.[1];

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text fw={600} id="segment-match-label">
          {t('subscribers.segment.matchLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="segment-match-label"
          value={value.match}
          onChange={(match) => onChange({ ...value, match: match as DraftFilter['match'] })}
          data={[
            { value: 'all', label: t('subscribers.segment.matchAll') },
            { value: 'any', label: t('subscribers.segment.matchAny') },
          ]}
        />
      </Group>
      {value.conditions.length === 0 ? <Text c="dimmed">{t('subscribers.segment.noConditions')}</Text> : null}
      {value.conditions.map((condition, index) => (
        <Paper
          // Conditions have no id of their own; a row is its position.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          key={index}
          withBorder
          p="xs"
          data-testid="segment-condition"
        >
          <Group gap="xs" align="start">
            <NativeSelect
              aria-label={t('subscribers.segment.field', { index: index + 1 })}
              value={condition.field}
              onChange={(event) => replace(index, emptyCondition(event.currentTarget.value as ConditionField, languages[0]))}
              data={CONDITION_FIELDS.map((field) => ({ value: field, label: t(`subscribers.conditionField.${field}`) }))}
              w={170}
            />
            <NativeSelect
              aria-label={t('subscribers.segment.operator', { index: index + 1 })}
              value={condition.op}
              onChange={(event) => replace(index, { ...condition, op: event.currentTarget.value } as DraftCondition)}
              data={OPERATORS[condition.field].map((op) => ({ value: op, label: t(`subscribers.conditionOp.${op}`) }))}
              w={170}
            />
            <ValueEditor
              condition={condition}
              index={index}
              onChange={(next) => replace(index, next)}
              languages={languages}
              lists={lists}
              organisations={organisations}
              error={errorOf(index)}
            />
            <Button
              variant="outline"
              color="red.9"
              onClick={() => onChange({ ...value, conditions: value.conditions.filter((_, at) => at !== index) })}
              aria-label={t('subscribers.segment.removeCondition', { index: index + 1 })}
            >
              {t('web.action.remove')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => onChange({ ...value, conditions: [...value.conditions, emptyCondition('language', languages[0])] })}
          disabled={value.conditions.length >= 30}
        >
          {t('subscribers.segment.addCondition')}
        </Button>
      </Group>
    </Stack>
  );
}
