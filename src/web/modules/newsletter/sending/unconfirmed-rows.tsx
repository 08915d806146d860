/**
 * Messages whose fate is unknown (a worker stopped, or the server hung up after taking the message):
 * never sent again by themselves. The admin checks the SMTP server's log, then confirms those that
 * arrived and sends the others again — some rows or all of them.
 */
import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { UnconfirmedDecision } from '../../../../shared/newsletter/sending-api.schema.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { decideUnconfirmed, sendingKeys, useUnconfirmed } from './sending-api.js';

export function UnconfirmedRows({ workspaceId, issueId, count }: { workspaceId: string; issueId: string; count: number }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const query = useUnconfirmed(workspaceId, issueId, count > 0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const mutation = useMutation({
    mutationFn: (decision: UnconfirmedDecision) => decideUnconfirmed(workspaceId, issueId, decision),
    onSuccess: (result) => {
      queryClient.setQueryData(sendingKeys.progress(workspaceId, issueId), result.progress);
      setSelected(new Set());
      return queryClient.invalidateQueries({ queryKey: sendingKeys.unconfirmed(workspaceId, issueId) });
    },
  });
  const items = query.data?.items ?? [];
  const isSubmitting = useRef(false);
  const decide = (action: UnconfirmedDecision['action'], isAll: boolean) => {
    if (isSubmitting.current) return;
    isSubmitting.current = true;
    mutation.mutate(isAll ? { action, all: true } : { action, ids: [...selected] }, {
      onSettled: () => {
        isSubmitting.current = false;
      },
    });
  };
  const toggle = (id: number) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="xs" component="section" aria-label={t('newsletterSending.unconfirmed.title')}>
      <Alert color="orange" variant="light" title={t('newsletterSending.unconfirmed.title')}>
        {t('newsletterSending.unconfirmed.help', { count })}
      </Alert>
      <ErrorAlert error={query.error ?? mutation.error} />
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <Checkbox
                    aria-label={t('newsletterSending.unconfirmed.selectAll')}
                    checked={selected.size === items.length}
                    indeterminate={selected.size > 0 && selected.size < items.length}
                    onChange={() => setSelected(selected.size === items.length ? new Set() : new Set(items.map((item) => item.id)))}
                  />
                </Table.Th>
                <Table.Th>{t('newsletterSending.unconfirmed.email')}</Table.Th>
                <Table.Th>{t('newsletterSending.unconfirmed.claimedAt')}</Table.Th>
                <Table.Th>{t('newsletterSending.unconfirmed.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Checkbox aria-label={item.email} checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
                  </Table.Td>
                  <Table.Td>
                    <bdi>{item.email}</bdi>
                  </Table.Td>
                  <Table.Td>{item.claimedAt ? formatDate(item.claimedAt, { dateStyle: 'short', timeStyle: 'medium' }) : ''}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t(item.lastError ? 'newsletterSending.unconfirmed.hungUp' : 'newsletterSending.unconfirmed.stopped')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {query.data && query.data.total > items.length ? (
        <Text size="sm" c="dimmed">
          {t('newsletterSending.unconfirmed.more', { count: query.data.total - items.length })}
        </Text>
      ) : null}
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          disabled={selected.size === 0}
          loading={mutation.isPending}
          onClick={() => decide('mark_sent', false)}
        >
          {t('newsletterSending.unconfirmed.markSent', { count: selected.size })}
        </Button>
        <Button
          size="xs"
          variant="light"
          disabled={selected.size === 0}
          loading={mutation.isPending}
          onClick={() => decide('requeue', false)}
        >
          {t('newsletterSending.unconfirmed.requeue', { count: selected.size })}
        </Button>
        <Button size="xs" variant="subtle" disabled={mutation.isPending} onClick={() => decide('mark_sent', true)}>
          {t('newsletterSending.unconfirmed.markAllSent')}
        </Button>
        <Button size="xs" variant="subtle" disabled={mutation.isPending} onClick={() => decide('requeue', true)}>
          {t('newsletterSending.unconfirmed.requeueAll')}
        </Button>
      </Group>
    </Stack>
  );
}
