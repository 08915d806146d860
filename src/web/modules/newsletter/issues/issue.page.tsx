/**
 * The composer of one issue: its envelope and blocks on one side, the live preview on the other
 * (mirrored in Arabic), then its review, send and statistics panels.
 *
 * Decision: saving is explicit (a button, Ctrl+S), not automatic. Every save of the text of a
 * submitted or approved issue sends it back to review, so the officer decides when a version
 * exists; the page says when there are unsaved changes and the preview reloads after each save.
 */
import { Alert, Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { NEWSLETTER_ISSUE_CONTENT_TYPE } from '../../../../shared/newsletter/issue-api.schema.js';
import type { Variant } from '../../../../shared/newsletter/newsletter.schema.js';
import { ApiError } from '../../../api/api-client.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { reviewQueryKey, useReview } from '../../review/review-api.js';
import { ReviewPanel } from '../../review/review-panel.js';
import { NewsletterNav } from '../newsletter-nav.js';
import { SendPanel } from '../sending/send-panel.js';
import { useSendProgress } from '../sending/sending-api.js';
import { IssueStatsPanel } from '../stats/issue-stats-panel.js';
import { BlockList } from './block-list.js';
import { IssueBadges } from './issue-badges.js';
import { draftOf, type IssueDraft, isDraftChanged, updateOf } from './issue-draft.js';
import { IssuePreview, type PreviewWidth } from './issue-preview.js';
import { AudienceSection, ComposerSection, SendModeSection, SubjectSection, UtmSection } from './issue-settings.js';
import { deleteIssue, duplicateIssue, fetchIssue, type IssueDetail, issueKeys, updateIssue, useIssue } from './issues-api.js';
import { TestSendDialog } from './test-send-dialog.js';

function firstVariant(issue: IssueDetail, contentLanguages: readonly string[], locale: string): Variant {
  if (issue.sendMode === 'bilingual') return 'bilingual';
  const written = issue.languages.filter((language) => contentLanguages.includes(language));
  return (written.includes(locale) ? locale : (written[0] ?? contentLanguages[0] ?? 'fr')) as Variant;
}

function IssueComposer({ issue }: { issue: IssueDetail }) {
  const { t, locale } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const languages = workspace.contentLanguages;
  const timeZone = workspace.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [saved, setSaved] = useState(issue);
  const [draft, setDraft] = useState<IssueDraft>(() => draftOf(issue));
  const [version, setVersion] = useState(0);
  const [variant, setVariant] = useState<Variant>(() => firstVariant(issue, languages, locale));
  const [width, setWidth] = useState<PreviewWidth>('desktop');
  const [isTestOpen, setTestOpen] = useState(false);
  // The review panel's query: the header follows its transitions without reloading the issue.
  const review = useReview(workspace.id, NEWSLETTER_ISSUE_CONTENT_TYPE, saved.id);
  const canWrite = can('newsletter:write') && saved.isEditable;
  const isDirty = isDraftChanged(draft, draftOf(saved));
  const change = (changes: Partial<IssueDraft>) => setDraft((current) => ({ ...current, ...changes }));

  const accept = async (next: IssueDetail) => {
    setSaved(next);
    setDraft(draftOf(next));
    setVersion((current) => current + 1);
    queryClient.setQueryData(issueKeys.one(workspace.id, next.id), next);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: issueKeys.all(workspace.id) }),
      // A save of the text can send an approved issue back to review.
      queryClient.invalidateQueries({ queryKey: reviewQueryKey(workspace.id, NEWSLETTER_ISSUE_CONTENT_TYPE, next.id) }),
    ]);
  };
  const save = useMutation({
    mutationFn: () => updateIssue(workspace.id, saved.id, updateOf(draft, saved.updatedAt)),
    onSuccess: accept,
  });
  const reload = useMutation({
    mutationFn: () => fetchIssue(workspace.id, saved.id),
    onSuccess: (next) => {
      save.reset();
      return accept(next);
    },
  });
  const duplicate = useMutation({
    mutationFn: () => duplicateIssue(workspace.id, saved.id),
    onSuccess: async (copy) => {
      await queryClient.invalidateQueries({ queryKey: issueKeys.all(workspace.id) });
      navigate(href(`/newsletter/issues/${copy.id}`));
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteIssue(workspace.id, saved.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: issueKeys.all(workspace.id) });
      navigate(href('/newsletter'));
    },
  });
  // The send panel's progress (same query, no second request): once a send starts, ends or is
  // cancelled, the header's status and the frozen composer follow without reloading the page.
  const sendStatus = useSendProgress(workspace.id, saved.id).data?.status;
  const isFollowing = useRef(false);
  useEffect(() => {
    if (!sendStatus || sendStatus === saved.status || isFollowing.current) return;
    isFollowing.current = true;
    fetchIssue(workspace.id, saved.id)
      .then((next) => {
        // Only the server's side moves: the officer's unsaved changes stay in the draft.
        setSaved(next);
        queryClient.setQueryData(issueKeys.one(workspace.id, next.id), next);
        return queryClient.invalidateQueries({ queryKey: issueKeys.all(workspace.id) });
      })
      .catch(() => undefined)
      .finally(() => {
        isFollowing.current = false;
      });
  }, [sendStatus, saved.status, saved.id, workspace.id, queryClient]);
  const fields = fieldsFromApiError(save.error);
  const isConflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';

  useEffect(() => {
    if (!isDirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const submit = () => {
    if (canWrite && isDirty && !save.isPending) save.mutate();
  };
  const variants: Variant[] = [...(languages as Variant[]), ...(languages.length > 1 ? ['bilingual' as const] : [])];
  const sectionProps = { draft, onChange: change, fields, languages };

  return (
    <Stack>
      <NewsletterNav active="issues" />
      <Anchor component={Link} href={href('/newsletter')} size="sm">
        {t('newsletter.composer.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 20rem' }}>
          <Title order={1} size="h2">
            <LocalizedValue value={saved.subject} fallbacks={languages} empty={t('newsletter.list.untitled')} inherit />
          </Title>
          <IssueBadges status={saved.status} reviewState={review.data?.state ?? saved.reviewState} />
        </Stack>
        <Group gap="xs">
          {isDirty ? (
            <Text size="sm" c="orange.9" role="status" data-testid="unsaved">
              {t('newsletter.composer.unsaved')}
            </Text>
          ) : null}
          {canWrite ? (
            <Button onClick={submit} loading={save.isPending} disabled={!isDirty}>
              {t('web.action.save')}
            </Button>
          ) : null}
          {can('newsletter:write') ? (
            <>
              <Button variant="default" onClick={() => setTestOpen(true)} disabled={isDirty || saved.languages.length === 0}>
                {t('newsletter.action.testSend')}
              </Button>
              <Button variant="default" onClick={() => duplicate.mutate()} loading={duplicate.isPending}>
                {t('newsletter.action.duplicate')}
              </Button>
            </>
          ) : null}
          {can('newsletter:write') && saved.status === 'draft' ? (
            <Button
              variant="default"
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm(t('newsletter.composer.confirmDelete'))) remove.mutate();
              }}
            >
              {t('newsletter.action.delete')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {!saved.isEditable ? (
        <Alert color="blue" variant="light">
          {t('newsletter.composer.frozen')}
        </Alert>
      ) : null}
      {save.isSuccess && !isDirty ? (
        <Text size="sm" role="status" c="teal.9">
          {t('web.action.saved')}
        </Text>
      ) : null}
      <ErrorAlert error={save.error ?? duplicate.error ?? remove.error ?? reload.error} />
      {isConflict ? (
        <Button variant="default" w="fit-content" onClick={() => reload.mutate()} loading={reload.isPending}>
          {t('newsletter.composer.reload')}
        </Button>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 6 }}>
          <form
            noValidate
            aria-label={t('newsletter.composer.formLabel')}
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
            onKeyDown={(event) => {
              if (event.key === 's' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
          >
            <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
              <Stack>
                <ComposerSection title={t('newsletter.composer.envelope')}>
                  <SubjectSection {...sectionProps} />
                </ComposerSection>
                <ComposerSection title={t('newsletter.composer.blocks')}>
                  <BlockList
                    blocks={draft.blocks}
                    onChange={(blocks) => change({ blocks })}
                    languages={languages}
                    timeZone={timeZone}
                    path="blocks"
                    fields={fields}
                    label={t('newsletter.composer.blocks')}
                  />
                </ComposerSection>
                <ComposerSection title={t('newsletter.composer.sendMode')}>
                  <SendModeSection {...sectionProps} />
                </ComposerSection>
                <ComposerSection title={t('newsletter.composer.audience')}>
                  <AudienceSection {...sectionProps} />
                </ComposerSection>
                <ComposerSection title={t('newsletter.composer.links')}>
                  <UtmSection {...sectionProps} />
                </ComposerSection>
              </Stack>
            </fieldset>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 6 }}>
          <Stack>
            <IssuePreview
              issueId={saved.id}
              variant={variant}
              onVariantChange={setVariant}
              width={width}
              onWidthChange={setWidth}
              version={version}
              isStale={isDirty}
            />
            <ReviewPanel contentType={NEWSLETTER_ISSUE_CONTENT_TYPE} contentId={saved.id} languages={languages} />
            <SendPanel workspaceId={workspace.id} issueId={saved.id} />
            <IssueStatsPanel workspaceId={workspace.id} issueId={saved.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      {isTestOpen ? (
        <TestSendDialog issueId={saved.id} isOpen onClose={() => setTestOpen(false)} variant={variant} variants={variants} />
      ) : null}
    </Stack>
  );
}

export function NewsletterIssuePage() {
  const { workspace } = useWorkspace();
  const { issueId = '' } = useParams<{ issueId: string }>();
  const query = useIssue(workspace.id, issueId);
  if (query.isPending) return <PageLoader />;
  if (!query.data) {
    return (
      <Stack>
        <NewsletterNav active="issues" />
        <ErrorAlert error={query.error} />
      </Stack>
    );
  }
  return <IssueComposer key={query.data.id} issue={query.data} />;
}
