/** Subscriber imports: upload a CSV file (then the wizard), past imports with their status and counts, and the export. */
import { Anchor, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { NewsletterNav } from '../newsletter-nav.js';
import { ImportStatusBadge } from './import-status-badge.js';
import { importKeys, subscriberExportUrl, uploadImport, useImportPages } from './imports-api.js';

export function SubscriberImportsPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const pages = useImportPages(workspace.id);
  const upload = useMutation({
    mutationFn: (file: File) => uploadImport(workspace.id, file),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: importKeys.all(workspace.id) });
      navigate(href(`/newsletter/imports/${created.id}`));
    },
  });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <NewsletterNav active="imports" />
      <Group justify="space-between" align="end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('newsletterImport.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('newsletterImport.intro')}
          </Text>
        </Stack>
        <Group gap="sm">
          {can('subscribers:read') ? (
            <Button component="a" href={subscriberExportUrl(workspace.id)} download variant="default">
              {t('newsletterImport.export')}
            </Button>
          ) : null}
          <FileButton onChange={(file) => file && upload.mutate(file)} accept=".csv,.txt,.tsv,text/csv,text/plain">
            {(buttonProps) => (
              <Button {...buttonProps} loading={upload.isPending} data-testid="import-upload">
                {t('newsletterImport.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      <ErrorAlert error={upload.error ?? pages.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">{t('newsletterImport.empty')}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table withTableBorder striped verticalSpacing="sm" aria-label={t('newsletterImport.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('newsletterImport.column.file')}</Table.Th>
                <Table.Th>{t('newsletterImport.column.date')}</Table.Th>
                <Table.Th>{t('newsletterImport.column.status')}</Table.Th>
                <Table.Th>{t('newsletterImport.count.createdCount')}</Table.Th>
                <Table.Th>{t('newsletterImport.count.updatedCount')}</Table.Th>
                <Table.Th>{t('newsletterImport.count.skippedCount')}</Table.Th>
                <Table.Th>{t('newsletterImport.count.errorCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-testid="import-row">
                  <Table.Td>
                    <Anchor component={Link} href={href(`/newsletter/imports/${item.id}`)} fw={600}>
                      <bdi>{item.originalName}</bdi>
                    </Anchor>
                    {item.createdByName ? (
                      <Text size="xs" c="dimmed">
                        <bdi>{item.createdByName}</bdi>
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatDate(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</Table.Td>
                  <Table.Td>
                    <ImportStatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>{formatNumber(item.createdCount)}</Table.Td>
                  <Table.Td>{formatNumber(item.updatedCount)}</Table.Td>
                  <Table.Td>{formatNumber(item.skippedCount)}</Table.Td>
                  <Table.Td>{formatNumber(item.errorCount)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages.hasNextPage ? (
        <Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage} mx="auto">
          {t('web.action.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
