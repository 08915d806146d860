/**
 * Segments: the saved ones beside the builder; a live count of the active subscribers matching the
 * draft (debounced, only once every condition is complete), save and delete.
 */
import { Button, Grid, Group, NavLink, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { SegmentCreateSchema } from '../../../../shared/newsletter/audience-api.schema.js';
import { type SegmentFilter, SegmentFilterSchema } from '../../../../shared/newsletter/newsletter.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useOrganisationPages } from '../../directory/directory-api.js';
import { NewsletterNav } from '../newsletter-nav.js';
import {
  audienceKeys,
  createSegment,
  deleteSegment,
  type Segment,
  updateSegment,
  useAudienceCount,
  useMailingLists,
  useSegments,
} from './audience-api.js';
import { AudienceErrorAlert } from './audience-ui.js';
import { type DraftFilter, SegmentBuilder } from './segment-builder.js';

function LiveCount({ filter }: { filter: SegmentFilter | undefined }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const [debounced] = useDebouncedValue(filter, 400);
  const count = useAudienceCount(workspace.id, { filter: debounced }, Boolean(debounced));
  let text: string;
  if (!filter) text = t('subscribers.segment.incomplete');
  else if (count.data && debounced) text = t('subscribers.segment.liveCount', { count: count.data.count });
  else if (count.isError) text = t('subscribers.segment.countFailed');
  else text = t('subscribers.segment.counting');
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Text fw={600} role="status" aria-live="polite" data-testid="segment-count">
        {text}
      </Text>
    </Paper>
  );
}

function SegmentEditor({ segment, onSaved }: { segment?: Segment; onSaved(id: string | null): void }) {
  const { t, locale } = useI18n();
  const { workspace, can } = useWorkspace();
  const queryClient = useQueryClient();
  const languages = workspace.contentLanguages;
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(segment?.name, languages));
  const [draft, setDraft] = useState<DraftFilter>(() => (segment?.filter as DraftFilter | undefined) ?? { match: 'all', conditions: [] });
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const lists = useMailingLists(workspace.id, 'all');
  const organisations = useOrganisationPages(workspace.id, {}, 100);
  const parsed = SegmentFilterSchema.safeParse(draft);
  const refresh = () => queryClient.invalidateQueries({ queryKey: audienceKeys.segments(workspace.id) });
  const save = useMutation({
    mutationFn: (body: Parameters<typeof createSegment>[1]) =>
      segment ? updateSegment(workspace.id, segment.id, body) : createSegment(workspace.id, body),
    onSuccess: async (saved) => {
      await refresh();
      onSaved(saved.id);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteSegment(workspace.id, segment?.id ?? ''),
    onSuccess: async () => {
      await refresh();
      onSaved(null);
    },
  });
  const fields = { ...fieldsFromApiError(save.error), ...clientFields };
  const canManage = can('subscribers:manage');

  const submit = () => {
    const body = SegmentCreateSchema.safeParse({ name, filter: draft });
    if (!body.success) {
      setClientFields(fieldsFromZod(body.error, t));
      return;
    }
    setClientFields({});
    if (!save.isPending) save.mutate(body.data);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <AudienceErrorAlert error={save.error ?? remove.error} placedFields={['name', 'filter.conditions']} />
        <LocalizedTextEditor
          label={t('subscribers.segment.name')}
          name="name"
          value={name}
          onChange={setName}
          languages={languages}
          isRequired
          maxLength={200}
          error={fields.name}
          languageErrors={languageErrorsOf(fields, 'name')}
        />
        <SegmentBuilder
          value={draft}
          onChange={setDraft}
          languages={languages}
          lists={(lists.data?.items ?? []).map((list) => ({
            value: list.id,
            label: pickLocalized(list.name, locale, languages)?.value ?? '—',
          }))}
          organisations={(organisations.data?.pages[0]?.items ?? []).map((organisation) => ({
            value: organisation.id,
            label: pickLocalized(organisation.name as LocalizedText, locale, languages)?.value ?? '—',
          }))}
          errors={fields}
        />
        <LiveCount filter={parsed.success ? parsed.data : undefined} />
        {canManage ? (
          <Group justify="flex-end">
            {segment ? (
              <Button variant="outline" color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
                {t('subscribers.segment.delete')}
              </Button>
            ) : null}
            <Button type="submit" loading={save.isPending}>
              {t('web.action.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

export function SegmentsPage() {
  const { t, locale } = useI18n();
  const { workspace, can } = useWorkspace();
  const segments = useSegments(workspace.id);
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const items = segments.data?.items ?? [];
  const current = selected === 'new' ? undefined : (items.find((segment) => segment.id === selected) ?? (selected ? undefined : items[0]));
  const editorKey = selected === 'new' ? 'new' : (current?.id ?? 'new');

  return (
    <Stack>
      <NewsletterNav active="segments" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('subscribers.segmentsTitle')}
        </Title>
        {can('subscribers:manage') ? (
          <Button variant="light" onClick={() => setSelected('new')}>
            {t('subscribers.segment.new')}
          </Button>
        ) : null}
      </Group>
      <Text c="dimmed">{t('subscribers.segmentsIntro')}</Text>
      <ErrorAlert error={segments.error} />
      {segments.isPending ? (
        <PageLoader />
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Paper withBorder p={4} component="nav" aria-label={t('subscribers.segmentsTitle')}>
              {items.map((segment) => (
                <NavLink
                  key={segment.id}
                  label={pickLocalized(segment.name, locale, workspace.contentLanguages)?.value ?? '—'}
                  active={selected !== 'new' && current?.id === segment.id}
                  onClick={() => setSelected(segment.id)}
                />
              ))}
              {items.length === 0 ? (
                <Text c="dimmed" p="xs">
                  {t('subscribers.segment.none')}
                </Text>
              ) : null}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <SegmentEditor key={editorKey} segment={selected === 'new' ? undefined : current} onSaved={(id) => setSelected(id)} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
