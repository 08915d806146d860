/** Editing a subscriber's profile; a new address keeps the same person (lists and history stay). */
import { Button, Checkbox, Group, Modal, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContentLanguage } from '../../../../shared/languages.js';
import { SubscriberUpdateSchema } from '../../../../shared/newsletter/audience-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { countryOptions } from '../../directory/countries.js';
import { audienceKeys, type Subscriber, updateSubscriber } from './audience-api.js';
import { AudienceErrorAlert } from './audience-ui.js';

const FIELDS = ['email', 'name', 'languages', 'country', 'organisationName', 'tags'];

export function SubscriberEditDialog({ subscriber, onClose }: { subscriber: Subscriber; onClose(): void }) {
  const { t, locale } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const languages = workspace.contentLanguages;
  const [email, setEmail] = useState(subscriber.email);
  const [name, setName] = useState(subscriber.name);
  const [chosenLanguages, setChosenLanguages] = useState<string[]>(subscriber.languages);
  const [country, setCountry] = useState<string | null>(subscriber.country);
  const [organisationName, setOrganisationName] = useState(subscriber.organisationName);
  const [tags, setTags] = useState<string[]>(subscriber.tags);
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof updateSubscriber>[2]) => updateSubscriber(workspace.id, subscriber.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(audienceKeys.subscriber(workspace.id, subscriber.id), saved);
      await queryClient.invalidateQueries({ queryKey: audienceKeys.subscribers(workspace.id) });
      onClose();
    },
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };

  const submit = () => {
    // Keep the person's preferred language first when the set is unchanged.
    const kept = subscriber.languages.filter((language) => chosenLanguages.includes(language));
    const added = languages.filter((language) => chosenLanguages.includes(language) && !kept.includes(language));
    const parsed = SubscriberUpdateSchema.safeParse({
      email,
      name,
      languages: [...kept, ...added],
      country,
      organisationName,
      tags,
    });
    if (!parsed.success) {
      setClientFields(fieldsFromZod(parsed.error, t));
      return;
    }
    setClientFields({});
    if (!mutation.isPending) mutation.mutate(parsed.data);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('subscribers.edit.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('web.action.cancel') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <AudienceErrorAlert error={mutation.error} placedFields={FIELDS} />
          <TextInput
            type="email"
            dir="ltr"
            label={t('subscribers.field.email')}
            description={t('subscribers.edit.emailHint')}
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fields.email}
          />
          <TextInput
            dir="auto"
            label={t('subscribers.field.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fields.name}
          />
          <Checkbox.Group
            label={t('subscribers.field.languages')}
            value={chosenLanguages}
            onChange={setChosenLanguages}
            error={fields.languages}
            withAsterisk
          >
            <Group mt={4}>
              {languages.map((language) => (
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
              value={country}
              onChange={setCountry}
              data={countryOptions(locale, subscriber.country ?? undefined)}
              error={fields.country}
            />
            <TextInput
              dir="auto"
              label={t('subscribers.field.organisation')}
              value={organisationName}
              onChange={(event) => setOrganisationName(event.currentTarget.value)}
              error={fields.organisationName}
            />
          </Group>
          <TagsInput label={t('subscribers.field.tags')} value={tags} onChange={setTags} error={fields.tags} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('web.action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
