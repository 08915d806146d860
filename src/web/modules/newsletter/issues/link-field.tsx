/**
 * A link of a block. Most links are the same in every language, so one input fills them all; a
 * switch gives each language its own input (a page that exists in two language versions). URLs are
 * always typed left to right. Links carry no translation status: they are not reviewed text.
 */
import { Checkbox, Input, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ContentLanguage } from '../../../../shared/languages.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { useT } from '../../../i18n/i18n-context.js';
import { hasDistinctLinks, sameLinkEverywhere } from './blocks.js';

export interface LinkFieldProps {
  label: string;
  value: LocalizedText | undefined;
  onChange(value: LocalizedText): void;
  languages: readonly string[];
  /** Errors per language (`…url.fr.value`). */
  languageErrors?: Partial<Record<string, string>>;
  isDisabled?: boolean;
}

export function LinkField({ label, value, onChange, languages, languageErrors = {}, isDisabled }: LinkFieldProps) {
  const t = useT();
  const [isPerLanguage, setPerLanguage] = useState(() => hasDistinctLinks(value, languages));
  const first = languages[0] ?? 'fr';
  const firstError = Object.values(languageErrors).find(Boolean);
  return (
    <Stack gap={4}>
      {isPerLanguage ? (
        <Input.Wrapper label={label} component="fieldset" styles={{ root: { border: 0, padding: 0, margin: 0 } }}>
          <SimpleGrid cols={{ base: 1, sm: Math.min(languages.length, 3) }} spacing="sm" mt={4}>
            {languages.map((language) => (
              <TextInput
                key={language}
                type="url"
                dir="ltr"
                label={t('web.localized.inputLabel', { field: label, language: t(`public.languageName.${language}`) })}
                value={value?.[language as ContentLanguage]?.value ?? ''}
                error={languageErrors[language]}
                disabled={isDisabled}
                placeholder="https://"
                onChange={(event) => {
                  const url = event.currentTarget.value;
                  onChange({ ...value, [language]: { value: url, status: url.trim() ? 'reviewed' : 'missing' } });
                }}
              />
            ))}
          </SimpleGrid>
        </Input.Wrapper>
      ) : (
        <TextInput
          type="url"
          dir="ltr"
          label={label}
          value={value?.[first as ContentLanguage]?.value ?? ''}
          error={firstError}
          disabled={isDisabled}
          placeholder="https://"
          onChange={(event) => onChange(sameLinkEverywhere(event.currentTarget.value, languages))}
        />
      )}
      {languages.length > 1 ? (
        <Checkbox
          size="xs"
          label={t('newsletter.block.linkPerLanguage')}
          checked={isPerLanguage}
          disabled={isDisabled}
          onChange={(event) => {
            const isChecked = event.currentTarget.checked;
            setPerLanguage(isChecked);
            // Back to one link: the first language's link applies to all.
            if (!isChecked) onChange(sameLinkEverywhere(value?.[first as ContentLanguage]?.value ?? '', languages));
          }}
        />
      ) : null}
    </Stack>
  );
}
