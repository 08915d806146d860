/** A new campaign: title and description in every content language, kind, goal date and a template applied at once. */
import { Button, Group, Paper, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { CAMPAIGN_KINDS, CampaignCreateSchema } from '../../../../shared/planning/campaign.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { CampaignTextFields } from './campaign-text-fields.js';
import { campaignKeys, createCampaign } from './campaigns-api.js';
import { TemplatePreview } from './template-preview.js';
import { useTemplates } from './templates/templates-api.js';

const NO_TEMPLATE = '';

export function CampaignNewPage() {
  const { t, locale } = useI18n();
  const { workspace, href } = useWorkspace();
  const languages = workspace.contentLanguages;
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const templates = useTemplates(workspace.id);
  const [title, setTitle] = useState<LocalizedText>(() => completeLocalized(undefined, languages));
  const [description, setDescription] = useState<LocalizedText>(() => completeLocalized(undefined, languages));
  const [kind, setKind] = useState<string>('external');
  const [goalDate, setGoalDate] = useState('');
  const [templateKey, setTemplateKey] = useState<string>(NO_TEMPLATE);
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createCampaign>[1]) => createCampaign(workspace.id, body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all(workspace.id) });
      navigate(href(`/campaigns/${created.id}?tab=gantt`));
    },
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };
  const template = templates.data?.items.find((item) => item.key === templateKey);

  const submit = () => {
    const parsed = CampaignCreateSchema.safeParse({
      title,
      description,
      kind,
      goalDate,
      templateKey: templateKey === NO_TEMPLATE ? undefined : templateKey,
    });
    if (!parsed.success) {
      setClientFields(fieldsFromZod(parsed.error, t));
      return;
    }
    setClientFields({});
    if (!mutation.isPending) mutation.mutate(parsed.data);
  };

  const templateName = (item: { name: Record<string, { value: string }> }) =>
    item.name[locale]?.value || languages.map((language) => item.name[language]?.value).find(Boolean) || '';

  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('campaigns.new')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <ErrorAlert error={mutation.error} />
          <CampaignTextFields
            title={title}
            onTitleChange={setTitle}
            description={description}
            onDescriptionChange={setDescription}
            languages={languages}
            fields={fields}
          />
          <Group align="start" grow>
            <Radio.Group label={t('campaigns.field.kind')} value={kind} onChange={setKind} error={fields.kind}>
              <Group mt={6}>
                {CAMPAIGN_KINDS.map((value) => (
                  <Radio key={value} value={value} label={t(`campaigns.kind.${value}`)} />
                ))}
              </Group>
            </Radio.Group>
            <TextInput
              type="date"
              label={t('campaigns.field.goalDate')}
              description={t('campaigns.field.goalDateHelp')}
              required
              value={goalDate}
              onChange={(event) => setGoalDate(event.currentTarget.value)}
              error={fields.goalDate}
            />
          </Group>
          <Select
            label={t('campaigns.field.template')}
            description={t('campaigns.field.templateHelp')}
            value={templateKey}
            onChange={(value) => setTemplateKey(value ?? NO_TEMPLATE)}
            data={[
              { value: NO_TEMPLATE, label: t('campaigns.template.none') },
              ...(templates.data?.items ?? []).map((item) => ({ value: item.key, label: templateName(item) })),
            ]}
            error={fields.templateKey}
            allowDeselect={false}
          />
          {template ? (
            <Paper withBorder p="sm">
              <Text fw={600} size="sm" mb="xs">
                {t('campaigns.template.previewTitle', { count: template.milestones.length })}
              </Text>
              <TemplatePreview template={template} goalDate={goalDate} languages={languages} />
            </Paper>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(href('/campaigns'))} disabled={mutation.isPending}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('campaigns.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
