/** A template's milestones as the officer will meet them: "J-45 Brief", in the order of their offsets. */
import { Badge, Group, List, Text } from '@mantine/core';
import { addDays, isCalendarDate } from '../../../../shared/planning/calendar-date.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { offsetLabel, useDayFormat } from './planning-format.js';
import type { PlanningTemplateOut } from './templates/templates-api.js';

export function TemplatePreview({
  template,
  goalDate,
  languages,
}: {
  template: PlanningTemplateOut;
  /** When set, each milestone also shows its date. */
  goalDate?: string;
  languages: readonly string[];
}) {
  const { t } = useI18n();
  const formatDay = useDayFormat();
  const milestones = [...template.milestones].sort((a, b) => a.offsetDays - b.offsetDays);
  return (
    <List spacing={4} listStyleType="none" p={0} m={0} aria-label={t('campaigns.template.previewLabel')} data-testid="template-preview">
      {milestones.map((milestone) => (
        <List.Item key={milestone.key}>
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" color="violet.9" miw={64} component="span">
              <bdi>{offsetLabel(t, milestone.offsetDays)}</bdi>
            </Badge>
            <LocalizedValue value={milestone.title} fallbacks={languages} size="sm" />
            {goalDate && isCalendarDate(goalDate) ? (
              <Text size="sm" c="dimmed">
                {formatDay(addDays(goalDate, milestone.offsetDays))}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {t(`roles.${milestone.role}`)}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
