/** One import: the wizard while the file waits for its settings, then its live progress and outcome. */
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { NewsletterNav } from '../newsletter-nav.js';
import { ImportProgress } from './import-progress.js';
import { ImportWizard } from './import-wizard.js';
import { useImport } from './imports-api.js';

export function SubscriberImportPage() {
  const { t, formatDate } = useI18n();
  const { workspace, href } = useWorkspace();
  const { importId = '' } = useParams<{ importId: string }>();
  const item = useImport(workspace.id, importId);
  return (
    <Stack>
      <NewsletterNav active="imports" />
      <Anchor component={Link} href={href('/newsletter/imports')} size="sm">
        {t('newsletterImport.backToList')}
      </Anchor>
      {item.isPending ? (
        <PageLoader />
      ) : item.data ? (
        <>
          <Stack gap={2}>
            <Title order={1} size="h2">
              {t('newsletterImport.wizard.title', { file: item.data.originalName })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('newsletterImport.uploadedBy', {
                date: formatDate(item.data.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                name: item.data.createdByName ?? '—',
              })}
            </Text>
          </Stack>
          {item.data.status === 'uploaded' ? <ImportWizard item={item.data} /> : <ImportProgress item={item.data} />}
        </>
      ) : (
        <ErrorAlert error={item.error} />
      )}
    </Stack>
  );
}
