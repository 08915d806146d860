/** Turns a campaign's plan into a workspace template: offsets measured from its goal date. */
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { SaveAsTemplateSchema } from '../../../../shared/planning/campaign.schema.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useT } from '../../../i18n/i18n-context.js';
import { type Campaign, saveAsTemplate } from './campaigns-api.js';
import { templateKeys } from './templates/templates-api.js';

/** A key suggestion from a title: lower-case Latin letters and digits joined by dashes. */
export function keyFromTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.planningKeyLength);
}

export function SaveAsTemplateDialog(props: {
  workspaceId: string;
  campaign: Campaign;
  languages: readonly string[];
  isOpen: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { workspaceId, campaign, languages, isOpen, onClose } = props;
  const t = useT();
  const queryClient = useQueryClient();
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(campaign.title, languages));
  const [key, setKey] = useState(() => keyFromTitle(campaign.title.fr?.value ?? campaign.title.en?.value ?? '') || 'campaign');
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const mutation = useMutation({
    mutationFn: (body: { key: string; name: LocalizedText }) => saveAsTemplate(workspaceId, campaign.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: templateKeys.all(workspaceId) });
      props.onSaved();
    },
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('campaigns.action.dismiss') }}
      opened={isOpen}
      onClose={onClose}
      title={t('campaigns.saveAsTemplate.title')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = SaveAsTemplateSchema.safeParse({ key, name });
          if (!parsed.success) {
            setClientFields(fieldsFromZod(parsed.error, t));
            return;
          }
          setClientFields({});
          mutation.mutate(parsed.data);
        }}
      >
        <Stack>
          <ErrorAlert error={mutation.error} />
          <LocalizedTextEditor
            label={t('campaigns.template.name')}
            name="templateName"
            value={name}
            onChange={setName}
            languages={languages}
            isRequired
            maxLength={LIMITS.nameLength}
            error={fields.name}
            languageErrors={languageErrorsOf(fields, 'name')}
          />
          <TextInput
            label={t('campaigns.template.key')}
            description={t('campaigns.template.keyHelp')}
            dir="ltr"
            required
            value={key}
            onChange={(event) => setKey(event.currentTarget.value)}
            error={fields.key}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('campaigns.saveAsTemplate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
