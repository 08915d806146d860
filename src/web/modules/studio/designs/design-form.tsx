/**
 * The form of a design, built from its template's field list (GET …/designs/templates): texts in
 * Arabic and French (each input in its own direction), dates and times, a colour, and images from
 * the library. Errors come back by path (`data.title.ar`) and are shown under the input concerned.
 */
import { ColorInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { RenderVariant } from '../../../../shared/render/render.schema.js';
import type { DesignFieldOut, DesignTemplate } from '../../../../shared/studio/designs.schema.js';
import type { FieldMessages } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { DesignImageField } from './design-image-field.js';

export type DesignFormData = Record<string, unknown>;
type Texts = Partial<Record<'ar' | 'fr', string>>;

const TEXT_LANGUAGES = ['ar', 'fr'] as const;

/** Languages a variant must have text in (the other one is optional: shown smaller). */
export function requiredLanguages(variant: RenderVariant): Array<'ar' | 'fr'> {
  return variant === 'bilingual' ? ['ar', 'fr'] : [variant];
}

export interface DesignFormProps {
  workspaceId: string;
  template: DesignTemplate;
  variant: RenderVariant;
  data: DesignFormData;
  fields: FieldMessages;
  languages: readonly string[];
  isReadOnly: boolean;
  onChange(data: DesignFormData): void;
}

export function DesignForm({ workspaceId, template, variant, data, fields, languages, isReadOnly, onChange }: DesignFormProps) {
  const { t } = useI18n();
  const set = (key: string, value: unknown) => onChange({ ...data, [key]: value });
  const label = (field: DesignFieldOut) => t(`designs.field.${field.key}`);

  const textInputs = (field: DesignFieldOut) => {
    const texts = (data[field.key] ?? {}) as Texts;
    const Input = field.multiline ? Textarea : TextInput;
    return TEXT_LANGUAGES.map((language) => (
      <Input
        key={`${field.key}.${language}`}
        label={t('designs.fieldInLanguage', { field: label(field), language: t(`designs.language.${language}`) })}
        description={field.key === 'programme' && language === TEXT_LANGUAGES[0] ? t('designs.field.programmeHint') : undefined}
        withAsterisk={Boolean(field.required) && requiredLanguages(variant).includes(language)}
        value={texts[language] ?? ''}
        onChange={(event) => set(field.key, { ...texts, [language]: event.currentTarget.value })}
        lang={language}
        dir={language === 'ar' ? 'rtl' : 'ltr'}
        maxLength={field.maxLength ?? undefined}
        autosize={field.multiline ? true : undefined}
        minRows={field.multiline ? 2 : undefined}
        readOnly={isReadOnly}
        error={fields[`data.${field.key}.${language}`] ?? (language === 'ar' ? fields[`data.${field.key}`] : undefined)}
      />
    ));
  };

  return (
    <Stack gap="sm" data-testid="design-form">
      {template.fields.map((field) => {
        const error = fields[`data.${field.key}`];
        switch (field.kind) {
          case 'localizedText':
            return (
              <Stack key={field.key} gap={6}>
                {textInputs(field)}
              </Stack>
            );
          case 'text':
            return (
              <TextInput
                key={field.key}
                label={label(field)}
                value={(data[field.key] as string | undefined) ?? ''}
                onChange={(event) => set(field.key, event.currentTarget.value)}
                dir="auto"
                readOnly={isReadOnly}
                error={error}
              />
            );
          case 'date':
          case 'time':
            return (
              <TextInput
                key={field.key}
                type={field.kind}
                label={label(field)}
                value={(data[field.key] as string | null | undefined) ?? ''}
                onChange={(event) => set(field.key, event.currentTarget.value || null)}
                readOnly={isReadOnly}
                error={error}
                w={200}
              />
            );
          case 'colour':
            return (
              <ColorInput
                key={field.key}
                label={label(field)}
                description={t('designs.field.accentColourHint')}
                format="hex"
                withEyeDropper={false}
                value={(data[field.key] as string | null | undefined) ?? ''}
                onChange={(value) => set(field.key, value || null)}
                readOnly={isReadOnly}
                error={error}
                w={240}
              />
            );
          case 'image':
            return (
              <DesignImageField
                key={field.key}
                workspaceId={workspaceId}
                label={label(field)}
                use={template.use}
                value={(data[field.key] as string | null | undefined) ?? null}
                languages={languages}
                error={error}
                isReadOnly={isReadOnly}
                onChange={(assetId) => set(field.key, assetId)}
              />
            );
          default: {
            const unknown: never = field.kind;
            return <Text key={String(unknown)}>{String(unknown)}</Text>;
          }
        }
      })}
    </Stack>
  );
}
