/** The header bell: unread count, and a dropdown of the latest notifications with mark-as-read. */
import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { NotificationPage } from '../../shared/notifications/notification.schema.js';
import { apiRequest } from '../api/api-client.js';
import { useI18n } from '../i18n/i18n-context.js';

const path = (workspaceId: string) => `/api/workspaces/${workspaceId}/notifications`;
const keys = {
  count: (workspaceId: string) => ['notifications-unread', workspaceId] as const,
  list: (workspaceId: string) => ['notifications', workspaceId] as const,
};

export function NotificationsBell({ workspaceId }: { workspaceId: string }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const unread = useQuery({
    queryKey: keys.count(workspaceId),
    queryFn: () => apiRequest<{ count: number }>(`${path(workspaceId)}/unread-count`),
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: keys.list(workspaceId),
    queryFn: () => apiRequest<NotificationPage>(path(workspaceId), { query: { limit: 20 } }),
    enabled: isOpen,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: keys.count(workspaceId) });
    await queryClient.invalidateQueries({ queryKey: keys.list(workspaceId) });
  };
  const markRead = useMutation({
    mutationFn: (id: string) => apiRequest(`${path(workspaceId)}/${id}/read`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => apiRequest(`${path(workspaceId)}/read-all`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const count = unread.data?.count ?? 0;
  const label = t('notifications.bell.label', { count });

  return (
    // The indicator wraps the popover: its target must be the button itself, which carries the ARIA state.
    <Indicator label={formatNumber(count)} size={16} color="red.9" disabled={count === 0} offset={4}>
      <Popover opened={isOpen} onChange={setOpen} position="bottom-end" width={340} shadow="md" withinPortal>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size="lg"
            aria-label={label}
            title={label}
            data-testid="notifications-bell"
            onClick={() => setOpen((open) => !open)}
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('notifications.bell.title')}</Text>
            {count > 0 ? (
              <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate()} loading={markAll.isPending}>
                {t('notifications.bell.markAllRead')}
              </Button>
            ) : null}
          </Group>
          <ScrollArea.Autosize mah={360}>
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="notifications-list">
              {(list.data?.items ?? []).map((item) => (
                <li key={item.id}>
                  <Group gap="xs" wrap="nowrap" align="start">
                    <UnstyledButton
                      style={{ flex: 1, textAlign: 'start' }}
                      p={4}
                      onClick={() => {
                        if (!item.readAt) markRead.mutate(item.id);
                        setOpen(false);
                        if (item.link) navigate(item.link.replace(/^\/app/, ''));
                      }}
                    >
                      <Text size="sm" fw={item.readAt ? 400 : 700}>
                        {t(`notifications.${item.kind}`, item.params)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(item.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
                      </Text>
                    </UnstyledButton>
                    {item.readAt ? null : (
                      <Button size="compact-xs" variant="subtle" onClick={() => markRead.mutate(item.id)}>
                        {t('notifications.bell.markRead')}
                      </Button>
                    )}
                  </Group>
                </li>
              ))}
            </Stack>
            {list.data && list.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('notifications.empty')}
              </Text>
            ) : null}
          </ScrollArea.Autosize>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
