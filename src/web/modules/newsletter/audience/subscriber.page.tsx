/** One subscriber: profile, lists, consent history; edit, unsubscribe on their behalf, and erase on request. */
import { Anchor, Badge, Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { countryName } from '../../directory/countries.js';
import { NewsletterNav } from '../newsletter-nav.js';
import { audienceKeys, eraseSubscriber, type Subscriber, unsubscribeSubscriber, useSubscriber } from './audience-api.js';
import { AudienceErrorAlert, SubscriberStatusBadge, useLanguageWords } from './audience-ui.js';
import { SubscriberEditDialog } from './subscriber-edit-dialog.js';
import { ConsentHistory, MembershipsSection } from './subscriber-sections.js';

type Confirming = 'unsubscribe' | 'erase' | null;

function ConfirmDialog(props: {
  title: string;
  body: string;
  confirmLabel: string;
  error: unknown;
  isPending: boolean;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  return (
    <Modal opened onClose={props.onClose} title={props.title} closeButtonProps={{ 'aria-label': t('web.action.cancel') }}>
      <Stack>
        <Text>{props.body}</Text>
        <AudienceErrorAlert error={props.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose} data-autofocus>
            {t('web.action.cancel')}
          </Button>
          <Button color="red.9" loading={props.isPending} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

function Profile({ subscriber }: { subscriber: Subscriber }) {
  const { t, locale, formatDate } = useI18n();
  const languageWords = useLanguageWords();
  const attributes = Object.entries(subscriber.attributes);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
      <Detail label={t('subscribers.field.name')}>
        <bdi>{subscriber.name || '—'}</bdi>
      </Detail>
      <Detail label={t('subscribers.field.languages')}>{languageWords(subscriber.languages)}</Detail>
      <Detail label={t('subscribers.field.country')}>{subscriber.country ? countryName(subscriber.country, locale) : '—'}</Detail>
      <Detail label={t('subscribers.field.organisation')}>
        <bdi>{subscriber.organisationName || '—'}</bdi>
      </Detail>
      <Detail label={t('subscribers.field.tags')}>
        {subscriber.tags.length ? (
          <Group gap={4}>
            {subscriber.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray.9" tt="none">
                <bdi>{tag}</bdi>
              </Badge>
            ))}
          </Group>
        ) : (
          '—'
        )}
      </Detail>
      <Detail label={t('subscribers.field.createdAt')}>{formatDate(subscriber.createdAt, { dateStyle: 'long' })}</Detail>
      {subscriber.unsubscribedAt ? (
        <Detail label={t('subscribers.field.unsubscribedAt')}>{formatDate(subscriber.unsubscribedAt, { dateStyle: 'long' })}</Detail>
      ) : null}
      {subscriber.bouncedAt ? (
        <Detail label={t('subscribers.field.bouncedAt')}>{formatDate(subscriber.bouncedAt, { dateStyle: 'long' })}</Detail>
      ) : null}
      {attributes.map(([key, value]) => (
        <Detail key={key} label={key}>
          <bdi>{value}</bdi>
        </Detail>
      ))}
    </SimpleGrid>
  );
}

export function SubscriberPage() {
  const { t } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const { subscriberId = '' } = useParams<{ subscriberId: string }>();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const subscriber = useSubscriber(workspace.id, subscriberId);
  const [isEditing, setIsEditing] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const unsubscribe = useMutation({
    mutationFn: () => unsubscribeSubscriber(workspace.id, subscriberId),
    onSuccess: async (saved) => {
      queryClient.setQueryData(audienceKeys.subscriber(workspace.id, subscriberId), saved);
      await queryClient.invalidateQueries({ queryKey: audienceKeys.subscribers(workspace.id) });
      setConfirming(null);
    },
  });
  const erase = useMutation({
    mutationFn: () => eraseSubscriber(workspace.id, subscriberId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: audienceKeys.subscribers(workspace.id) });
      navigate(href('/newsletter/subscribers'));
    },
  });
  const canManage = can('subscribers:manage');

  let content: ReactNode;
  if (subscriber.isPending) content = <PageLoader />;
  else if (!subscriber.data) content = <ErrorAlert error={subscriber.error} />;
  else {
    const data = subscriber.data;
    content = (
      <>
        <Group justify="space-between" align="start">
          <Stack gap={4}>
            <Title order={1} size="h2" dir="ltr" style={{ unicodeBidi: 'isolate', overflowWrap: 'anywhere' }}>
              {data.email}
            </Title>
            <Group gap="xs">
              <SubscriberStatusBadge status={data.status} />
            </Group>
          </Stack>
          {canManage ? (
            <Group gap="xs">
              <Button variant="default" onClick={() => setIsEditing(true)}>
                {t('web.action.edit')}
              </Button>
              {data.status === 'active' ? (
                <Button variant="default" color="red.9" onClick={() => setConfirming('unsubscribe')}>
                  {t('subscribers.unsubscribe.action')}
                </Button>
              ) : null}
              <Button variant="outline" color="red.9" onClick={() => setConfirming('erase')}>
                {t('subscribers.erase.action')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <Profile subscriber={data} />
        <MembershipsSection subscriber={data} />
        <ConsentHistory subscriber={data} />
        {isEditing ? <SubscriberEditDialog subscriber={data} onClose={() => setIsEditing(false)} /> : null}
        {confirming === 'unsubscribe' ? (
          <ConfirmDialog
            title={t('subscribers.unsubscribe.title')}
            body={t('subscribers.unsubscribe.body')}
            confirmLabel={t('subscribers.unsubscribe.confirm')}
            error={unsubscribe.error}
            isPending={unsubscribe.isPending}
            onConfirm={() => unsubscribe.mutate()}
            onClose={() => setConfirming(null)}
          />
        ) : null}
        {confirming === 'erase' ? (
          <ConfirmDialog
            title={t('subscribers.erase.title')}
            body={t('subscribers.erase.body')}
            confirmLabel={t('subscribers.erase.confirm')}
            error={erase.error}
            isPending={erase.isPending}
            onConfirm={() => erase.mutate()}
            onClose={() => setConfirming(null)}
          />
        ) : null}
      </>
    );
  }

  return (
    <Stack maw={1100}>
      <NewsletterNav active="subscribers" />
      <Anchor component={Link} href={href('/newsletter/subscribers')} size="sm">
        {t('subscribers.backToList')}
      </Anchor>
      {content}
    </Stack>
  );
}
