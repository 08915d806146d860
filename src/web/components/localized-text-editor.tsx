/**
 * The one editor of every user-facing text (DESIGN: bilingual content model): one input per content
 * language side by side (stacked on phones), each with its own `lang`/`dir` and translation status.
 */
import { Badge, Group, Input, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type ContentLanguage, directionOf } from '../../shared/languages.js';
import type { LocalizedText } from '../../shared/localized-text.js';
import { useT } from '../i18n/i18n-context.js';
import { deriveStatus, EDITABLE_STATUSES, STATUS_COLOR, withValue } from './localized-text.js';

export interface LocalizedTextEditorProps {
  /** Field label, e.g. "Nom"; each input is labelled "Nom (العربية)". */
  label: string;
  value: LocalizedText;
  onChange(value: LocalizedText): void;
  languages: readonly string[];
  /** Error for the whole field (e.g. "at least one language"). */
  error?: string;
  /** Errors per language (from `name.ar.value`). */
  languageErrors?: Partial<Record<string, string>>;
  isRequired?: boolean;
  isMultiline?: boolean;
  maxLength?: number;
  /** Prefix of the inputs' `name` attributes, for tests and autofill. */
  name?: string;
}

export function LocalizedTextEditor(props: LocalizedTextEditorProps) {
  const t = useT();
  const { label, value, onChange, languages, error, languageErrors = {}, isRequired, isMultiline, maxLength, name } = props;
  const update = (language: string, next: { value?: string; status?: string }) => {
    const entry = value[language as ContentLanguage];
    const changed =
      next.value !== undefined
        ? withValue(entry, next.value)
        : { value: entry?.value ?? '', status: (next.status ?? 'draft') as (typeof EDITABLE_STATUSES)[number] };
    onChange({ ...value, [language]: changed });
  };
  return (
    <Input.Wrapper
      label={label}
      error={error}
      withAsterisk={isRequired}
      component="fieldset"
      styles={{ root: { border: 0, padding: 0, margin: 0 } }}
    >
      <SimpleGrid cols={{ base: 1, sm: Math.min(languages.length, 3) }} spacing="sm" mt={4}>
        {languages.map((language) => {
          const entry = value[language as ContentLanguage];
          const status = deriveStatus(entry);
          const languageName = t(`public.languageName.${language}`);
          const inputLabel = t('web.localized.inputLabel', { field: label, language: languageName });
          const common = {
            label: inputLabel,
            value: entry?.value ?? '',
            lang: language,
            dir: directionOf(language),
            maxLength,
            name: name ? `${name}.${language}` : undefined,
            error: languageErrors[language],
            onChange: (event: { currentTarget: { value: string } }) => update(language, { value: event.currentTarget.value }),
          };
          return (
            <Stack key={language} gap={4}>
              {/* No autosize: its hidden measuring textarea is pinned to the physical right and overflows RTL pages. */}
              {isMultiline ? <Textarea {...common} rows={3} resize="vertical" /> : <TextInput {...common} />}
              <Group gap="xs" wrap="nowrap">
                <Badge color={STATUS_COLOR[status]} variant="filled" data-status={status}>
                  {t(`web.status.${status}`)}
                </Badge>
                <NativeSelect
                  size="xs"
                  aria-label={t('web.localized.statusLabel', { field: label, language: languageName })}
                  value={status === 'missing' ? 'draft' : status}
                  disabled={status === 'missing'}
                  data={EDITABLE_STATUSES.map((option) => ({ value: option, label: t(`web.status.${option}`) }))}
                  onChange={(event) => update(language, { status: event.currentTarget.value })}
                />
              </Group>
            </Stack>
          );
        })}
      </SimpleGrid>
    </Input.Wrapper>
  );
}
