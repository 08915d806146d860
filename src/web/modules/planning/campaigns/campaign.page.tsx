/**
 * One campaign: title, goal date and progress; tabs for its overview, its Gantt and its tasks (the tab
 * and the open task live in the URL, so both can be linked); the goal-date move, applying a template
 * to an empty plan, saving the plan as a template, archive and restore.
 */
import { Anchor, Badge, Button, Drawer, Group, Progress, Select, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { CampaignGanttTab } from './campaign-gantt-tab.js';
import { CampaignOverview } from './campaign-overview.js';
import { CampaignTasksTab } from './campaign-tasks-tab.js';
import { applyTemplate, campaignKeys, setCampaignArchived, useCampaign, useCampaignPlan } from './campaigns-api.js';
import { GoalDateDialog } from './goal-date-dialog.js';
import { CAMPAIGN_STATUS_COLOR, useDayFormat } from './planning-format.js';
import { SaveAsTemplateDialog } from './save-as-template-dialog.js';
import { TaskPanel } from './tasks/task-panel.js';
import { useTemplates } from './templates/templates-api.js';

const TABS = ['overview', 'gantt', 'tasks'] as const;

export function CampaignPage() {
  const { t, formatNumber, dir } = useI18n();
  const formatDay = useDayFormat();
  const { workspace, can, href } = useWorkspace();
  const { campaignId = '' } = useParams<{ campaignId: string }>();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const campaign = useCampaign(workspace.id, campaignId);
  const plan = useCampaignPlan(workspace.id, campaignId);
  const [dialog, setDialog] = useState<'goal' | 'template' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as string) : 'overview';
  const openTaskId = params.get('task');
  const setParam = (name: string, value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === null) next.delete(name);
      else next.set(name, value);
      return next;
    });
  const archive = useMutation({
    mutationFn: (isArchived: boolean) => setCampaignArchived(workspace.id, campaignId, isArchived),
    onSuccess: async (saved) => {
      queryClient.setQueryData(campaignKeys.one(workspace.id, campaignId), saved);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all(workspace.id) });
    },
  });

  if (campaign.isPending) return <PageLoader />;
  const item = campaign.data;
  if (!item) return <ErrorAlert error={campaign.error} />;
  const languages = workspace.contentLanguages;
  const canPlan = can('campaigns:write');
  const tasks = plan.data?.tasks ?? [];
  const { total, done, overdue } = item.taskCounts;

  return (
    <Stack>
      <Anchor component={Link} href={href('/campaigns')} size="sm">
        {t('web.action.backToList')}
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <LocalizedValue value={item.title} fallbacks={languages} component="h1" fw={700} fz="h2" m={0} />
          <Group gap="xs">
            <Badge color={CAMPAIGN_STATUS_COLOR[item.status]} variant="filled">
              {t(`campaigns.status.${item.status}`)}
            </Badge>
            <Text size="sm" data-testid="campaign-goal-date">
              {t('campaigns.goalDateOn', { date: formatDay(item.goalDate) })}
            </Text>
            {overdue > 0 ? (
              <Badge color="red.9" variant="filled">
                {t('campaigns.overdueCount', { count: overdue })}
              </Badge>
            ) : null}
            {item.isArchived ? <Badge color="gray.7">{t('web.status.archived')}</Badge> : null}
          </Group>
          <Group gap="xs" w={260}>
            <Text size="sm">{t('campaigns.progress', { done: formatNumber(done), total: formatNumber(total) })}</Text>
            <Progress
              value={total === 0 ? 0 : (done / total) * 100}
              color="teal.8"
              style={{ flex: 1 }}
              aria-label={t('campaigns.progress', { done: formatNumber(done), total: formatNumber(total) })}
            />
          </Group>
        </Stack>
        <Group gap="xs">
          {/* The brief is reviewed through the approval workflow; everyone may read it. */}
          <Button component={Link} href={href(`/campaigns/${item.id}/brief`)} variant="default">
            {t('review.brief.title')}
          </Button>
        </Group>
        {canPlan ? (
          <Group gap="xs">
            <Button onClick={() => setDialog('goal')}>{t('campaigns.goalMove.open')}</Button>
            <Button variant="default" onClick={() => setDialog('template')} disabled={tasks.length === 0}>
              {t('campaigns.saveAsTemplate.open')}
            </Button>
            <Button
              color={item.isArchived ? 'teal' : 'red'}
              variant="light"
              loading={archive.isPending}
              onClick={() => archive.mutate(!item.isArchived)}
            >
              {item.isArchived ? t('web.action.restore') : t('web.action.archive')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <ErrorAlert error={archive.error ?? plan.error} />
      {notice ? (
        <Text role="status" c="teal.9">
          {notice}
        </Text>
      ) : null}
      {canPlan && plan.data && tasks.length === 0 ? <ApplyTemplate workspaceId={workspace.id} campaignId={item.id} /> : null}
      <Tabs value={tab} onChange={(value) => setParam('tab', value)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`campaigns.tab.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <CampaignOverview workspaceId={workspace.id} campaign={item} languages={languages} canEdit={canPlan} />
        </Tabs.Panel>
        <Tabs.Panel value="gantt" pt="md">
          {plan.data ? (
            <CampaignGanttTab
              workspaceId={workspace.id}
              campaign={item}
              plan={plan.data}
              languages={languages}
              canMove={canPlan}
              onOpenTask={(taskId) => setParam('task', taskId)}
            />
          ) : (
            <PageLoader />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <CampaignTasksTab
            workspaceId={workspace.id}
            campaign={item}
            tasks={tasks}
            languages={languages}
            canEdit={canPlan}
            onOpenTask={(taskId) => setParam('task', taskId)}
          />
        </Tabs.Panel>
      </Tabs>
      <Drawer
        closeButtonProps={{ 'aria-label': t('campaigns.action.dismiss') }}
        opened={Boolean(openTaskId)}
        onClose={() => setParam('task', null)}
        position={dir === 'rtl' ? 'left' : 'right'}
        size="lg"
        title={t('campaigns.task.drawerTitle')}
      >
        {openTaskId ? <TaskPanel taskId={openTaskId} /> : null}
      </Drawer>
      {dialog === 'goal' ? (
        <GoalDateDialog
          workspaceId={workspace.id}
          campaign={item}
          tasks={tasks}
          languages={languages}
          isOpen
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'template' ? (
        <SaveAsTemplateDialog
          workspaceId={workspace.id}
          campaign={item}
          languages={languages}
          isOpen
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setNotice(t('campaigns.saveAsTemplate.saved'));
          }}
        />
      ) : null}
    </Stack>
  );
}

function ApplyTemplate({ workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const templates = useTemplates(workspaceId);
  const [key, setKey] = useState<string | null>(null);
  const apply = useMutation({
    mutationFn: (templateKey: string) => applyTemplate(workspaceId, campaignId, templateKey),
    onSuccess: async (plan) => {
      queryClient.setQueryData(campaignKeys.plan(workspaceId, campaignId), plan);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.one(workspaceId, campaignId) });
    },
  });
  return (
    <Group align="end" gap="xs">
      <Select
        label={t('campaigns.applyTemplate.label')}
        value={key}
        onChange={setKey}
        data={(templates.data?.items ?? []).map((template) => ({
          value: template.key,
          label: template.name[locale]?.value || Object.values(template.name)[0]?.value || template.key,
        }))}
        w={320}
      />
      <Button onClick={() => key && apply.mutate(key)} disabled={!key} loading={apply.isPending}>
        {t('campaigns.applyTemplate.submit')}
      </Button>
      <ErrorAlert error={apply.error} />
    </Group>
  );
}
