/** The job queue: pause/resume each type, and retry or cancel jobs; dead jobs show their last error. */
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { actOnJob, type Job, setJobTypePaused, useJobs } from './admin-api.js';

const STATE_COLOR: Record<Job['state'], string> = {
  created: 'gray.7',
  retry: 'orange.9',
  active: 'blue.9',
  completed: 'teal.9',
  cancelled: 'gray.7',
  failed: 'red.9',
};

export function JobsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const jobs = useJobs(workspace.id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['jobs', workspace.id] });
  const pause = useMutation({
    mutationFn: (input: { name: string; isPaused: boolean }) => setJobTypePaused(workspace.id, input.name, input.isPaused),
    onSettled: refresh,
  });
  const act = useMutation({
    mutationFn: (input: { job: Job; action: 'retry' | 'cancel' }) => actOnJob(workspace.id, input.job, input.action),
    onSettled: refresh,
  });
  if (jobs.isPending) return <PageLoader />;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('web.jobs.title')}
        </Title>
        <Button variant="default" onClick={refresh} loading={jobs.isFetching}>
          {t('web.action.refresh')}
        </Button>
      </Group>
      <ErrorAlert error={jobs.error ?? pause.error ?? act.error} />
      <Title order={2} size="h4">
        {t('web.jobs.types')}
      </Title>
      {(jobs.data?.types ?? []).map((type) => (
        <Paper key={type.name} withBorder p="sm">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600} dir="ltr">
                  {type.name}
                </Text>
                <Badge color={type.isPaused ? 'orange.9' : 'teal.9'}>{type.isPaused ? t('web.jobs.paused') : t('web.jobs.running')}</Badge>
                {type.isSending ? <Badge color="gray.7">{t('web.jobs.sending')}</Badge> : null}
              </Group>
              {type.pausedReason ? (
                <Text size="xs" c="dimmed">
                  <bdi>{type.pausedReason}</bdi>
                </Text>
              ) : null}
              <Text size="xs" c="dimmed">
                {Object.entries(type.counts)
                  .map(([state, count]) => `${t(`web.jobs.state.${state}`)}: ${formatNumber(count)}`)
                  .join(' · ')}
              </Text>
            </Stack>
            <Button
              size="xs"
              variant="outline"
              loading={pause.isPending && pause.variables?.name === type.name}
              onClick={() => pause.mutate({ name: type.name, isPaused: !type.isPaused })}
            >
              {type.isPaused ? t('web.jobs.resume') : t('web.jobs.pause')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Title order={2} size="h4">
        {t('web.jobs.recent')}
      </Title>
      {(jobs.data?.jobs ?? []).length === 0 ? <Text c="dimmed">{t('web.jobs.empty')}</Text> : null}
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Tbody>
            {(jobs.data?.jobs ?? []).map((job) => (
              <Table.Tr key={job.id}>
                <Table.Td>
                  <Text size="sm" dir="ltr">
                    {job.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(job.createdOn, { dateStyle: 'short', timeStyle: 'short' })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[job.state] ?? 'gray.7'}>
                    {job.isDead ? t('web.jobs.dead') : t(`web.jobs.state.${job.state}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('web.jobs.attempts', { count: job.retryCount, limit: job.retryLimit })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {job.isDead && job.output?.message ? (
                    <Text size="xs" c="red.9" dir="auto">
                      {job.output.message}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {job.state === 'failed' || job.state === 'cancelled' ? (
                      <Button size="xs" variant="outline" onClick={() => act.mutate({ job, action: 'retry' })} disabled={act.isPending}>
                        {t('web.jobs.retry')}
                      </Button>
                    ) : null}
                    {job.state === 'created' || job.state === 'retry' || job.state === 'active' ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => act.mutate({ job, action: 'cancel' })}
                        disabled={act.isPending}
                      >
                        {t('web.jobs.cancel')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
