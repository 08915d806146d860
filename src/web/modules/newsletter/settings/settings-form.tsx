/**
 * The sending settings form: sender, throttling, tracking (with its privacy note) and DKIM, saved in
 * one PUT. Checked first with the shared schema, so client and server speak the same field errors.
 */
import { Alert, Button, Fieldset, Group, Paper, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import {
  type NewsletterSettings,
  type NewsletterSettingsUpdate,
  NewsletterSettingsUpdateSchema,
} from '../../../../shared/newsletter/tracking-api.schema.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { useT } from '../../../i18n/i18n-context.js';
import { DkimFields, type DkimValues } from './dkim-fields.js';
import { generateDkimKey, newsletterSettingsKeys, saveNewsletterSettings } from './settings-api.js';
import { ThrottleFields, type ThrottleValues } from './throttle-fields.js';

/** A titled part of the settings page. */
export function SettingsSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const titleId = useId();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

interface Draft extends ThrottleValues, DkimValues {
  fromName: string;
  fromAddress: string;
  replyTo: string;
  postalAddress: string;
  trackOpens: boolean;
  trackClicks: boolean;
}

function draftOf(saved: NewsletterSettings): Draft {
  return {
    fromName: saved.fromName,
    fromAddress: saved.fromAddress,
    replyTo: saved.replyTo ?? '',
    postalAddress: saved.postalAddress,
    messagesPerSecond: saved.messagesPerSecond,
    smtpConnections: saved.smtpConnections,
    windowMessages: saved.windowMessages,
    windowHours: saved.windowHours,
    trackOpens: saved.trackOpens,
    trackClicks: saved.trackClicks,
    dkimDomain: saved.dkimDomain ?? '',
    dkimSelector: saved.dkimSelector ?? '',
    dkimPrivateKey: '',
  };
}

/** What the form sends: every field, the key only when one was pasted. */
function bodyOf(draft: Draft): NewsletterSettingsUpdate {
  const { dkimPrivateKey, dkimDomain, dkimSelector, replyTo, ...rest } = draft;
  return {
    ...rest,
    replyTo: replyTo || null,
    messagesPerSecond: Number(draft.messagesPerSecond),
    smtpConnections: Number(draft.smtpConnections),
    windowMessages: Number(draft.windowMessages),
    windowHours: Number(draft.windowHours),
    dkimDomain: dkimDomain || null,
    dkimSelector: dkimSelector || null,
    ...(dkimPrivateKey.trim() ? { dkimPrivateKey } : {}),
  };
}

export function SettingsForm({ workspaceId, saved, canManage }: { workspaceId: string; saved: NewsletterSettings; canManage: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const [dkimNotice, setDkimNotice] = useState<string | null>(null);
  const store = (next: NewsletterSettings) => queryClient.setQueryData(newsletterSettingsKeys.settings(workspaceId), next);
  const save = useMutation({
    mutationFn: (body: NewsletterSettingsUpdate) => saveNewsletterSettings(workspaceId, body),
    onSuccess: (next) => {
      store(next);
      setDraft((current) => ({ ...current, dkimPrivateKey: '' }));
    },
  });
  const dkimAction = useMutation({
    mutationFn: async (action: 'generate' | 'remove') => {
      if (action === 'remove') return saveNewsletterSettings(workspaceId, { dkimPrivateKey: null });
      // The record is published under the domain and selector typed so far: save them first.
      if (draft.dkimDomain && draft.dkimSelector) {
        await saveNewsletterSettings(workspaceId, { dkimDomain: draft.dkimDomain, dkimSelector: draft.dkimSelector });
      }
      return generateDkimKey(workspaceId);
    },
    onSuccess: (next, action) => {
      store(next);
      setDkimNotice(t(action === 'generate' ? 'newsletterStats.dkim.generated' : 'newsletterStats.dkim.removed'));
    },
  });
  const fields = { ...fieldsFromApiError(save.error ?? dkimAction.error), ...clientFields };
  const text = (key: 'fromName' | 'fromAddress' | 'replyTo' | 'postalAddress') => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = NewsletterSettingsUpdateSchema.safeParse(bodyOf(draft));
        if (!parsed.success) return setClientFields(fieldsFromZod(parsed.error, t));
        setClientFields({});
        setDkimNotice(null);
        if (!save.isPending) save.mutate(parsed.data);
      }}
    >
      <Fieldset variant="unstyled" disabled={!canManage}>
        <Stack>
          <ErrorAlert error={save.error ?? dkimAction.error} />
          <SettingsSection title={t('newsletterStats.sender.title')}>
            <Group grow align="start">
              <TextInput
                label={t('newsletterStats.sender.fromName')}
                description={t('newsletterStats.sender.fromNameHint')}
                value={draft.fromName}
                onChange={text('fromName')}
                error={fields.fromName}
              />
              <TextInput
                type="email"
                label={t('newsletterStats.sender.fromAddress')}
                description={t('newsletterStats.sender.fromAddressHint')}
                value={draft.fromAddress}
                onChange={text('fromAddress')}
                dir="ltr"
                error={fields.fromAddress}
              />
            </Group>
            <TextInput
              type="email"
              label={t('newsletterStats.sender.replyTo')}
              description={t('newsletterStats.sender.replyToHint')}
              value={draft.replyTo}
              onChange={text('replyTo')}
              dir="ltr"
              error={fields.replyTo}
            />
            <Textarea
              label={t('newsletterStats.sender.postalAddress')}
              description={t('newsletterStats.sender.postalAddressHint')}
              value={draft.postalAddress}
              onChange={text('postalAddress')}
              dir="auto"
              rows={2}
              error={fields.postalAddress}
            />
          </SettingsSection>
          <SettingsSection title={t('newsletterStats.throttle.title')}>
            <ThrottleFields values={draft} onChange={(values) => setDraft({ ...draft, ...values })} fields={fields} />
          </SettingsSection>
          <SettingsSection title={t('newsletterStats.tracking.title')}>
            <Alert color="blue" variant="light" role="note">
              {t('newsletterStats.tracking.privacy')}
            </Alert>
            <Switch
              label={t('newsletterStats.tracking.opens')}
              checked={draft.trackOpens}
              onChange={(event) => setDraft({ ...draft, trackOpens: event.currentTarget.checked })}
            />
            <Switch
              label={t('newsletterStats.tracking.clicks')}
              checked={draft.trackClicks}
              onChange={(event) => setDraft({ ...draft, trackClicks: event.currentTarget.checked })}
            />
            <Text size="sm" c="dimmed">
              {t('newsletterStats.tracking.offNote')}
            </Text>
          </SettingsSection>
          <SettingsSection title={t('newsletterStats.dkim.title')}>
            <DkimFields
              values={draft}
              onChange={(values) => setDraft({ ...draft, ...values })}
              saved={saved}
              fields={fields}
              canManage={canManage}
              onGenerate={() => dkimAction.mutate('generate')}
              onRemove={() => dkimAction.mutate('remove')}
              pendingAction={dkimAction.isPending ? (dkimAction.variables ?? null) : null}
              notice={dkimNotice}
            />
          </SettingsSection>
          {save.isSuccess ? (
            <Alert color="teal" role="status">
              {t('newsletterStats.settings.saved')}
            </Alert>
          ) : null}
          {canManage ? (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('newsletterStats.settings.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Fieldset>
    </form>
  );
}
