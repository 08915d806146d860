/** A subscriber's lists (with adding and removing by hand) and their consent history, dated in the interface's locale. */
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { directionOf } from '../../../../shared/languages.js';
import { pickLocalized } from '../../../../shared/localized-text.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { fieldsFromApiError } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { addToList, audienceKeys, removeFromList, type Subscriber, useMailingLists } from './audience-api.js';
import { AudienceErrorAlert } from './audience-ui.js';

const MEMBERSHIP_COLOR = { confirmed: 'teal.9', unconfirmed: 'yellow.9', unsubscribed: 'gray.7' } as const;

export function MembershipsSection({ subscriber }: { subscriber: Subscriber }) {
  const { t, locale, formatDate } = useI18n();
  const { workspace, can } = useWorkspace();
  const queryClient = useQueryClient();
  const languages = workspace.contentLanguages;
  const canManage = can('subscribers:manage');
  const [listId, setListId] = useState<string | null>(null);
  const [consentText, setConsentText] = useState('');
  const lists = useMailingLists(workspace.id, 'false', canManage);
  const onSaved = async (saved: Subscriber) => {
    queryClient.setQueryData(audienceKeys.subscriber(workspace.id, subscriber.id), saved);
    await queryClient.invalidateQueries({ queryKey: audienceKeys.lists(workspace.id) });
  };
  const add = useMutation({
    mutationFn: () => addToList(workspace.id, subscriber.id, listId ?? '', consentText),
    onSuccess: async (saved) => {
      setListId(null);
      setConsentText('');
      await onSaved(saved);
    },
  });
  const remove = useMutation({ mutationFn: (id: string) => removeFromList(workspace.id, subscriber.id, id), onSuccess: onSaved });
  const current = new Set(subscriber.memberships.filter((membership) => membership.status !== 'unsubscribed').map((m) => m.listId));
  const options = (lists.data?.items ?? [])
    .filter((list) => !current.has(list.id))
    .map((list) => ({ value: list.id, label: pickLocalized(list.name, locale, languages)?.value ?? '—' }));
  const fields = fieldsFromApiError(add.error);

  return (
    <Stack gap="xs" component="section" aria-labelledby="subscriber-lists">
      <Title order={2} size="h4" id="subscriber-lists">
        {t('subscribers.lists.title')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subscribers.field.list')}</Table.Th>
              <Table.Th>{t('subscribers.field.status')}</Table.Th>
              <Table.Th>{t('subscribers.lists.since')}</Table.Th>
              {canManage ? <Table.Th aria-label={t('subscribers.lists.actions')} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subscriber.memberships.map((membership) => (
              <Table.Tr key={membership.listId}>
                <Table.Td>
                  <LocalizedValue value={membership.listName} fallbacks={languages} />
                </Table.Td>
                <Table.Td>
                  <Badge color={MEMBERSHIP_COLOR[membership.status]} variant="filled">
                    {t(`subscribers.membership.${membership.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {formatDate(membership.unsubscribedAt ?? membership.confirmedAt ?? membership.subscribedAt, { dateStyle: 'medium' })}
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    {membership.status !== 'unsubscribed' ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red.9"
                        loading={remove.isPending}
                        onClick={() => remove.mutate(membership.listId)}
                      >
                        {t('subscribers.lists.remove')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {subscriber.memberships.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed">{t('subscribers.lists.none')}</Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AudienceErrorAlert error={remove.error} />
      {canManage && subscriber.status === 'active' && options.length > 0 ? (
        <Paper withBorder p="sm">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (listId && !add.isPending) add.mutate();
            }}
          >
            <Stack gap="xs">
              <AudienceErrorAlert error={add.error} placedFields={['consentText', 'listId']} />
              <Group align="end" grow>
                <Select label={t('subscribers.lists.addTo')} data={options} value={listId} onChange={setListId} error={fields.listId} />
                <Textarea
                  dir="auto"
                  label={t('subscribers.field.consentText')}
                  autosize
                  minRows={1}
                  required
                  value={consentText}
                  onChange={(event) => setConsentText(event.currentTarget.value)}
                  error={fields.consentText}
                />
              </Group>
              <Group justify="flex-end">
                <Button type="submit" variant="light" disabled={!listId} loading={add.isPending}>
                  {t('subscribers.lists.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : null}
    </Stack>
  );
}

export function ConsentHistory({ subscriber }: { subscriber: Subscriber }) {
  const { t, formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const languages = workspace.contentLanguages;
  return (
    <Stack gap="xs" component="section" aria-labelledby="subscriber-consents">
      <Title order={2} size="h4" id="subscriber-consents">
        {t('subscribers.consents.title')}
      </Title>
      <Timeline bulletSize={14} lineWidth={2} color="teal.9" active={subscriber.consents.length}>
        {subscriber.consents.map((consent) => (
          <Timeline.Item
            key={consent.id}
            title={t('subscribers.consents.entry', {
              action: t(`subscribers.consentAction.${consent.action}`),
              source: t(`subscribers.consentSource.${consent.source}`),
            })}
            data-testid="consent-entry"
          >
            <Text size="sm" c="dimmed">
              {formatDate(consent.createdAt, { dateStyle: 'long', timeStyle: 'short' })}
              {consent.listName ? (
                <>
                  {' · '}
                  <LocalizedValue value={consent.listName} fallbacks={languages} inherit />
                </>
              ) : null}
              {consent.actorName ? (
                <>
                  {' · '}
                  <bdi>{consent.actorName}</bdi>
                </>
              ) : null}
            </Text>
            {consent.consentText ? (
              <Text
                size="sm"
                component="blockquote"
                m={0}
                py={2}
                px="sm"
                style={{ borderInlineStart: '3px solid var(--mantine-color-gray-4)' }}
                lang={consent.language ?? undefined}
                dir={consent.language ? directionOf(consent.language) : 'auto'}
              >
                {consent.consentText}
              </Text>
            ) : null}
            {consent.ip || consent.userAgent ? (
              <Text size="xs" c="dimmed" dir="ltr" style={{ unicodeBidi: 'isolate' }}>
                {[consent.ip, consent.userAgent].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
      {subscriber.consents.length === 0 ? <Text c="dimmed">{t('subscribers.consents.none')}</Text> : null}
    </Stack>
  );
}
