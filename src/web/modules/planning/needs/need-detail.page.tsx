/** One need: what was asked, its status and history for the requester, and the triage controls for officers. */
import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { NEED_STATUSES, type NeedStatus } from '../../../../shared/planning/needs.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useOrganisation } from '../../directory/directory-api.js';
import { NeedStatusBadge } from './need-status-badge.js';
import { type Need, needKeys, triageNeed, useCampaignOptions, useCampaignTaskOptions, useNeed, useNeedHistory } from './needs-api.js';

function TriagePanel({ need, workspaceId }: { need: Need; workspaceId: string }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(need.status);
  const [declineReason, setDeclineReason] = useState(need.declineReason ?? '');
  const [campaignId, setCampaignId] = useState<string | null>(need.campaignId);
  const [taskId, setTaskId] = useState<string | null>(need.taskId);
  const [deliverableUrl, setDeliverableUrl] = useState(need.deliverableUrl ?? '');
  const campaigns = useCampaignOptions(workspaceId, true);
  const campaignTasks = useCampaignTaskOptions(workspaceId, campaignId);
  const mutation = useMutation({
    mutationFn: () =>
      triageNeed(workspaceId, need.id, {
        status: (status ?? need.status) as NeedStatus,
        declineReason: status === 'declined' ? declineReason.trim() || null : null,
        campaignId,
        taskId: campaignId ? taskId : null,
        deliverableUrl: deliverableUrl.trim() || null,
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(needKeys.one(workspaceId, need.id), saved);
      await queryClient.invalidateQueries({ queryKey: needKeys.history(workspaceId, need.id) });
      await queryClient.invalidateQueries({ queryKey: needKeys.all(workspaceId) });
    },
  });
  const fields = fieldsFromApiError(mutation.error);
  const titleOf = (title: Record<string, { value: string }>) =>
    title[locale]?.value || Object.values(title).find((entry) => entry.value)?.value || '—';
  const campaignOptions = (campaigns.data?.items ?? []).map((campaign) => ({ value: campaign.id, label: titleOf(campaign.title) }));
  const taskOptions = (campaignTasks.data?.tasks ?? []).map((task) => ({ value: task.id, label: titleOf(task.title) }));

  return (
    <Paper withBorder p="md" component="section" aria-label={t('needs.triage.title')}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        <Stack>
          <Title order={2} size="h4">
            {t('needs.triage.title')}
          </Title>
          <ErrorAlert error={mutation.error} />
          <Select
            label={t('needs.field.status')}
            value={status}
            onChange={setStatus}
            allowDeselect={false}
            data={NEED_STATUSES.map((value) => ({ value, label: t(`needs.status.${value}`) }))}
            error={fields.status}
          />
          {status === 'declined' ? (
            <Textarea
              label={t('needs.field.declineReason')}
              required
              dir="auto"
              value={declineReason}
              onChange={(event) => setDeclineReason(event.currentTarget.value)}
              error={fields.declineReason}
            />
          ) : null}
          <Select
            label={t('needs.field.campaign')}
            placeholder={t('needs.noCampaign')}
            clearable
            searchable
            value={campaignId}
            onChange={(value) => {
              setCampaignId(value);
              setTaskId(null);
            }}
            data={campaignOptions}
            error={fields.campaignId}
          />
          {campaignId ? (
            <Select
              label={t('needs.field.task')}
              placeholder={t('needs.noTask')}
              clearable
              searchable
              value={taskId}
              onChange={setTaskId}
              data={taskOptions}
              error={fields.taskId}
            />
          ) : null}
          <TextInput
            type="url"
            dir="ltr"
            label={t('needs.field.deliverableUrl')}
            placeholder="https://"
            value={deliverableUrl}
            onChange={(event) => setDeliverableUrl(event.currentTarget.value)}
            error={fields.deliverableUrl}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('needs.triage.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function NeedDetailPage() {
  const { t, formatDate } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const { needId = '' } = useParams<{ needId: string }>();
  const need = useNeed(workspace.id, needId);
  const history = useNeedHistory(workspace.id, needId);
  const organisation = useOrganisation(workspace.id, need.data?.organisationId ?? undefined);
  const linkedCampaignTasks = useCampaignTaskOptions(workspace.id, need.data?.campaignId ?? null);
  const linkedCampaigns = useCampaignOptions(workspace.id, Boolean(need.data?.campaignId));
  const languages = workspace.contentLanguages;
  if (need.isPending) return <PageLoader />;
  if (!need.data) return <ErrorAlert error={need.error} />;
  const data = need.data;
  const detail = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{value}</div>
    </div>
  );

  return (
    <Stack maw={960}>
      <Anchor component={Link} href={href('/needs')} size="sm">
        {t('needs.backToList')}
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <LocalizedValue component="h1" value={data.title} fallbacks={languages} fz="h2" fw={700} m={0} />
          <Group gap="xs">
            <NeedStatusBadge status={data.status} />
            {data.requesterName ? (
              <Text size="sm" c="dimmed">
                {t('needs.requestedBy')} <bdi>{data.requesterName}</bdi>
              </Text>
            ) : null}
          </Group>
        </Stack>
        {data.canEdit && data.status === 'submitted' ? (
          <Button component={Link} href={href(`/needs/${data.id}/edit`)} variant="default">
            {t('web.action.edit')}
          </Button>
        ) : null}
      </Group>
      {data.status === 'declined' && data.declineReason ? (
        <Paper withBorder p="sm" role="note">
          <Text fw={600}>{t('needs.field.declineReason')}</Text>
          <Text dir="auto">{data.declineReason}</Text>
        </Paper>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {detail(t('needs.field.audience'), <LocalizedValue value={data.audience} fallbacks={languages} />)}
        {detail(
          t('needs.field.languages'),
          <Text>{data.languages.length ? data.languages.map((language) => t(`public.languageName.${language}`)).join(' · ') : '—'}</Text>,
        )}
        {detail(t('needs.field.neededBy'), <Text>{data.neededBy ? formatDate(data.neededBy) : '—'}</Text>)}
        {detail(
          t('needs.field.organisation'),
          organisation.data ? <LocalizedValue value={organisation.data.name} fallbacks={languages} /> : <Text>—</Text>,
        )}
        {data.campaignId
          ? detail(
              t('needs.field.campaign'),
              <Anchor component={Link} href={href(`/campaigns/${data.campaignId}`)}>
                <LocalizedValue
                  value={linkedCampaigns.data?.items.find((campaign) => campaign.id === data.campaignId)?.title ?? {}}
                  fallbacks={languages}
                />
              </Anchor>,
            )
          : null}
        {data.taskId
          ? detail(
              t('needs.field.task'),
              <Anchor component={Link} href={href(`/tasks/${data.taskId}`)}>
                <LocalizedValue
                  value={linkedCampaignTasks.data?.tasks.find((task) => task.id === data.taskId)?.title ?? {}}
                  fallbacks={languages}
                />
              </Anchor>,
            )
          : null}
        {data.deliverableUrl
          ? detail(
              t('needs.field.deliverableUrl'),
              <Anchor href={data.deliverableUrl} dir="ltr" target="_blank" rel="noreferrer">
                {data.deliverableUrl}
              </Anchor>,
            )
          : null}
      </SimpleGrid>
      {detail(t('needs.field.description'), <LocalizedValue value={data.description} fallbacks={languages} component="p" m={0} />)}
      {can('needs:triage') ? <TriagePanel key={data.updatedAt} need={data} workspaceId={workspace.id} /> : null}
      <Stack gap="xs" component="section" aria-label={t('needs.history')}>
        <Title order={2} size="h4">
          {t('needs.history')}
        </Title>
        <Timeline active={(history.data?.items.length ?? 1) - 1} bulletSize={14} lineWidth={2} color="teal.9">
          {(history.data?.items ?? []).map((entry) => (
            <Timeline.Item key={`${entry.at}-${entry.status}`} title={t(`needs.status.${entry.status}`)}>
              <Text size="sm" c="dimmed">
                {formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
                {entry.actorName ? (
                  <>
                    {' · '}
                    <bdi>{entry.actorName}</bdi>
                  </>
                ) : null}
              </Text>
              {entry.declineReason ? (
                <Text size="sm" dir="auto">
                  {entry.declineReason}
                </Text>
              ) : null}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Stack>
  );
}
