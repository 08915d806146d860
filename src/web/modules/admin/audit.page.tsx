/** The workspace's audit log, newest first and paged, with the before/after of each change on demand. */
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { LoadMoreButton } from '../../components/load-more-button.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useAuditPages, useMembers } from './admin-api.js';

export function AuditPage({ pageSize = 50 }: { pageSize?: number }) {
  const { t, formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const audit = useAuditPages(workspace.id, pageSize);
  const members = useMembers(workspace.id);
  const actorName = (userId: string | null) => members.data?.find((member) => member.userId === userId)?.name ?? userId ?? '—';
  if (audit.isPending) return <PageLoader />;
  const items = audit.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('web.audit.title')}
      </Title>
      <ErrorAlert error={audit.error} />
      {items.length === 0 ? <Text c="dimmed">{t('web.audit.empty')}</Text> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('web.audit.when')}</Table.Th>
                <Table.Th>{t('web.audit.action')}</Table.Th>
                <Table.Th>{t('web.audit.entity')}</Table.Th>
                <Table.Th>{t('web.audit.actor')}</Table.Th>
                <Table.Th>{t('web.audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{formatDate(item.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</Table.Td>
                  <Table.Td>
                    <Badge color="gray.7">{item.action}</Badge>
                  </Table.Td>
                  <Table.Td dir="ltr">
                    {item.entityType}
                    <Text size="xs" c="dimmed">
                      {item.entityId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{actorName(item.actorUserId)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    {item.before || item.after ? (
                      <details>
                        <summary>{t('web.audit.details')}</summary>
                        <pre className="tawasul-pre" dir="ltr">
                          {JSON.stringify({ before: item.before, after: item.after }, null, 2)}
                        </pre>
                      </details>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <LoadMoreButton pages={audit} />
    </Stack>
  );
}
