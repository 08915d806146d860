/** Shows a LocalizedText in the interface language, else the first available, isolated with its own lang/dir. */
import { Text, type TextProps } from '@mantine/core';
import { directionOf } from '../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../shared/localized-text.js';
import { useI18n } from '../i18n/i18n-context.js';

export interface LocalizedValueProps extends TextProps {
  value: LocalizedText | Record<string, { value: string; status: string }> | null | undefined;
  /** The workspace's content languages, tried in order after the interface language. */
  fallbacks?: readonly string[];
  /** Shown when no language has a value. */
  empty?: string;
  component?: 'span' | 'p' | 'div' | 'h1' | 'h2' | 'h3';
}

export function LocalizedValue({ value, fallbacks = [], empty = '—', component = 'span', ...textProps }: LocalizedValueProps) {
  const { locale } = useI18n();
  const picked = pickLocalized(value as LocalizedText, locale, fallbacks);
  if (!picked)
    return (
      <Text component={component} c="dimmed" {...textProps}>
        {empty}
      </Text>
    );
  return (
    <Text component={component} lang={picked.language} dir={directionOf(picked.language)} style={{ unicodeBidi: 'isolate' }} {...textProps}>
      {picked.value}
    </Text>
  );
}
