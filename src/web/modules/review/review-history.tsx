/** The transitions of an item, oldest first: who, what, when, and the note given. */
import { List, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Review } from './review-api.js';

export function ReviewHistory({ events }: { events: Review['events'] }) {
  const { t, formatDate } = useI18n();
  // Without an actor: the scheduled publication (done by the platform), or an account since deleted.
  const actorName = (event: Review['events'][number]) =>
    event.actor?.name ??
    (event.action === 'publish' && event.fromState === 'scheduled' ? t('review.history.platform') : t('review.history.someone'));
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('review.history.title')}
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('review.history.empty')}
        </Text>
      ) : (
        <List size="sm" spacing={4} listStyleType="none" ps={0}>
          {events.map((event) => (
            <List.Item key={event.id}>
              <Text size="sm" span>
                {t('review.history.entry', { actor: actorName(event), action: event.action })}
              </Text>{' '}
              <Text size="xs" c="dimmed" span>
                {formatDate(event.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </Text>
              {event.note ? (
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }} ms="md">
                  {event.note}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
