/** Submit/edit form of a need: what, for whom, in which languages, by when, from which organisation. */
import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ContentLanguage } from '../../../../shared/languages.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { type Need, type NeedCreate, NeedCreateSchema } from '../../../../shared/planning/needs.schema.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useOrganisationPages } from '../../directory/directory-api.js';

export interface NeedFormProps {
  workspaceId: string;
  languages: readonly string[];
  initial?: Need;
  isSubmitting: boolean;
  error: unknown;
  onSubmit(body: NeedCreate): void;
  onCancel(): void;
}

export function NeedForm({ workspaceId, languages, initial, isSubmitting, error, onSubmit, onCancel }: NeedFormProps) {
  const { t, locale } = useI18n();
  const [title, setTitle] = useState<LocalizedText>(() => completeLocalized(initial?.title, languages));
  const [description, setDescription] = useState<LocalizedText>(() => completeLocalized(initial?.description, languages));
  const [audience, setAudience] = useState<LocalizedText>(() => completeLocalized(initial?.audience, languages));
  const [needLanguages, setNeedLanguages] = useState<string[]>(initial?.languages ?? []);
  const [neededBy, setNeededBy] = useState(initial?.neededBy ?? '');
  const [organisationId, setOrganisationId] = useState<string | null>(initial?.organisationId ?? null);
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const organisations = useOrganisationPages(workspaceId, {}, 100);
  const organisationOptions = (organisations.data?.pages[0]?.items ?? []).map((organisation) => {
    const names = organisation.name as Record<string, { value: string }>;
    return { value: organisation.id, label: names[locale]?.value || Object.values(names).find((entry) => entry.value)?.value || '—' };
  });
  const fields = { ...fieldsFromApiError(error), ...clientFields };

  const submit = () => {
    const parsed = NeedCreateSchema.safeParse({
      title,
      description,
      audience,
      languages: needLanguages,
      neededBy: neededBy || null,
      organisationId,
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
          label={t('needs.field.title')}
          name="title"
          value={title}
          onChange={setTitle}
          languages={languages}
          isRequired
          maxLength={200}
          error={fields.title}
          languageErrors={languageErrorsOf(fields, 'title')}
        />
        <LocalizedTextEditor
          label={t('needs.field.audience')}
          name="audience"
          value={audience}
          onChange={setAudience}
          languages={languages}
          maxLength={200}
          error={fields.audience}
          languageErrors={languageErrorsOf(fields, 'audience')}
        />
        <LocalizedTextEditor
          label={t('needs.field.description')}
          name="description"
          value={description}
          onChange={setDescription}
          languages={languages}
          isMultiline
          maxLength={2000}
          error={fields.description}
          languageErrors={languageErrorsOf(fields, 'description')}
        />
        <Checkbox.Group label={t('needs.field.languages')} value={needLanguages} onChange={setNeedLanguages} error={fields.languages}>
          <Group mt={4}>
            {languages.map((language) => (
              <Checkbox key={language} value={language as ContentLanguage} label={t(`public.languageName.${language}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group grow align="start">
          <TextInput
            type="date"
            label={t('needs.field.neededBy')}
            value={neededBy}
            onChange={(event) => setNeededBy(event.currentTarget.value)}
            error={fields.neededBy}
          />
          <Select
            label={t('needs.field.organisation')}
            placeholder={t('needs.noOrganisation')}
            clearable
            searchable
            value={organisationId}
            onChange={setOrganisationId}
            data={organisationOptions}
            error={fields.organisationId}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={isSubmitting}>
            {t('web.action.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t(initial ? 'web.action.save' : 'needs.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
