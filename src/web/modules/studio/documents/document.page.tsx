/**
 * One document: its title, the editors of the languages it prints, autosaved with the version it was
 * loaded at; beside them the layout and mode, the live preview of the saved pages, the images left
 * out of the PDF, the review, and "Export PDF" (which saves first, then downloads).
 *
 * Decision: saving is automatic (a document is long; losing an hour of writing is worse than a
 * review state going back to draft), and a save that meets a newer version never overwrites it
 * silently: the person chooses, with their text still on screen.
 */
import { Alert, Anchor, Button, Grid, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { DOCUMENT_API_LIMITS, type Document, STUDIO_DOCUMENT_CONTENT_TYPE } from '../../../../shared/studio/documents-api.schema.js';
import { ApiError } from '../../../api/api-client.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError, languageErrorsOf } from '../../../components/form-errors.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { reviewQueryKey } from '../../review/review-api.js';
import { ReviewPanel } from '../../review/review-panel.js';
import { StudioNav } from '../studio-nav.js';
import { CoverField } from './cover-field.js';
import { DOCUMENT_LANGUAGES, type DocumentDraft, languagesOf } from './document-draft.js';
import { DocumentEditors } from './document-editors.js';
import { LayoutPicker, ModeFields } from './document-layout-fields.js';
import { DocumentPreview } from './document-preview.js';
import { DocumentWarnings } from './document-warnings.js';
import { deleteDocument, documentKeys, downloadFile, exportDocument, fetchDocument, useDocument } from './documents-api.js';
import { SaveStatusText } from './save-status.js';
import { useDocumentAutosave } from './use-document-autosave.js';

/** How often a background export is checked. */
const EXPORT_POLL_MS = 1500;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function DocumentWorkspace({ initial }: { initial: Document }) {
  const { t } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [isDeleting, setDeleting] = useState(false);
  const autosave = useDocumentAutosave(workspace.id, initial, (document) => {
    queryClient.setQueryData(documentKeys.one(workspace.id, document.id), document);
    void queryClient.invalidateQueries({ queryKey: documentKeys.all(workspace.id) });
    // A change of the text can send an approved document back to review.
    void queryClient.invalidateQueries({ queryKey: reviewQueryKey(workspace.id, STUDIO_DOCUMENT_CONTENT_TYPE, document.id) });
  });
  const { saved, draft } = autosave;
  const isReadOnly = !can('studio:write');
  const change = (changes: Partial<DocumentDraft>) => autosave.setDraft((current) => ({ ...current, ...changes }));
  const languages = languagesOf(draft);
  const fields = fieldsFromApiError(autosave.error);

  const exportPdf = useMutation({
    mutationFn: async () => {
      const current = await autosave.flush();
      let result = await exportDocument(workspace.id, current.id);
      // A long document renders in a job: wait until the stored PDF is this version's.
      while (result.state === 'queued') {
        await wait(EXPORT_POLL_MS);
        const document = await fetchDocument(workspace.id, current.id);
        if (document.export.state === 'failed') throw new ApiError(500, { code: 'RENDER_FAILED' });
        if (document.lastRender && document.lastRender.version >= result.version) {
          result = { state: 'ready', ...document.lastRender, warnings: document.warnings };
        }
      }
      return result;
    },
    onSuccess: (result) => {
      downloadFile(result.downloadUrl);
      void queryClient.invalidateQueries({ queryKey: documentKeys.all(workspace.id) });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteDocument(workspace.id, saved.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: documentKeys.all(workspace.id) });
      navigate(href('/studio/documents'));
    },
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 20rem' }}>
          <Title order={1} size="h2">
            <LocalizedValue value={saved.title} fallbacks={saved.languages} inherit />
          </Title>
          <SaveStatusText status={autosave.status} />
        </Stack>
        <Group gap="xs">
          <Button onClick={() => exportPdf.mutate()} loading={exportPdf.isPending} disabled={autosave.status === 'conflict'}>
            {t('studioDocuments.export.pdf')}
          </Button>
          {isReadOnly ? null : (
            <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
              {t('studioDocuments.delete')}
            </Button>
          )}
        </Group>
      </Group>
      {exportPdf.isPending ? (
        <Text size="sm" role="status">
          {t('studioDocuments.export.running')}
        </Text>
      ) : null}
      {exportPdf.isSuccess ? (
        <Text size="sm" role="status" c="teal.9">
          {t('studioDocuments.export.done', { pages: exportPdf.data.pages })}{' '}
          <Anchor href={exportPdf.data.downloadUrl} download>
            {t('studioDocuments.export.again')}
          </Anchor>
        </Text>
      ) : null}
      {autosave.status === 'conflict' ? (
        <Alert color="red" title={t('studioDocuments.conflict.title')} role="alert" data-testid="document-conflict">
          <Stack gap="xs">
            <Text size="sm">{t('studioDocuments.conflict.text')}</Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => void autosave.overwrite()}>
                {t('studioDocuments.conflict.keepMine')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  if (window.confirm(t('studioDocuments.conflict.confirmReload'))) void autosave.reload();
                }}
              >
                {t('studioDocuments.conflict.loadTheirs')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={autosave.error} />
      )}
      <ErrorAlert error={exportPdf.error ?? remove.error} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <LocalizedTextEditor
              label={t('studioDocuments.field.title')}
              value={draft.title}
              onChange={(title) => change({ title })}
              languages={DOCUMENT_LANGUAGES.filter((language) => languages.includes(language))}
              languageErrors={languageErrorsOf(fields, 'title')}
              error={fields.title}
              isRequired
              maxLength={DOCUMENT_API_LIMITS.titleLength}
              name="title"
            />
            <LocalizedTextEditor
              label={t('studioDocuments.field.subtitle')}
              value={draft.subtitle}
              onChange={(subtitle) => change({ subtitle })}
              languages={DOCUMENT_LANGUAGES.filter((language) => languages.includes(language))}
              languageErrors={languageErrorsOf(fields, 'subtitle')}
              error={fields.subtitle}
              maxLength={DOCUMENT_API_LIMITS.subtitleLength}
              name="subtitle"
            />
            <DocumentEditors
              key={`${autosave.generation}-${languages.join()}`}
              workspaceId={workspace.id}
              languages={languages}
              bodyOf={(language) => autosave.current().bodies[language]}
              bodyStatus={draft.bodyStatus}
              onBodyChange={(language, body) =>
                autosave.setDraft((current) => ({ ...current, bodies: { ...current.bodies, [language]: body } }))
              }
              onStatusChange={(language, status) =>
                autosave.setDraft((current) => ({ ...current, bodyStatus: { ...current.bodyStatus, [language]: status } }))
              }
              isReadOnly={isReadOnly}
              digits={saved.digits}
              contentLanguages={workspace.contentLanguages}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <DocumentPreview
              workspaceId={workspace.id}
              documentId={saved.id}
              version={saved.version}
              isStale={autosave.status !== 'saved'}
            />
            <DocumentWarnings warnings={saved.warnings} />
            <Paper withBorder p="sm" component="section" aria-label={t('studioDocuments.layout.section')}>
              <Stack>
                <LayoutPicker value={draft.layout} onChange={(layout) => change({ layout })} isReadOnly={isReadOnly} />
                <ModeFields draft={draft} onChange={change} isReadOnly={isReadOnly} />
                <CoverField
                  workspaceId={workspace.id}
                  value={draft.coverAssetId}
                  language={languages[0] ?? 'ar'}
                  languages={workspace.contentLanguages}
                  isReadOnly={isReadOnly}
                  onChange={(coverAssetId) => change({ coverAssetId })}
                />
              </Stack>
            </Paper>
            <ReviewPanel contentType={STUDIO_DOCUMENT_CONTENT_TYPE} contentId={saved.id} languages={saved.languages} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={isDeleting} onClose={() => setDeleting(false)} title={t('studioDocuments.deleteConfirm.title')}>
        <Stack>
          <Text>{t('studioDocuments.deleteConfirm.text')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('web.action.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('studioDocuments.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function StudioDocumentPage() {
  const { t } = useI18n();
  const { workspace, href } = useWorkspace();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const query = useDocument(workspace.id, documentId);
  return (
    <Stack>
      <StudioNav active="documents" />
      <Anchor component={Link} href={href('/studio/documents')} size="sm">
        {t('studioDocuments.back')}
      </Anchor>
      <ErrorAlert error={query.error} />
      {query.isPending ? <PageLoader /> : null}
      {query.data ? <DocumentWorkspace key={query.data.id} initial={query.data} /> : null}
    </Stack>
  );
}
