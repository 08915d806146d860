/** Create/edit form of a person, validated with the shared schema before sending (STYLE G3). */
import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type Person, type PersonCreate, PersonCreateSchema } from '../../../shared/directory/person.schema.js';
import { CONTENT_LANGUAGES } from '../../../shared/languages.js';
import { LIMITS } from '../../../shared/limits.js';
import { type LocalizedText, pickLocalized } from '../../../shared/localized-text.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod, languageErrorsOf } from '../../components/form-errors.js';
import { completeLocalized } from '../../components/localized-text.js';
import { LocalizedTextEditor } from '../../components/localized-text-editor.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useOrganisationPages } from './directory-api.js';

export interface PersonFormProps {
  initial?: Person;
  isSubmitting: boolean;
  error: unknown;
  onSubmit(body: PersonCreate): void;
  onCancel(): void;
}

export function PersonForm({ initial, isSubmitting, error, onSubmit, onCancel }: PersonFormProps) {
  const { t, locale } = useI18n();
  const { workspace } = useWorkspace();
  const languages = workspace.contentLanguages;
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(initial?.name, languages));
  const [projectRole, setProjectRole] = useState<LocalizedText>(() => completeLocalized(initial?.projectRole, languages));
  const [email, setEmail] = useState(initial?.email ?? '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  const [spoken, setSpoken] = useState<string[]>(initial?.languages ?? []);
  const [organisationId, setOrganisationId] = useState<string | null>(initial?.organisationId ?? null);
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  // The first hundred organisations fill the picker; a consortium has far fewer.
  const organisations = useOrganisationPages(workspace.id, { archived: 'false' }, 100);
  const organisationOptions = (organisations.data?.pages.flatMap((page) => page.items) ?? []).map((organisation) => ({
    value: organisation.id,
    label: pickLocalized(organisation.name as LocalizedText, locale, languages)?.value ?? organisation.id,
  }));
  const fields = { ...fieldsFromApiError(error), ...clientFields };

  const submit = () => {
    const parsed = PersonCreateSchema.safeParse({
      name,
      projectRole,
      email: email.trim() || null,
      phone: phone.trim() || null,
      languages: spoken,
      organisationId,
    });
    if (!parsed.success) return setClientFields(fieldsFromZod(parsed.error, t));
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
          <TextInput
            label={t('directory.field.email')}
            type="email"
            dir="ltr"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fields.email}
          />
          <TextInput
            label={t('directory.field.phone')}
            type="tel"
            dir="ltr"
            value={phone}
            onChange={(event) => setPhone(event.currentTarget.value)}
            error={fields.phone}
          />
        </Group>
        <Select
          label={t('directory.field.organisation')}
          placeholder={t('web.organisations.none')}
          clearable
          searchable
          value={organisationId}
          onChange={setOrganisationId}
          data={organisationOptions}
          error={fields.organisationId}
        />
        <Checkbox.Group label={t('directory.field.languages')} value={spoken} onChange={setSpoken} error={fields.languages}>
          <Group mt={4}>
            {CONTENT_LANGUAGES.map((language) => (
              <Checkbox key={language} value={language} label={t(`public.languageName.${language}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <LocalizedTextEditor
          label={t('directory.field.projectRole')}
          name="projectRole"
          value={projectRole}
          onChange={setProjectRole}
          languages={languages}
          maxLength={LIMITS.nameLength}
          error={fields.projectRole}
          languageErrors={languageErrorsOf(fields, 'projectRole')}
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
