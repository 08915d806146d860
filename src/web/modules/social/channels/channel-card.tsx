/**
 * One connected page: its state (connected, needs reconnection with the reason and since when,
 * disconnected), its last check, its access; for admins (social:connect) "check now", reconnect and
 * disconnect (after a confirmation).
 */
import { Alert, Avatar, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { SocialChannelStatus } from '../../../../shared/social/channels-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type ChannelCheckAnswer, channelKeys, checkChannelNow, disconnectChannel, type SocialChannel } from './channels-api.js';

/** Filled badge colours dark enough for white text (4.5:1). */
export const CHANNEL_STATUS_COLOR: Record<SocialChannelStatus, string> = {
  connected: 'teal.9',
  needs_reconnection: 'red.9',
  disconnected: 'gray.7',
};

/** Why the page needs reconnection, in words (the permission named when one is missing). */
export function useReasonText() {
  const { t } = useI18n();
  return (channel: SocialChannel) => {
    if (!channel.statusReason) return '';
    const permission = channel.missingPermission ?? '';
    const permissionWords = t(`socialChannels.permission.${permission}`);
    return t(`socialChannels.reason.${channel.statusReason}`, {
      permission: permissionWords === `socialChannels.permission.${permission}` ? permission : `${permissionWords} (${permission})`,
    });
  };
}

export function ChannelCard(props: { channel: SocialChannel; onReconnect(): void; isReconnecting: boolean }) {
  const { channel } = props;
  const { t } = useI18n();
  const { workspace, can } = useWorkspace();
  const queryClient = useQueryClient();
  const titleId = useId();
  const reasonText = useReasonText();
  const [isConfirming, setIsConfirming] = useState(false);
  const [lastCheck, setLastCheck] = useState<ChannelCheckAnswer['result'] | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: channelKeys.list(workspace.id) });
  const check = useMutation({
    mutationFn: () => checkChannelNow(workspace.id, channel.id),
    onSuccess: async (answer) => {
      setLastCheck(answer.result);
      await refresh();
    },
  });
  const disconnect = useMutation({
    mutationFn: () => disconnectChannel(workspace.id, channel.id),
    onSuccess: async () => {
      setIsConfirming(false);
      setLastCheck(null);
      await refresh();
    },
  });
  const isAdmin = can('social:connect');
  const since = channel.statusChangedAt;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="channel-card" data-status={channel.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Avatar src={channel.pictureUrl} alt="" radius="xl" color="blue">
              {[...channel.name][0] ?? '?'}
            </Avatar>
            <Title order={2} size="h4" id={titleId} dir="auto">
              {channel.name}
            </Title>
          </Group>
          <Group gap={4} wrap="nowrap">
            {channel.sandbox ? (
              <Badge color="grape.9" variant="outline">
                {t('socialChannels.sandbox.badge')}
              </Badge>
            ) : null}
            <Badge color={CHANNEL_STATUS_COLOR[channel.status]} variant="filled" data-testid="channel-status">
              {t(`socialChannels.status.${channel.status}`)}
            </Badge>
          </Group>
        </Group>

        {channel.status === 'needs_reconnection' ? (
          <Alert color="red" variant="light" title={t('socialChannels.status.needs_reconnection')} data-testid="channel-reason">
            <Stack gap={4}>
              <Text size="sm">{reasonText(channel)}</Text>
              {since ? <Text size="sm">{t('socialChannels.since', { date: new Date(since) })}</Text> : null}
              <Text size="sm">{t('socialChannels.heldPosts')}</Text>
            </Stack>
          </Alert>
        ) : null}
        {channel.status === 'disconnected' && since ? (
          <Text size="sm" c="dimmed">
            {t('socialChannels.disconnectedOn', { date: new Date(since) })}
          </Text>
        ) : null}

        <Stack gap={2}>
          <Text size="sm" data-testid="channel-last-check">
            {channel.lastCheckedAt
              ? t('socialChannels.lastChecked', { date: new Date(channel.lastCheckedAt) })
              : t('socialChannels.neverChecked')}
          </Text>
          {channel.status !== 'disconnected' ? (
            <Text size="sm" c="dimmed">
              {channel.tokenExpiresAt
                ? t('socialChannels.tokenExpires', { date: new Date(channel.tokenExpiresAt) })
                : t('socialChannels.tokenNeverExpires')}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('socialChannels.connectedBy', { name: channel.connectedByName ?? '—', date: new Date(channel.connectedAt) })}
          </Text>
        </Stack>

        {lastCheck ? (
          <Text size="sm" role="status" data-testid="channel-check-result">
            {t(`socialChannels.check.${lastCheck}`)}
          </Text>
        ) : null}
        <ErrorAlert error={check.error ?? disconnect.error} />

        {isAdmin ? (
          <Group gap="xs" justify="flex-end">
            {channel.status !== 'disconnected' ? (
              <Button variant="default" size="xs" loading={check.isPending} onClick={() => check.mutate()}>
                {t('socialChannels.checkAgain')}
              </Button>
            ) : null}
            {channel.status !== 'connected' ? (
              <Button size="xs" loading={props.isReconnecting} onClick={props.onReconnect}>
                {t('socialChannels.reconnect')}
              </Button>
            ) : null}
            {channel.status !== 'disconnected' ? (
              <Button variant="default" color="red" size="xs" onClick={() => setIsConfirming(true)}>
                {t('socialChannels.disconnect')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>

      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={t('socialChannels.disconnect.title')}
        closeButtonProps={{ 'aria-label': t('web.action.cancel') }}
      >
        <Stack>
          <Text size="sm">{t('socialChannels.disconnect.confirm', { name: `\u2068${channel.name}\u2069` })}</Text>
          <ErrorAlert error={disconnect.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              {t('web.action.cancel')}
            </Button>
            <Button color="red" loading={disconnect.isPending} onClick={() => disconnect.mutate()} data-autofocus>
              {t('socialChannels.disconnect.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
