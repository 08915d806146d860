/**
 * The year's holidays in the workspace's countries, as retro-planning counts them: built-in ones
 * (Hijri dates estimated until the moon is seen), days the workspace added, and built-in days it
 * removed. Admins and officers add a local day off or remove an estimate the moon proved wrong.
 */
import { Badge, Button, Group, MultiSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CONSORTIUM_COUNTRIES, LIMITS } from '../../../../../shared/limits.js';
import type { LocalizedText } from '../../../../../shared/localized-text.js';
import { useWorkspace } from '../../../../app/workspace-context.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, languageErrorsOf } from '../../../../components/form-errors.js';
import { completeLocalized } from '../../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../../components/localized-text-editor.js';
import { useI18n } from '../../../../i18n/i18n-context.js';
import { countryName } from '../../../directory/countries.js';
import { holidayName } from '../campaign-gantt-tab.js';
import { todayDate, useDayFormat } from '../planning-format.js';
import { createHolidayChange, deleteHolidayChange, type Holiday, holidayKeys, useHolidayChanges, useHolidays } from './holidays-api.js';

export function HolidaysPage() {
  const { t, locale } = useI18n();
  const formatDay = useDayFormat();
  const { workspace, can } = useWorkspace();
  const languages = workspace.contentLanguages;
  const queryClient = useQueryClient();
  const canManage = can('holidays:manage');
  const [year, setYear] = useState(Number(todayDate().slice(0, 4)));
  const holidays = useHolidays(workspace.id, `${year}-01-01`, `${year}-12-31`);
  const changes = useHolidayChanges(workspace.id, canManage);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: holidayKeys.all(workspace.id) }),
      queryClient.invalidateQueries({ queryKey: holidayKeys.changes(workspace.id) }),
    ]);
  const removeBuiltin = useMutation({
    mutationFn: (holiday: Holiday) => createHolidayChange(workspace.id, { kind: 'removed', date: holiday.date, holidayKey: holiday.key }),
    onSuccess: refresh,
  });
  const undo = useMutation({ mutationFn: (id: string) => deleteHolidayChange(workspace.id, id), onSuccess: refresh });
  const changeOf = (holiday: Holiday) => changes.data?.items.find((change) => change.kind === 'added' && change.date === holiday.date);
  const removed = (changes.data?.items ?? []).filter((change) => change.kind === 'removed' && change.date.startsWith(String(year)));
  const countries = (list: string[]) =>
    list.length > 0
      ? list.map((code) => countryName(code, locale)).join(t('campaigns.listSeparator'))
      : t('campaigns.holidays.allCountries');

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          {t('campaigns.holidays.title')}
        </Title>
        <NumberInput
          label={t('campaigns.holidays.year')}
          value={year}
          onChange={(value) => setYear(Number(value) || year)}
          min={2000}
          max={2100}
          w={120}
        />
      </Group>
      <Text c="dimmed">{t('campaigns.holidays.intro')}</Text>
      <ErrorAlert error={holidays.error ?? removeBuiltin.error ?? undo.error} />
      <Table striped withTableBorder aria-label={t('campaigns.holidays.listLabel', { year })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaigns.holidays.date')}</Table.Th>
            <Table.Th>{t('campaigns.holidays.name')}</Table.Th>
            <Table.Th>{t('campaigns.holidays.countries')}</Table.Th>
            <Table.Th>{t('campaigns.holidays.origin')}</Table.Th>
            {canManage ? <Table.Th>{t('campaigns.holidays.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(holidays.data?.items ?? []).map((holiday) => {
            const added = changeOf(holiday);
            return (
              <Table.Tr key={`${holiday.key}-${holiday.date}`} data-testid="holiday-row">
                <Table.Td>{formatDay(holiday.date, { dateStyle: 'full' })}</Table.Td>
                <Table.Td>
                  <bdi>{holidayName(t, holiday, locale, languages)}</bdi>
                </Table.Td>
                <Table.Td>{countries(holiday.countries)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={holiday.source === 'workspace' ? 'blue.9' : 'gray.7'} variant="filled">
                      {t(`campaigns.holidays.source.${holiday.source}`)}
                    </Badge>
                    {holiday.isEstimated ? (
                      <Badge color="grape.9" variant="filled" title={t('planning.holiday.estimated')}>
                        {t('campaigns.holidays.estimated')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    {holiday.source === 'builtin' ? (
                      <Button size="compact-sm" variant="default" onClick={() => removeBuiltin.mutate(holiday)}>
                        {t('campaigns.holidays.remove')}
                      </Button>
                    ) : added ? (
                      <Button size="compact-sm" variant="default" onClick={() => undo.mutate(added.id)}>
                        {t('campaigns.holidays.removeAdded')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {canManage && removed.length > 0 ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('campaigns.holidays.removedTitle')}
          </Title>
          {removed.map((change) => (
            <Group key={change.id} gap="xs">
              <Text size="sm">
                {formatDay(change.date)}
                {change.holidayKey ? ` — ${t(`planning.holiday.${change.holidayKey}`)}` : ''}
              </Text>
              <Button size="compact-sm" variant="subtle" onClick={() => undo.mutate(change.id)}>
                {t('campaigns.holidays.restore')}
              </Button>
            </Group>
          ))}
        </Stack>
      ) : null}
      {canManage ? <AddHolidayForm workspaceId={workspace.id} languages={languages} onAdded={refresh} /> : null}
    </Stack>
  );
}

function AddHolidayForm({ workspaceId, languages, onAdded }: { workspaceId: string; languages: readonly string[]; onAdded(): void }) {
  const { t, locale } = useI18n();
  const [date, setDate] = useState('');
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(undefined, languages));
  const [countries, setCountries] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: () => createHolidayChange(workspaceId, { kind: 'added', date, name, countries }),
    onSuccess: () => {
      setDate('');
      setName(completeLocalized(undefined, languages));
      setCountries([]);
      onAdded();
    },
  });
  const fields: FieldMessages = fieldsFromApiError(add.error);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-holiday-title">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <Stack>
          <Title order={2} size="h4" id="add-holiday-title">
            {t('campaigns.holidays.addTitle')}
          </Title>
          <ErrorAlert error={add.error} />
          <Group grow align="start">
            <TextInput
              type="date"
              label={t('campaigns.holidays.date')}
              required
              value={date}
              onChange={(event) => setDate(event.currentTarget.value)}
              error={fields.date}
            />
            <MultiSelect
              label={t('campaigns.holidays.countries')}
              description={t('campaigns.holidays.countriesHelp')}
              data={CONSORTIUM_COUNTRIES.map((code) => ({ value: code, label: countryName(code, locale) }))}
              value={countries}
              onChange={setCountries}
              error={fields.countries}
              clearable
            />
          </Group>
          <LocalizedTextEditor
            label={t('campaigns.holidays.name')}
            name="holidayName"
            value={name}
            onChange={setName}
            languages={languages}
            isRequired
            maxLength={LIMITS.nameLength}
            error={fields.name}
            languageErrors={languageErrorsOf(fields, 'name')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('campaigns.holidays.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
