/** Throttling: rate, connections and the rolling window, with presets and the result said in plain words. */
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { NEWSLETTER_SETTINGS_LIMITS as LIMITS } from '../../../../shared/newsletter/tracking-api.schema.js';
import type { FieldMessages } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';

export interface ThrottleValues {
  messagesPerSecond: number | string;
  smtpConnections: number | string;
  windowMessages: number | string;
  windowHours: number | string;
}

/** Common relays: a Gmail-type account sends about 2,000 messages a day. */
const PRESETS: Record<'gmail' | 'provider', ThrottleValues> = {
  gmail: { messagesPerSecond: 1, smtpConnections: 1, windowMessages: 2000, windowHours: 24 },
  provider: { messagesPerSecond: 50, smtpConnections: 5, windowMessages: 0, windowHours: 24 },
};

export function ThrottleFields({
  values,
  onChange,
  fields,
}: {
  values: ThrottleValues;
  onChange(values: ThrottleValues): void;
  fields: FieldMessages;
}) {
  const { t, formatNumber } = useI18n();
  const set = (key: keyof ThrottleValues) => (value: number | string) => onChange({ ...values, [key]: value });
  const range = (limits: { min: number; max: number }) =>
    t('newsletterStats.throttle.range', { min: formatNumber(limits.min), max: formatNumber(limits.max) });
  const number = (value: number | string) => (typeof value === 'number' ? value : Number(value) || 0);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('newsletterStats.throttle.intro')}</Text>
      <Group gap="xs" aria-label={t('newsletterStats.throttle.presets')} role="group">
        {(['gmail', 'provider'] as const).map((preset) => (
          <Button key={preset} size="xs" variant="default" onClick={() => onChange(PRESETS[preset])}>
            {t(`newsletterStats.throttle.preset.${preset}`)}
          </Button>
        ))}
      </Group>
      <Group grow align="start">
        <NumberInput
          label={t('newsletterStats.throttle.messagesPerSecond')}
          description={range(LIMITS.messagesPerSecond)}
          value={values.messagesPerSecond}
          onChange={set('messagesPerSecond')}
          min={LIMITS.messagesPerSecond.min}
          max={LIMITS.messagesPerSecond.max}
          allowDecimal={false}
          error={fields.messagesPerSecond}
        />
        <NumberInput
          label={t('newsletterStats.throttle.smtpConnections')}
          description={range(LIMITS.smtpConnections)}
          value={values.smtpConnections}
          onChange={set('smtpConnections')}
          min={LIMITS.smtpConnections.min}
          max={LIMITS.smtpConnections.max}
          allowDecimal={false}
          error={fields.smtpConnections}
        />
      </Group>
      <Group grow align="start">
        <NumberInput
          label={t('newsletterStats.throttle.windowMessages')}
          description={t('newsletterStats.throttle.windowMessagesHint', { max: formatNumber(LIMITS.windowMessages.max) })}
          value={values.windowMessages}
          onChange={set('windowMessages')}
          min={LIMITS.windowMessages.min}
          max={LIMITS.windowMessages.max}
          allowDecimal={false}
          error={fields.windowMessages}
        />
        <NumberInput
          label={t('newsletterStats.throttle.windowHours')}
          description={range(LIMITS.windowHours)}
          value={values.windowHours}
          onChange={set('windowHours')}
          min={LIMITS.windowHours.min}
          max={LIMITS.windowHours.max}
          allowDecimal={false}
          error={fields.windowHours}
        />
      </Group>
      <Text size="sm" role="status" data-testid="throttle-summary">
        {t('newsletterStats.throttle.summary', {
          perSecond: number(values.messagesPerSecond),
          connections: number(values.smtpConnections),
        })}{' '}
        {number(values.windowMessages) > 0
          ? t('newsletterStats.throttle.summaryWindow', { messages: number(values.windowMessages), hours: number(values.windowHours) })
          : t('newsletterStats.throttle.summaryNoWindow')}
      </Text>
    </Stack>
  );
}
