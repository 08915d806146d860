/**
 * Adding a person by hand: address, name, languages, country, organisation, tags, lists, and the
 * consent text the officer vouches for (stored as the proof of consent).
 */
import { Button, Group, Modal, MultiSelect, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { pickLocalized } from '../../../../shared/localized-text.js';
import { SubscriberCreateSchema } from '../../../../shared/newsletter/audience-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { audienceKeys, createSubscriber, useMailingLists } from './audience-api.js';
import { AudienceErrorAlert } from './audience-ui.js';
import { PROFILE_FIELDS, type SubscriberProfile, SubscriberProfileFields } from './subscriber-profile-fields.js';

const FIELDS = [...PROFILE_FIELDS, 'listIds', 'consentText'];

export function AddSubscriberDialog({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const { workspace, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const languages = workspace.contentLanguages;
  const [profile, setProfile] = useState<SubscriberProfile>({
    email: '',
    name: '',
    languages: [locale === 'ar' ? 'ar' : (languages[0] ?? 'fr')],
    country: null,
    organisationName: '',
    tags: [],
  });
  const [listIds, setListIds] = useState<string[]>([]);
  const [consentText, setConsentText] = useState('');
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const lists = useMailingLists(workspace.id, 'false', isOpen);
  const listOptions = (lists.data?.items ?? []).map((list) => ({
    value: list.id,
    label: pickLocalized(list.name, locale, languages)?.value ?? '—',
  }));
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createSubscriber>[1]) => createSubscriber(workspace.id, body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: audienceKeys.subscribers(workspace.id) });
      onClose();
      navigate(href(`/newsletter/subscribers/${created.id}`));
    },
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };

  const submit = () => {
    const ordered = languages.filter((language) => profile.languages.includes(language));
    const parsed = SubscriberCreateSchema.safeParse({ ...profile, languages: ordered, listIds, consentText });
    if (!parsed.success) {
      setClientFields(fieldsFromZod(parsed.error, t));
      return;
    }
    setClientFields({});
    if (!mutation.isPending) mutation.mutate(parsed.data);
  };

  return (
    <Modal
      opened={isOpen}
      onClose={onClose}
      title={t('subscribers.add.title')}
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
          <SubscriberProfileFields
            profile={profile}
            onChange={(patch) => setProfile((current) => ({ ...current, ...patch }))}
            fields={fields}
            isNew
          />
          <MultiSelect
            label={t('subscribers.field.lists')}
            data={listOptions}
            value={listIds}
            onChange={setListIds}
            error={fields.listIds}
            searchable
          />
          <Textarea
            dir="auto"
            label={t('subscribers.field.consentText')}
            description={t('subscribers.field.consentTextHint')}
            required
            autosize
            minRows={2}
            value={consentText}
            onChange={(event) => setConsentText(event.currentTarget.value)}
            error={fields.consentText}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('subscribers.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
