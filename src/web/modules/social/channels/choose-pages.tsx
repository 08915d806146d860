/**
 * Back from Meta's dialog (`?login=<id>`): the pages the person manages, with the rights they lack on
 * each, those already connected marked; the chosen ones are connected (their tokens checked, then
 * sealed by the server). A login is good for 15 minutes and once.
 */
import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type ChannelLoginPages, channelKeys, connectChannels, type SocialChannel, useLoginPages } from './channels-api.js';

/** Pages ticked at first: those not connected yet, and those whose connection needs renewing. */
export function initialChoice(pages: ChannelLoginPages['pages'], channels: readonly SocialChannel[]): string[] {
  return pages
    .filter((page) => {
      const channel = channels.find((candidate) => candidate.id === page.channelId);
      return channel?.status !== 'connected';
    })
    .map((page) => page.externalId);
}

export function ChoosePages(props: {
  loginId: string;
  channels: readonly SocialChannel[];
  onDone(connectedNames: string[]): void;
  onCancel(): void;
  onRestart(): void;
}) {
  const { t, locale } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const titleId = useId();
  const login = useLoginPages(workspace.id, props.loginId);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const pages = login.data?.pages ?? [];
  const selection = chosen ?? initialChoice(pages, props.channels);
  const connect = useMutation({
    mutationFn: () => connectChannels(workspace.id, { loginId: props.loginId, externalIds: selection }),
    onSuccess: async (list) => {
      queryClient.setQueryData(channelKeys.list(workspace.id), list);
      props.onDone(pages.filter((page) => selection.includes(page.externalId)).map((page) => page.name));
    },
  });
  const taskWords = (tasks: string[]) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      tasks.map((task) => {
        const key = `socialChannels.task.${task}`;
        const words = t(key);
        return words === key ? task : words;
      }),
    );
  const error = login.error ?? connect.error;
  const isExpired = (error as { code?: string } | null)?.code === 'LOGIN_EXPIRED';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="choose-pages">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (selection.length > 0 && !connect.isPending) connect.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id={titleId}>
            {t('socialChannels.choose.title')}
          </Title>
          {login.isPending ? <PageLoader /> : null}
          {login.data ? <Text size="sm">{t('socialChannels.choose.count', { count: pages.length })}</Text> : null}
          {pages.length > 0 ? (
            <Checkbox.Group value={selection} onChange={setChosen} label={t('socialChannels.choose.label')}>
              <Stack gap="xs" mt="xs">
                {pages.map((page) => (
                  <Stack key={page.externalId} gap={2}>
                    <Group gap="xs">
                      <Checkbox value={page.externalId} label={<bdi>{page.name}</bdi>} />
                      {page.channelId ? (
                        <Badge color="gray.7" variant="outline" size="sm">
                          {t('socialChannels.choose.alreadyConnected')}
                        </Badge>
                      ) : null}
                    </Group>
                    {page.missingTasks.length > 0 ? (
                      <Text size="xs" c="orange.9" ps="xl">
                        {t('socialChannels.choose.missingTasks', { tasks: taskWords(page.missingTasks) })}
                      </Text>
                    ) : null}
                  </Stack>
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          {isExpired ? (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.LOGIN_EXPIRED')}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <Group gap="xs" justify="flex-end">
            <Button variant="default" onClick={props.onCancel}>
              {t('web.action.cancel')}
            </Button>
            {isExpired ? (
              <Button onClick={props.onRestart}>{t('socialChannels.connect')}</Button>
            ) : (
              <Button type="submit" disabled={selection.length === 0 || !login.data} loading={connect.isPending}>
                {t('socialChannels.choose.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
