/** Creating or editing a mailing list: localized name and description, public or private, single or double opt-in. */
import { Button, Group, Modal, Radio, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { LIST_VISIBILITIES, MailingListCreateSchema, OPT_IN_MODES } from '../../../../shared/newsletter/audience-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { type FieldMessages, fieldsFromApiError, fieldsFromZod, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { audienceKeys, createMailingList, type MailingList, updateMailingList } from './audience-api.js';
import { AudienceErrorAlert } from './audience-ui.js';

export function ListDialog({ list, onClose }: { list?: MailingList; onClose(): void }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const languages = workspace.contentLanguages;
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(list?.name, languages));
  const [description, setDescription] = useState<LocalizedText>(() => completeLocalized(list?.description, languages));
  const [visibility, setVisibility] = useState<string>(list?.visibility ?? 'public');
  const [optIn, setOptIn] = useState<string>(list?.optIn ?? 'double');
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createMailingList>[1]) =>
      list ? updateMailingList(workspace.id, list.id, body) : createMailingList(workspace.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: audienceKeys.lists(workspace.id) });
      onClose();
    },
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };

  const submit = () => {
    const parsed = MailingListCreateSchema.safeParse({ name, description, visibility, optIn });
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
      title={t(list ? 'subscribers.listDialog.editTitle' : 'subscribers.listDialog.createTitle')}
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
          <AudienceErrorAlert error={mutation.error} placedFields={['name', 'description', 'visibility', 'optIn']} />
          <LocalizedTextEditor
            label={t('subscribers.listField.name')}
            name="name"
            value={name}
            onChange={setName}
            languages={languages}
            isRequired
            maxLength={200}
            error={fields.name}
            languageErrors={languageErrorsOf(fields, 'name')}
          />
          <LocalizedTextEditor
            label={t('subscribers.listField.description')}
            name="description"
            value={description}
            onChange={setDescription}
            languages={languages}
            isMultiline
            maxLength={1000}
            error={fields.description}
            languageErrors={languageErrorsOf(fields, 'description')}
          />
          <Radio.Group label={t('subscribers.listField.visibility')} value={visibility} onChange={setVisibility}>
            <Stack gap={6} mt={4}>
              {LIST_VISIBILITIES.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`subscribers.visibility.${value}`)}
                  description={t(`subscribers.visibilityHint.${value}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label={t('subscribers.listField.optIn')} value={optIn} onChange={setOptIn}>
            <Stack gap={6} mt={4}>
              {OPT_IN_MODES.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`subscribers.optIn.${value}`)}
                  description={t(`subscribers.optInHint.${value}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t(list ? 'web.action.save' : 'subscribers.listDialog.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
