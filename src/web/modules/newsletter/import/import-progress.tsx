/**
 * A started import: a progress bar moved by polling every second while the job runs, then the final
 * counts, the reason of a failure, and the error report to download.
 */
import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { ImportStatusBadge } from './import-status-badge.js';
import { errorReportUrl, isImportActive, type SubscriberImport } from './imports-api.js';

const COUNTS = ['createdCount', 'updatedCount', 'skippedCount', 'errorCount'] as const;

export function ImportProgress({ item }: { item: SubscriberImport }) {
  const { t, locale, formatNumber } = useI18n();
  const { workspace, href } = useWorkspace();
  const isActive = isImportActive(item.status);
  const total = Math.max(item.totalRows ?? 0, item.processedRows);
  const percent = item.status === 'done' ? 100 : total > 0 ? Math.min(100, Math.round((item.processedRows / total) * 100)) : 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-progress">
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={700} id="import-progress">
            {t('newsletterImport.progress.title')}
          </Text>
          <ImportStatusBadge status={item.status} />
        </Group>
        <Progress
          value={percent}
          size="xl"
          animated={isActive}
          striped={isActive}
          color={item.status === 'failed' ? 'red.9' : 'teal.9'}
          aria-label={t('newsletterImport.progress.label')}
          data-testid="import-progress-bar"
        />
        <Text size="sm" aria-live="polite">
          {t('newsletterImport.progress.rows', { processed: formatNumber(item.processedRows), total: formatNumber(total), count: total })}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" component="dl" m={0}>
          {COUNTS.map((key) => (
            <div key={key}>
              <Text component="dt" size="xs" c="dimmed">
                {t(`newsletterImport.count.${key}`)}
              </Text>
              <Text component="dd" m={0} fw={700} fz="lg" data-testid={`import-${key}`}>
                {formatNumber(item[key])}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {item.failureCode ? (
          <Alert color="red" role="alert" title={t('newsletterImport.progress.failed')}>
            {t(`newsletterImport.failure.${item.failureCode}`)}
          </Alert>
        ) : null}
        <Group gap="sm">
          {item.hasErrorReport ? (
            <Button component="a" href={errorReportUrl(workspace.id, item.id, locale)} download variant="default">
              {t('newsletterImport.progress.downloadReport', { count: item.skippedCount + item.errorCount })}
            </Button>
          ) : null}
          {item.status === 'done' ? (
            <Button component={Link} href={href('/newsletter/subscribers')}>
              {t('newsletterImport.progress.seeSubscribers')}
            </Button>
          ) : null}
          {isActive ? null : (
            <Button component={Link} href={href('/newsletter/imports')} variant="subtle">
              {t('newsletterImport.progress.backToImports')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
