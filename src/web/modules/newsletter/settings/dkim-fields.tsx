/**
 * DKIM: domain and selector, a private key pasted (never shown back) or generated on the server, and
 * the DNS TXT record to publish, copyable. The key itself never comes back from the API.
 */
import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { NewsletterSettings } from '../../../../shared/newsletter/tracking-api.schema.js';
import type { FieldMessages } from '../../../components/form-errors.js';
import { useT } from '../../../i18n/i18n-context.js';
import { CopyField } from './copy-field.js';

export interface DkimValues {
  dkimDomain: string;
  dkimSelector: string;
  dkimPrivateKey: string;
}

export function DkimFields({
  values,
  onChange,
  saved,
  fields,
  canManage,
  onGenerate,
  onRemove,
  pendingAction,
  notice,
}: {
  values: DkimValues;
  onChange(values: DkimValues): void;
  saved: NewsletterSettings;
  fields: FieldMessages;
  canManage: boolean;
  onGenerate(): void;
  onRemove(): void;
  pendingAction: 'generate' | 'remove' | null;
  notice: string | null;
}) {
  const t = useT();
  const set = (key: keyof DkimValues) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...values, [key]: event.currentTarget.value });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('newsletterStats.dkim.intro')}</Text>
      <Group grow align="start">
        <TextInput
          label={t('newsletterStats.dkim.domain')}
          value={values.dkimDomain}
          onChange={set('dkimDomain')}
          dir="ltr"
          placeholder="altermed.org"
          error={fields.dkimDomain}
        />
        <TextInput
          label={t('newsletterStats.dkim.selector')}
          description={t('newsletterStats.dkim.selectorHint')}
          value={values.dkimSelector}
          onChange={set('dkimSelector')}
          dir="ltr"
          placeholder="tawasul"
          error={fields.dkimSelector}
        />
      </Group>
      <Text size="sm" fw={600} data-testid="dkim-status">
        {saved.dkimKeyUnreadable
          ? t('newsletterStats.dkim.unreadable')
          : saved.dkimConfigured
            ? t('newsletterStats.dkim.configured')
            : t('newsletterStats.dkim.notConfigured')}
      </Text>
      {notice ? (
        <Alert color="teal" role="status">
          {notice}
        </Alert>
      ) : null}
      <Textarea
        label={t('newsletterStats.dkim.privateKey')}
        description={t('newsletterStats.dkim.privateKeyHint')}
        value={values.dkimPrivateKey}
        onChange={set('dkimPrivateKey')}
        dir="ltr"
        rows={3}
        spellCheck={false}
        autoComplete="off"
        placeholder="-----BEGIN PRIVATE KEY-----"
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        error={fields.dkimPrivateKey}
      />
      {canManage ? (
        <Group gap="xs">
          <Button variant="default" onClick={onGenerate} loading={pendingAction === 'generate'}>
            {t('newsletterStats.dkim.generate')}
          </Button>
          {saved.dkimConfigured ? (
            <Button variant="default" color="red.9" onClick={onRemove} loading={pendingAction === 'remove'}>
              {t('newsletterStats.dkim.remove')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {saved.dkimDnsValue && saved.dkimDnsName ? (
        <Stack gap="xs">
          <CopyField label={t('newsletterStats.dkim.dnsName')} value={saved.dkimDnsName} />
          <CopyField
            label={t('newsletterStats.dkim.dnsValue')}
            value={saved.dkimDnsValue}
            isMultiline
            description={t('newsletterStats.dkim.dnsHint')}
          />
        </Stack>
      ) : saved.dkimConfigured ? (
        <Text size="sm" c="dimmed">
          {t('newsletterStats.dkim.needsDomain')}
        </Text>
      ) : null}
    </Stack>
  );
}
