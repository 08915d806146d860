/**
 * The campaign's overview: its texts, kind and status, and the objectives, audiences and channels of
 * the communication plan it serves (left out when the plan cannot be read).
 */
import { Button, Group, MultiSelect, Paper, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, CampaignUpdateSchema } from '../../../../shared/planning/campaign.schema.js';
import type { Plan } from '../../../../shared/planning/plan.schema.js';
import { apiRequest } from '../../../api/api-client.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { CampaignTextFields } from './campaign-text-fields.js';
import { type Campaign, campaignKeys, updateCampaign } from './campaigns-api.js';

type PlanPart = 'objectives' | 'audiences' | 'channels';
const PART_IDS = { objectives: 'objectiveIds', audiences: 'audienceIds', channels: 'channelIds' } as const;

/** The communication plan, or null when it is not there (the page works without it). */
function usePlanOptions(workspaceId: string) {
  return useQuery({
    queryKey: ['plan', workspaceId, 'options'],
    queryFn: () => apiRequest<Plan>(`/api/workspaces/${workspaceId}/plan`).catch(() => null),
    staleTime: 60_000,
  });
}

export function CampaignOverview(props: { workspaceId: string; campaign: Campaign; languages: readonly string[]; canEdit: boolean }) {
  const { workspaceId, campaign, languages, canEdit } = props;
  const { t, locale } = useI18n();
  const [isEditing, setEditing] = useState(false);
  const plan = usePlanOptions(workspaceId);
  const nameOf = (part: PlanPart, id: string) => {
    const item = plan.data?.[part].find((candidate) => candidate.id === id) as { title?: LocalizedText; name?: LocalizedText } | undefined;
    return pickLocalized(item?.title ?? item?.name, locale, languages)?.value ?? '—';
  };
  if (isEditing) return <CampaignEditForm {...props} plan={plan.data ?? null} onDone={() => setEditing(false)} />;
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Text fw={600}>{t('campaigns.field.description')}</Text>
          <LocalizedValue value={campaign.description} fallbacks={languages} component="p" m={0} className="tawasul-pre" />
        </Stack>
        <Stack gap={4}>
          <Text fw={600}>{t('campaigns.field.kind')}</Text>
          <Text>{t(`campaigns.kind.${campaign.kind}`)}</Text>
          {plan.data
            ? (['objectives', 'audiences', 'channels'] as const).map((part) => (
                <Stack key={part} gap={2} mt="xs">
                  <Text fw={600}>{t(`campaigns.field.${part}`)}</Text>
                  <Text size="sm">
                    {campaign[PART_IDS[part]].length > 0
                      ? campaign[PART_IDS[part]].map((id) => nameOf(part, id)).join(t('campaigns.listSeparator'))
                      : t('campaigns.none')}
                  </Text>
                </Stack>
              ))
            : null}
        </Stack>
      </SimpleGrid>
      {canEdit ? (
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('web.action.edit')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}

function CampaignEditForm(props: {
  workspaceId: string;
  campaign: Campaign;
  languages: readonly string[];
  plan: Plan | null;
  onDone(): void;
}) {
  const { workspaceId, campaign, languages, plan } = props;
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState<LocalizedText>(() => completeLocalized(campaign.title, languages));
  const [description, setDescription] = useState<LocalizedText>(() => completeLocalized(campaign.description, languages));
  const [kind, setKind] = useState<string>(campaign.kind);
  const [status, setStatus] = useState<string>(campaign.status);
  const [links, setLinks] = useState({
    objectiveIds: campaign.objectiveIds,
    audienceIds: campaign.audienceIds,
    channelIds: campaign.channelIds,
  });
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof updateCampaign>[2]) => updateCampaign(workspaceId, campaign.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(campaignKeys.one(workspaceId, campaign.id), saved);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all(workspaceId) });
      props.onDone();
    },
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };
  const optionsOf = (part: PlanPart) =>
    (plan?.[part] ?? []).map((item) => {
      const text = (item as { title?: LocalizedText; name?: LocalizedText }).title ?? (item as { name?: LocalizedText }).name;
      return { value: item.id, label: pickLocalized(text, locale, languages)?.value ?? item.id };
    });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = CampaignUpdateSchema.safeParse({
          title,
          description,
          kind,
          status,
          ...(plan ? links : {}),
          expectedUpdatedAt: campaign.updatedAt,
        });
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
        <CampaignTextFields
          title={title}
          onTitleChange={setTitle}
          description={description}
          onDescriptionChange={setDescription}
          languages={languages}
          fields={fields}
        />
        <Group grow align="start">
          <Radio.Group label={t('campaigns.field.kind')} value={kind} onChange={setKind}>
            <Group mt={6}>
              {CAMPAIGN_KINDS.map((value) => (
                <Radio key={value} value={value} label={t(`campaigns.kind.${value}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Select
            label={t('campaigns.field.status')}
            value={status}
            onChange={(value) => setStatus(value ?? status)}
            allowDeselect={false}
            data={CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`campaigns.status.${value}`) }))}
            error={fields.status}
          />
        </Group>
        {plan
          ? (['objectives', 'audiences', 'channels'] as const).map((part) => (
              <MultiSelect
                key={part}
                label={t(`campaigns.field.${part}`)}
                data={optionsOf(part)}
                value={links[PART_IDS[part]]}
                onChange={(value) => setLinks({ ...links, [PART_IDS[part]]: value })}
                searchable
                clearable
                error={fields[PART_IDS[part]]}
              />
            ))
          : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onDone} disabled={mutation.isPending}>
            {t('web.action.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('web.action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
