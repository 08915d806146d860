/**
 * The live preview: one page of the saved document as the PDF will print it, drawn again after each
 * save (autosave follows typing) with the previous picture kept until the next arrives, a page
 * selector, and the layout's page count.
 */
import { Alert, Box, Group, Image, Loader, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { DOCUMENT_API_LIMITS } from '../../../../shared/studio/documents-api.schema.js';
import { errorMessage } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useDocumentPreview } from './documents-api.js';

/** Preview widths are rounded to this step, so small resizes reuse the cached picture. */
const WIDTH_STEP = 100;

function previewWidthFor(panelWidth: number): number {
  // Drawn at twice the panel's width for sharp text on dense screens, within the API's bounds.
  const rounded = Math.ceil((panelWidth * 2) / WIDTH_STEP) * WIDTH_STEP;
  return Math.min(DOCUMENT_API_LIMITS.previewWidthMax, Math.max(DOCUMENT_API_LIMITS.previewWidthMin, rounded));
}

export function DocumentPreview({
  workspaceId,
  documentId,
  version,
  isStale,
}: {
  workspaceId: string;
  documentId: string;
  version: number;
  isStale: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const { ref, width } = useElementSize();
  const [page, setPage] = useState(1);
  const preview = useDocumentPreview(workspaceId, width > 0 ? { documentId, version, page, width: previewWidthFor(width) } : null);
  const pageCount = preview.pageCount;
  // A shorter document after an edit: back to its last page.
  useEffect(() => {
    if (pageCount && page > pageCount) setPage(pageCount);
  }, [page, pageCount]);

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="document-preview-title">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="document-preview-title">
            {t('studioDocuments.preview.title')}
          </Title>
          {pageCount ? (
            <Text size="sm" c="dimmed" data-testid="document-page-count" data-count={pageCount}>
              {t('studioDocuments.preview.pages', { count: pageCount })}
            </Text>
          ) : null}
        </Group>
        {pageCount && pageCount > 1 ? (
          <Pagination
            total={pageCount}
            value={Math.min(page, pageCount)}
            onChange={setPage}
            size="sm"
            siblings={1}
            getItemProps={(item) => ({ 'aria-label': t('studioDocuments.preview.goToPage', { page: formatNumber(item) }) })}
            getControlProps={(control) => ({ 'aria-label': t(`studioDocuments.preview.${control}`) })}
            aria-label={t('studioDocuments.preview.pageSelector')}
          />
        ) : null}
        <Box
          ref={ref}
          pos="relative"
          bg="gray.1"
          mih={320}
          data-testid="document-preview"
          data-rendering={preview.isRendering}
          data-page={page}
        >
          {preview.url ? (
            <Image
              src={preview.url}
              alt={t('studioDocuments.preview.alt', { page: formatNumber(page), count: pageCount ?? 1 })}
              fit="contain"
              mah="calc(100vh - 10rem)"
            />
          ) : null}
          {preview.isRendering ? (
            <Group pos="absolute" top={8} style={{ insetInlineEnd: 8 }} gap={6} bg="white" px="xs" py={4}>
              <Loader size="xs" />
              <Text size="xs" role="status">
                {t('studioDocuments.preview.rendering')}
              </Text>
            </Group>
          ) : null}
        </Box>
        {isStale ? (
          <Text size="xs" c="dimmed">
            {t('studioDocuments.preview.followsSave')}
          </Text>
        ) : null}
        {preview.error ? (
          <Alert color="yellow" role="status" title={t('studioDocuments.preview.failed')}>
            {errorMessage(preview.error, t)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
