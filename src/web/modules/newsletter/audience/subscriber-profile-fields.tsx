/** A subscriber's profile fields, shared by the add and edit dialogs: address, name, languages, country, organisation, tags. */
import { Checkbox, Group, Select, TagsInput, TextInput } from '@mantine/core';
import type { ContentLanguage } from '../../../../shared/languages.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import type { FieldMessages } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { countryOptions } from '../../directory/countries.js';

export interface SubscriberProfile {
  email: string;
  name: string;
  languages: string[];
  country: string | null;
  organisationName: string;
  tags: string[];
}

export const PROFILE_FIELDS = ['email', 'name', 'languages', 'country', 'organisationName', 'tags'];

export function SubscriberProfileFields({
  profile,
  onChange,
  fields,
  isNew,
  keptCountry,
}: {
  profile: SubscriberProfile;
  onChange(patch: Partial<SubscriberProfile>): void;
  fields: FieldMessages;
  /** A new subscriber: the address field takes focus and the hints explain languages and tags. */
  isNew: boolean;
  /** A country the list may no longer offer but the person has. */
  keptCountry?: string;
}) {
  const { t, locale } = useI18n();
  const { workspace } = useWorkspace();
  return (
    <>
      <TextInput
        type="email"
        dir="ltr"
        label={t('subscribers.field.email')}
        description={isNew ? undefined : t('subscribers.edit.emailHint')}
        required
        value={profile.email}
        onChange={(event) => onChange({ email: event.currentTarget.value })}
        error={fields.email}
        data-autofocus={isNew || undefined}
      />
      <TextInput
        dir="auto"
        label={t('subscribers.field.name')}
        value={profile.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        error={fields.name}
      />
      <Checkbox.Group
        label={t('subscribers.field.languages')}
        description={isNew ? t('subscribers.field.languagesHint') : undefined}
        value={profile.languages}
        onChange={(languages) => onChange({ languages })}
        error={fields.languages}
        withAsterisk
      >
        <Group mt={4}>
          {workspace.contentLanguages.map((language) => (
            <Checkbox key={language} value={language as ContentLanguage} label={t(`public.languageName.${language}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group grow align="start">
        <Select
          label={t('subscribers.field.country')}
          placeholder={t('subscribers.field.countryNone')}
          clearable
          searchable
          value={profile.country}
          onChange={(country) => onChange({ country })}
          data={countryOptions(locale, keptCountry)}
          error={fields.country}
        />
        <TextInput
          dir="auto"
          label={t('subscribers.field.organisation')}
          value={profile.organisationName}
          onChange={(event) => onChange({ organisationName: event.currentTarget.value })}
          error={fields.organisationName}
        />
      </Group>
      <TagsInput
        label={t('subscribers.field.tags')}
        description={isNew ? t('subscribers.field.tagsHint') : undefined}
        value={profile.tags}
        onChange={(tags) => onChange({ tags })}
        error={fields.tags}
      />
    </>
  );
}
