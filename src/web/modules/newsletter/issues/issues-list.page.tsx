/**
 * The newsletter's issues, newest first: status and review badges, a status filter, a new issue, a
 * copy of any issue; above them, while the filter lets sent issues show, the latest sent issues with
 * their delivered messages, opens and clicks.
 */
import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ISSUE_STATUSES } from '../../../../shared/newsletter/newsletter.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { NewsletterNav } from '../newsletter-nav.js';
import { NewsletterStatsOverview } from '../stats/stats-overview.js';
import { IssueBadges } from './issue-badges.js';
import { createIssue, duplicateIssue, type IssueStatus, type IssueSummary, issueKeys, useIssuePages } from './issues-api.js';

/** Statuses of issues that went out (or are going out): the overview of figures shows with them. */
const WENT_OUT: ReadonlyArray<IssueStatus | null> = [null, 'sending', 'paused', 'sent'];

function IssueRow({ issue, onDuplicate, isDuplicating }: { issue: IssueSummary; onDuplicate(): void; isDuplicating: boolean }) {
  const { t, formatDate } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const when = issue.finishedAt
    ? t('newsletter.list.sentOn', { date: formatDate(issue.finishedAt, { dateStyle: 'medium' }) })
    : t('newsletter.list.updatedOn', { date: formatDate(issue.updatedAt, { dateStyle: 'medium' }) });
  const languages = issue.languages.map((language) => t(`public.languageName.${language}`)).join(' · ');
  return (
    <li className="tawasul-list-row" data-testid="issue-row">
      <Anchor component={Link} href={href(`/newsletter/issues/${issue.id}`)} fw={600} className="tawasul-list-row-title">
        <LocalizedValue value={issue.subject} fallbacks={workspace.contentLanguages} empty={t('newsletter.list.untitled')} inherit />
      </Anchor>
      <Text size="sm" c="dimmed">
        {[t(`newsletter.sendMode.${issue.sendMode}`), languages, when].filter(Boolean).join(' · ')}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <IssueBadges status={issue.status} reviewState={issue.reviewState} />
        {can('newsletter:write') ? (
          <Button size="compact-sm" variant="default" loading={isDuplicating} onClick={onDuplicate}>
            {t('newsletter.action.duplicate')}
          </Button>
        ) : null}
      </Group>
    </li>
  );
}

export function NewsletterIssuesPage() {
  const { t } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<IssueStatus | null>(null);
  const pages = useIssuePages(workspace.id, status ?? undefined);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const opened = async (issue: { id: string }) => {
    await queryClient.invalidateQueries({ queryKey: issueKeys.all(workspace.id) });
    navigate(href(`/newsletter/issues/${issue.id}`));
  };
  const create = useMutation({ mutationFn: () => createIssue(workspace.id, {}), onSuccess: opened });
  const duplicate = useMutation({ mutationFn: (issueId: string) => duplicateIssue(workspace.id, issueId), onSuccess: opened });

  return (
    <Stack>
      <NewsletterNav active="issues" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('newsletter.list.title')}
        </Title>
        {can('newsletter:write') ? (
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('newsletter.action.new')}
          </Button>
        ) : null}
      </Group>
      <Select
        label={t('newsletter.list.statusFilter')}
        placeholder={t('web.filter.all')}
        clearable
        value={status}
        onChange={(value) => setStatus(value as IssueStatus | null)}
        data={ISSUE_STATUSES.map((value) => ({ value, label: t(`newsletter.status.${value}`) }))}
        w={220}
      />
      {WENT_OUT.includes(status) ? <NewsletterStatsOverview workspaceId={workspace.id} /> : null}
      <ErrorAlert error={pages.error ?? create.error ?? duplicate.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <Paper withBorder component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('newsletter.list.title')}>
          {items.map((issue) => (
            <IssueRow
              key={issue.id}
              issue={issue}
              onDuplicate={() => duplicate.mutate(issue.id)}
              isDuplicating={duplicate.isPending && duplicate.variables === issue.id}
            />
          ))}
          {items.length === 0 ? (
            <li className="tawasul-list-row">
              <Text c="dimmed">{t('newsletter.list.empty')}</Text>
            </li>
          ) : null}
        </Paper>
      )}
      {pages.hasNextPage ? (
        <Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage} mx="auto">
          {t('web.action.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
