/** What a schedule change does, before or after saving: counts, each task's new dates, and the warnings. */
import { List, Paper, Stack, Text } from '@mantine/core';
import { pickLocalized } from '../../../../shared/localized-text.js';
import type { ScheduleChangeResult } from '../../../../shared/planning/campaign.schema.js';
import type { Task } from '../../../../shared/planning/task.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { changeSummary, useDayFormat, warningText } from './planning-format.js';

export function ScheduleChangeList({
  result,
  tasks,
  languages,
}: {
  result: ScheduleChangeResult;
  tasks: Task[];
  languages: readonly string[];
}) {
  const { t, locale } = useI18n();
  const formatDay = useDayFormat();
  const summary = changeSummary(result);
  const titleOf = (id: string) => {
    const task = tasks.find((candidate) => candidate.id === id);
    return (task && pickLocalized(task.title as never, locale, languages)?.value) ?? '';
  };
  const hasWarnings = result.warnings.length > 0;
  return (
    <Stack gap="sm" data-testid="schedule-change">
      <Paper
        withBorder
        p="sm"
        style={{ borderInlineStartWidth: 4, borderInlineStartColor: `var(--mantine-color-${hasWarnings ? 'orange' : 'teal'}-7)` }}
      >
        <Text fw={700} size="sm" mb={4}>
          {t('campaigns.change.title')}
        </Text>
        <List size="sm" data-testid="schedule-change-summary">
          <List.Item>{t('campaigns.change.moved', { count: summary.moved })}</List.Item>
          {summary.nonWorking > 0 ? <List.Item>{t('campaigns.change.nonWorking', { count: summary.nonWorking })}</List.Item> : null}
          {summary.past > 0 ? <List.Item>{t('campaigns.change.past', { count: summary.past })}</List.Item> : null}
          {summary.blocked > 0 ? <List.Item>{t('campaigns.change.blocked', { count: summary.blocked })}</List.Item> : null}
        </List>
      </Paper>
      {result.changed.length > 0 ? (
        <List size="sm" spacing={2} aria-label={t('campaigns.change.listLabel')}>
          {result.changed.map((change) => (
            <List.Item key={change.id}>
              <Text span size="sm" fw={600}>
                <bdi>{titleOf(change.id)}</bdi>
              </Text>{' '}
              {t('campaigns.change.dates', { from: formatDay(change.previousDueDate), to: formatDay(change.dueDate) })}
            </List.Item>
          ))}
        </List>
      ) : null}
      {hasWarnings ? (
        <List size="sm" spacing={2} aria-label={t('campaigns.change.warningsLabel')} data-testid="schedule-warnings">
          {result.warnings.map((warning) => (
            <List.Item key={`${warning.code}-${warning.taskId}-${warning.prerequisiteId ?? warning.date ?? ''}`}>
              <Text span size="sm" fw={600}>
                <bdi>{titleOf(warning.taskId)}</bdi>
              </Text>
              {t('campaigns.change.separator')}
              {warningText(t, warning, formatDay)}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
