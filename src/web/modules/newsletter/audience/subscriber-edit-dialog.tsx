/** Editing a subscriber's profile; a new address keeps the same person (lists and history stay). */
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SubscriberUpdateSchema } from '../../../../shared/newsletter/audience-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { audienceKeys, type Subscriber, updateSubscriber } from './audience-api.js';
import { AudienceErrorAlert } from './audience-ui.js';
import { PROFILE_FIELDS, type SubscriberProfile, SubscriberProfileFields } from './subscriber-profile-fields.js';

export function SubscriberEditDialog({ subscriber, onClose }: { subscriber: Subscriber; onClose(): void }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const languages = workspace.contentLanguages;
  const [profile, setProfile] = useState<SubscriberProfile>({
    email: subscriber.email,
    name: subscriber.name,
    languages: subscriber.languages,
    country: subscriber.country,
    organisationName: subscriber.organisationName,
    tags: subscriber.tags,
  });
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
    const kept = subscriber.languages.filter((language) => profile.languages.includes(language));
    const added = languages.filter((language) => profile.languages.includes(language) && !kept.includes(language));
    const parsed = SubscriberUpdateSchema.safeParse({ ...profile, languages: [...kept, ...added] });
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
          <AudienceErrorAlert error={mutation.error} placedFields={PROFILE_FIELDS} />
          <SubscriberProfileFields
            profile={profile}
            onChange={(patch) => setProfile((current) => ({ ...current, ...patch }))}
            fields={fields}
            isNew={false}
            keptCountry={subscriber.country ?? undefined}
          />
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
