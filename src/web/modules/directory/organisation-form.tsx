/** Create/edit form of an organisation, validated with the server's own schema before sending (STYLE G3). */
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  ORGANISATION_TYPES,
  type Organisation,
  type OrganisationCreate,
  OrganisationCreateSchema,
} from '../../../shared/directory/organisation.schema.js';
import { LIMITS } from '../../../shared/limits.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod, languageErrorsOf } from '../../components/form-errors.js';
import { completeLocalized } from '../../components/localized-text.js';
import { LocalizedTextEditor } from '../../components/localized-text-editor.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryOptions } from './countries.js';

export interface OrganisationFormProps {
  languages: readonly string[];
  initial?: Organisation;
  isSubmitting: boolean;
  error: unknown;
  onSubmit(body: OrganisationCreate): void;
  onCancel(): void;
}

export function OrganisationForm({ languages, initial, isSubmitting, error, onSubmit, onCancel }: OrganisationFormProps) {
  const { t, locale } = useI18n();
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(initial?.name, languages));
  const [description, setDescription] = useState<LocalizedText>(() => completeLocalized(initial?.description, languages));
  const [city, setCity] = useState<LocalizedText>(() => completeLocalized(initial?.city, languages));
  const [country, setCountry] = useState<string | null>(initial?.country ?? null);
  const [type, setType] = useState<string | null>(initial?.type ?? null);
  const [website, setWebsite] = useState(initial?.website ?? '');
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  // Server messages apply to what was sent; the client's fresh checks win once the person edits again.
  const fields = { ...fieldsFromApiError(error), ...clientFields };

  const submit = () => {
    const parsed = OrganisationCreateSchema.safeParse({
      name,
      description,
      city,
      country: country ?? undefined,
      type: type ?? undefined,
      website: website.trim() === '' ? null : website.trim(),
    });
    if (!parsed.success) {
      setClientFields(fieldsFromZod(parsed.error, t));
      return;
    }
    setClientFields({});
    if (!isSubmitting) onSubmit(parsed.data);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <ErrorAlert error={error} />
        <LocalizedTextEditor
          label={t('directory.field.name')}
          name="name"
          value={name}
          onChange={setName}
          languages={languages}
          isRequired
          maxLength={LIMITS.nameLength}
          error={fields.name}
          languageErrors={languageErrorsOf(fields, 'name')}
        />
        <Group grow align="start">
          <Select
            label={t('directory.field.country')}
            required
            searchable
            value={country}
            onChange={setCountry}
            data={countryOptions(locale, initial?.country)}
            error={fields.country}
          />
          <Select
            label={t('directory.field.type')}
            required
            value={type}
            onChange={setType}
            data={ORGANISATION_TYPES.map((value) => ({ value, label: t(`directory.type.${value}`) }))}
            error={fields.type}
          />
        </Group>
        <LocalizedTextEditor
          label={t('directory.field.city')}
          name="city"
          value={city}
          onChange={setCity}
          languages={languages}
          maxLength={LIMITS.nameLength}
          error={fields.city}
          languageErrors={languageErrorsOf(fields, 'city')}
        />
        <LocalizedTextEditor
          label={t('directory.field.description')}
          name="description"
          value={description}
          onChange={setDescription}
          languages={languages}
          isMultiline
          maxLength={2000}
          error={fields.description}
          languageErrors={languageErrorsOf(fields, 'description')}
        />
        <TextInput
          label={t('directory.field.website')}
          type="url"
          dir="ltr"
          placeholder="https://"
          value={website}
          onChange={(event) => setWebsite(event.currentTarget.value)}
          error={fields.website}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={isSubmitting}>
            {t('web.action.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('web.action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
