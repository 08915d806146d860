/** One indicator: progress toward its target, the history of recorded values, and a form to record one. */
import { Button, Group, NumberInput, Paper, Progress, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Indicator } from '../../../../shared/planning/plan.schema.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { planKeys, recordIndicatorValue, useIndicatorValues } from './plan-api.js';

export interface IndicatorCardProps {
  workspaceId: string;
  indicator: Indicator;
  languages: readonly string[];
  canWrite: boolean;
  actions?: React.ReactNode;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function IndicatorCard({ workspaceId, indicator, languages, canWrite, actions }: IndicatorCardProps) {
  const { t, formatNumber, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const [isHistoryOpen, setHistoryOpen] = useState(false);
  const [isRecording, setRecording] = useState(false);
  const [recordedOn, setRecordedOn] = useState(today);
  const [value, setValue] = useState<number | string>('');
  const [note, setNote] = useState('');
  const values = useIndicatorValues(workspaceId, indicator.id, isHistoryOpen);
  const mutation = useMutation({
    mutationFn: () =>
      recordIndicatorValue(workspaceId, indicator.id, { recordedOn, value: value === '' ? Number.NaN : Number(value), note: note || null }),
    onSuccess: async () => {
      setRecording(false);
      setValue('');
      setNote('');
      await queryClient.invalidateQueries({ queryKey: planKeys.plan(workspaceId) });
      await queryClient.invalidateQueries({ queryKey: planKeys.values(workspaceId, indicator.id) });
    },
  });
  const fields = fieldsFromApiError(mutation.error);
  const percent = indicator.progressPercent;
  const unit = <LocalizedValue value={indicator.unit} fallbacks={languages} empty="" inherit />;

  return (
    <Paper withBorder p="sm" component="li" data-testid="indicator">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="start">
          <LocalizedValue value={indicator.name} fallbacks={languages} fw={600} />
          {actions}
        </Group>
        <Progress
          value={Math.min(percent ?? 0, 100)}
          color="teal.9"
          aria-label={t('plan.indicator.progressLabel', { percent: percent ?? 0 })}
        />
        <Text size="sm">
          {indicator.latestValue === null
            ? t('plan.indicator.noValue')
            : t('plan.indicator.progress', {
                latest: formatNumber(indicator.latestValue),
                target: formatNumber(indicator.target),
                percent: percent ?? 0,
              })}{' '}
          {unit}
        </Text>
        <Text size="sm" c="dimmed">
          {t('plan.indicator.baseline', { baseline: formatNumber(indicator.baseline) })}
          {indicator.targetDate ? ` · ${t('plan.indicator.targetDate', { date: formatDate(indicator.targetDate) })}` : ''}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setHistoryOpen((open) => !open)} aria-expanded={isHistoryOpen}>
            {t(isHistoryOpen ? 'plan.indicator.hideHistory' : 'plan.indicator.showHistory')}
          </Button>
          {canWrite && !isRecording ? (
            <Button size="xs" variant="light" onClick={() => setRecording(true)}>
              {t('plan.indicator.record')}
            </Button>
          ) : null}
        </Group>
        {isHistoryOpen ? (
          values.data && values.data.items.length > 0 ? (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('plan.field.recordedOn')}</Table.Th>
                  <Table.Th>{t('plan.field.value')}</Table.Th>
                  <Table.Th>{t('plan.field.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>{formatDate(item.recordedOn)}</Table.Td>
                    <Table.Td>{formatNumber(item.value)}</Table.Td>
                    <Table.Td dir="auto">{item.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {values.isPending ? '…' : t('plan.indicator.noValue')}
            </Text>
          )
        ) : null}
        {isRecording ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!mutation.isPending) mutation.mutate();
            }}
          >
            <Stack gap="xs">
              <ErrorAlert error={mutation.error} />
              <Group grow align="start">
                <TextInput
                  type="date"
                  label={t('plan.field.recordedOn')}
                  required
                  value={recordedOn}
                  onChange={(event) => setRecordedOn(event.currentTarget.value)}
                  error={fields.recordedOn}
                />
                <NumberInput label={t('plan.field.value')} required value={value} onChange={setValue} error={fields.value} />
              </Group>
              <TextInput
                label={t('plan.field.note')}
                dir="auto"
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                error={fields.note}
              />
              <Group justify="flex-end">
                <Button size="xs" variant="default" onClick={() => setRecording(false)}>
                  {t('web.action.cancel')}
                </Button>
                <Button size="xs" type="submit" loading={mutation.isPending}>
                  {t('web.action.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
