/**
 * The workspace's documents, last edited first: title, layout, languages, review state, last change
 * (in the interface's date format), a search on titles in any language, a layout filter, and
 * "New document".
 */
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { DOCUMENT_LAYOUTS, type DocumentLayout } from '../../../../shared/studio/documents.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { REVIEW_STATE_COLOR } from '../../review/review-panel.js';
import { StudioNav } from '../studio-nav.js';
import { type DocumentSummary, documentKeys, useDocumentPages } from './documents-api.js';
import { NewDocumentDialog } from './new-document-dialog.js';

function DocumentRow({ document }: { document: DocumentSummary }) {
  const { t, formatDate } = useI18n();
  const { href } = useWorkspace();
  const languages = document.mode === 'ar' || document.mode === 'fr' ? [document.mode] : document.languages;
  return (
    <li className="tawasul-list-row" data-testid="document-row">
      <Anchor component={Link} href={href(`/studio/documents/${document.id}`)} fw={600} className="tawasul-list-row-title">
        <LocalizedValue value={document.title} fallbacks={document.languages} empty={t('studioDocuments.list.untitled')} inherit />
      </Anchor>
      <Text size="sm" c="dimmed">
        {[
          t(`studioDocuments.layout.${document.layout}.name`),
          languages.map((language) => t(`studioDocuments.language.${language}.title`)).join(' · '),
          t('studioDocuments.list.updated', { date: formatDate(document.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) }),
        ].join(' — ')}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Badge color={REVIEW_STATE_COLOR[document.reviewState]} data-state={document.reviewState}>
          {t(`review.state.${document.reviewState}`)}
        </Badge>
        {document.lastRender ? (
          <Badge variant="outline" color="gray.7">
            {t('studioDocuments.list.pages', { count: document.lastRender.pages })}
          </Badge>
        ) : null}
      </Group>
    </li>
  );
}

export function StudioDocumentsPage() {
  const { t } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [layout, setLayout] = useState<DocumentLayout | null>(null);
  const [isCreating, setCreating] = useState(false);
  const pages = useDocumentPages(workspace.id, { ...(q ? { q } : {}), ...(layout ? { layout } : {}) });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <StudioNav active="documents" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('studioDocuments.list.title')}
        </Title>
        {can('studio:write') ? <Button onClick={() => setCreating(true)}>{t('studioDocuments.new.open')}</Button> : null}
      </Group>
      <Group align="end">
        <TextInput
          label={t('studioDocuments.list.search')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          dir="auto"
          w={320}
        />
        <Select
          label={t('studioDocuments.list.layoutFilter')}
          placeholder={t('web.filter.all')}
          clearable
          value={layout}
          onChange={(value) => setLayout(value as DocumentLayout | null)}
          data={DOCUMENT_LAYOUTS.map((value) => ({ value, label: t(`studioDocuments.layout.${value}.name`) }))}
          w={260}
        />
      </Group>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('studioDocuments.list.shown', { count: items.length })}
          </Text>
          <Paper withBorder component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('studioDocuments.list.title')}>
            {items.map((document) => (
              <DocumentRow key={document.id} document={document} />
            ))}
            {items.length === 0 ? (
              <li className="tawasul-list-row">
                <Text c="dimmed">{q || layout ? t('studioDocuments.list.noMatch') : t('studioDocuments.list.empty')}</Text>
              </li>
            ) : null}
          </Paper>
        </>
      )}
      <LoadMoreButton pages={pages} />
      {isCreating ? (
        <NewDocumentDialog
          workspaceId={workspace.id}
          onClose={() => setCreating(false)}
          onCreated={async (document) => {
            await queryClient.invalidateQueries({ queryKey: documentKeys.all(workspace.id) });
            navigate(href(`/studio/documents/${document.id}`));
          }}
        />
      ) : null}
    </Stack>
  );
}
