/**
 * Connected pages: each page with its state, and for admins (social:connect) the Meta login that
 * connects or reconnects pages (login → Meta's dialog → back here with `?login=<id>` → choose the
 * pages → connect), "check now" and disconnect; then the publishing queue (weekly times). The demo
 * says plainly that its page is a sandbox; a server without a Meta app says what to set.
 */
import { Alert, Button, CloseButton, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SocialNav } from '../social-nav.js';
import { ChannelCard } from './channel-card.js';
import { startChannelLogin, useChannelList } from './channels-api.js';
import { ChoosePages } from './choose-pages.js';
import { QueueSlotsSection } from './queue-slots.js';

/** Where Meta sends the browser back: registered in the Meta app. */
export function redirectUri(origin: string): string {
  return `${origin}/api/social/channels/callback/facebook`;
}

/** What the `login` parameter says after Meta's dialog. */
export type LoginOutcome =
  | { kind: 'pages'; loginId: string }
  | { kind: 'denied' }
  | { kind: 'expired' }
  | { kind: 'failed'; reason: string }
  | undefined;

export function loginOutcomeOf(params: URLSearchParams): LoginOutcome {
  const login = params.get('login');
  if (!login) return undefined;
  if (login === 'denied' || login === 'expired') return { kind: login };
  if (login === 'failed') return { kind: 'failed', reason: params.get('reason') ?? '' };
  return /^[\w-]{16,64}$/.test(login) ? { kind: 'pages', loginId: login } : undefined;
}

function NotConfigured({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  if (!isAdmin) {
    return (
      <Alert color="gray" variant="light" data-testid="facebook-not-configured">
        {t('socialChannels.notConfigured')}
      </Alert>
    );
  }
  return (
    <Alert color="orange" variant="light" title={t('socialChannels.setup.title')} data-testid="facebook-not-configured">
      <Stack gap="xs">
        <Text size="sm">{t('socialChannels.setup.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>
            <Code>FACEBOOK_APP_ID</Code> — {t('socialChannels.setup.appId')}
          </List.Item>
          <List.Item>
            <Code>FACEBOOK_APP_SECRET</Code> — {t('socialChannels.setup.appSecret')}
          </List.Item>
        </List>
        <Text size="sm">{t('socialChannels.setup.redirect')}</Text>
        <Code block dir="ltr">
          {redirectUri(window.location.origin)}
        </Code>
        <Text size="sm">{t('socialChannels.setup.restart')}</Text>
      </Stack>
    </Alert>
  );
}

export function SocialChannelsPage() {
  const { t, locale } = useI18n();
  const { workspace, can } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const [connectedNames, setConnectedNames] = useState<string[]>([]);
  const list = useChannelList(workspace.id);
  const isAdmin = can('social:connect');
  const outcome = loginOutcomeOf(params);
  const login = useMutation({
    mutationFn: () => startChannelLogin(workspace.id),
    // Off to Meta's dialog (the sandbox's in the demo); it sends the browser back here.
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const clearOutcome = () => {
    const next = new URLSearchParams(params);
    next.delete('login');
    next.delete('reason');
    setParams(next, { replace: true });
  };
  const startLogin = () => {
    setConnectedNames([]);
    login.mutate();
  };
  const channels = list.data?.items ?? [];
  const canConnect = Boolean(list.data?.canConnect);

  const outcomeMessage =
    outcome?.kind === 'denied'
      ? t('socialChannels.login.denied')
      : outcome?.kind === 'expired'
        ? t('errors.LOGIN_EXPIRED')
        : outcome?.kind === 'failed'
          ? t('socialChannels.login.failed', { reason: outcome.reason })
          : undefined;

  return (
    <Stack>
      <SocialNav active="channels" />
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('socialChannels.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('socialChannels.intro')}
          </Text>
        </Stack>
        {isAdmin && canConnect ? (
          <Stack gap={4} align="flex-end" maw={360}>
            <Button onClick={startLogin} loading={login.isPending || login.isSuccess}>
              {t('socialChannels.connect')}
            </Button>
            <Text size="xs" c="dimmed" ta="end">
              {t('socialChannels.connectHint')}
            </Text>
          </Stack>
        ) : null}
      </Group>

      {list.data?.sandbox ? (
        <Alert color="grape" variant="light" title={t('socialChannels.sandbox.badge')} data-testid="sandbox-notice">
          {t('socialChannels.sandbox.notice')}
        </Alert>
      ) : null}
      {list.data && !canConnect ? <NotConfigured isAdmin={isAdmin} /> : null}
      <ErrorAlert error={login.error} />

      {outcomeMessage ? (
        <Alert
          color={outcome?.kind === 'denied' ? 'gray' : 'orange'}
          variant="light"
          role="alert"
          withCloseButton={false}
          data-testid="login-outcome"
        >
          <Group justify="space-between" wrap="nowrap" align="start">
            <Text size="sm">{outcomeMessage}</Text>
            <CloseButton aria-label={t('web.action.cancel')} onClick={clearOutcome} />
          </Group>
        </Alert>
      ) : null}
      {outcome?.kind === 'pages' && isAdmin ? (
        <ChoosePages
          loginId={outcome.loginId}
          channels={channels}
          onDone={(names) => {
            setConnectedNames(names);
            clearOutcome();
          }}
          onCancel={clearOutcome}
          onRestart={startLogin}
        />
      ) : null}
      {connectedNames.length > 0 ? (
        <Alert color="teal" variant="light" role="status" data-testid="connected-notice">
          {t('socialChannels.connectedNow', {
            count: connectedNames.length,
            names: new Intl.ListFormat(locale, { type: 'conjunction' }).format(connectedNames.map((name) => `\u2068${name}\u2069`)),
          })}
        </Alert>
      ) : null}

      <ErrorAlert error={list.error} />
      {list.isPending ? <PageLoader /> : null}
      {list.data && channels.length === 0 ? <Text c="dimmed">{t('socialChannels.empty')}</Text> : null}
      {channels.length > 0 ? (
        <Stack gap="sm" component="section" aria-label={t('socialChannels.listLabel')}>
          {channels.map((channel) => (
            <ChannelCard key={channel.id} channel={channel} onReconnect={startLogin} isReconnecting={login.isPending} />
          ))}
        </Stack>
      ) : null}

      {list.data ? <QueueSlotsSection channels={channels} /> : null}
    </Stack>
  );
}
