/**
 * The member's private iCalendar link: created (or changed) on demand and shown once with a copy
 * button, since the server keeps only its hash; deleting it stops the old address at once.
 */
import { Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CalendarFeedCreated } from '../../../../shared/planning/calendar.schema.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { feedQueryKey, revokeFeed, rotateFeed, useFeedStatus } from './calendar-api.js';

export function SubscribePanel({ workspaceId }: { workspaceId: string }) {
  const { t, formatDate } = useI18n();
  const titleId = useId();
  const queryClient = useQueryClient();
  const status = useFeedStatus(workspaceId);
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const [isRevoked, setRevoked] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: feedQueryKey(workspaceId) });
  const rotate = useMutation({
    mutationFn: () => rotateFeed(workspaceId),
    onSuccess: (result) => {
      setCreated(result);
      setRevoked(false);
      return refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => revokeFeed(workspaceId),
    onSuccess: () => {
      setCreated(null);
      setRevoked(true);
      return refresh();
    },
  });
  const isActive = Boolean(created) || Boolean(status.data?.isActive);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('calendar.subscribe.title')}
        </Title>
        <Text size="sm">{t('calendar.subscribe.intro')}</Text>
        {created ? (
          <>
            <Group align="end" gap="xs">
              <TextInput
                readOnly
                label={t('calendar.subscribe.url')}
                value={created.url}
                dir="ltr"
                style={{ flex: '1 1 20rem' }}
                onFocus={(event) => event.currentTarget.select()}
              />
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} color={copied ? 'teal.9' : undefined}>
                    {copied ? t('calendar.subscribe.copied') : t('calendar.subscribe.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" fw={600}>
              {t('calendar.subscribe.shownOnce')}
            </Text>
          </>
        ) : status.data?.isActive && status.data.createdAt ? (
          <Text size="sm">{t('calendar.subscribe.active', { date: formatDate(status.data.createdAt, { dateStyle: 'long' }) })}</Text>
        ) : status.data ? (
          <Text size="sm">{t('calendar.subscribe.none')}</Text>
        ) : null}
        {isRevoked ? (
          <Text size="sm" role="status">
            {t('calendar.subscribe.revoked')}
          </Text>
        ) : null}
        <ErrorAlert error={rotate.error ?? revoke.error ?? status.error} />
        <Group gap="xs">
          <Button onClick={() => rotate.mutate()} loading={rotate.isPending} variant={isActive ? 'default' : 'filled'}>
            {isActive ? t('calendar.subscribe.rotate') : t('calendar.subscribe.create')}
          </Button>
          {isActive ? (
            <Button onClick={() => revoke.mutate()} loading={revoke.isPending} variant="default">
              {t('calendar.subscribe.revoke')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
