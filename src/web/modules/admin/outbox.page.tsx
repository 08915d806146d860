/** Mail kept in the outbox (no SMTP) or queued for sending, newest first and paged; admins pass links on from here. */
import { Alert, Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { LoadMoreButton } from '../../components/load-more-button.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useOutboxPages } from './admin-api.js';

export function OutboxPage({ pageSize = 20 }: { pageSize?: number }) {
  const { t, formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const outbox = useOutboxPages(workspace.id, pageSize);
  if (outbox.isPending) return <PageLoader />;
  const items = outbox.data?.pages.flatMap((page) => page.items) ?? [];
  const smtpConfigured = outbox.data?.pages[0]?.smtpConfigured;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('web.outbox.title')}
      </Title>
      <ErrorAlert error={outbox.error} />
      {smtpConfigured !== undefined ? (
        <Alert color={smtpConfigured ? 'teal' : 'blue'}>{smtpConfigured ? t('web.outbox.smtpOn') : t('web.outbox.smtpOff')}</Alert>
      ) : null}
      {items.length === 0 ? <Text c="dimmed">{t('web.outbox.empty')}</Text> : null}
      {items.map((message) => (
        <Paper key={message.id} withBorder p="md">
          <Stack gap={4}>
            <Text size="sm">
              {t('web.outbox.to')}: <bdi dir="ltr">{message.toAddress}</bdi> ·{' '}
              {formatDate(message.createdAt, { dateStyle: 'short', timeStyle: 'short' })}{' '}
              <Badge component="span" color="gray.7">
                {message.status}
              </Badge>
            </Text>
            <Text fw={600} dir="auto">
              {t('web.outbox.subject')}: <bdi>{message.subject}</bdi>
            </Text>
            <details>
              <summary>{t('web.audit.details')}</summary>
              <pre className="tawasul-pre" dir="auto">
                {message.textBody}
              </pre>
            </details>
          </Stack>
        </Paper>
      ))}
      <LoadMoreButton pages={outbox} />
    </Stack>
  );
}
