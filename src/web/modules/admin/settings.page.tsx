/** Workspace settings: name, content languages, Arabic digits, brand colour, required approvals (S5), holiday countries and time zone (S3), and the logo (applied on upload). */
import { Alert, Button, Checkbox, ColorInput, Group, NumberInput, Radio, Select, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CONTENT_LANGUAGES } from '../../../shared/languages.js';
import { CONSORTIUM_COUNTRIES, LIMITS } from '../../../shared/limits.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { type WorkspaceUpdate, WorkspaceUpdateSchema } from '../../../shared/workspaces/workspace.schema.js';
import { ME_QUERY_KEY } from '../../api/session.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod, languageErrorsOf } from '../../components/form-errors.js';
import { completeLocalized } from '../../components/localized-text.js';
import { LocalizedTextEditor } from '../../components/localized-text-editor.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { updateWorkspace } from './admin-api.js';
import { WorkspaceLogo } from './workspace-logo.js';

/** The consortium's zones first, then every zone the browser knows. */
const TIME_ZONES = [
  ...new Set(['Africa/Casablanca', 'Africa/Tunis', 'Africa/Algiers', 'Europe/Paris', ...Intl.supportedValuesOf('timeZone')]),
];

export function SettingsPage() {
  const t = useT();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [languages, setLanguages] = useState<string[]>(workspace.contentLanguages);
  // The name is edited in every content language offered, so enabling one lets it be named at once.
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(workspace.name, CONTENT_LANGUAGES));
  const [arabicDigits, setArabicDigits] = useState(workspace.arabicDigits);
  const [brandColor, setBrandColor] = useState(workspace.brandColor);
  const [requiredApprovals, setRequiredApprovals] = useState<number | string>(workspace.requiredApprovals ?? 1);
  const [holidayCountries, setHolidayCountries] = useState<string[]>(workspace.holidayCountries ?? [...CONSORTIUM_COUNTRIES]);
  const [timeZone, setTimeZone] = useState<string | null>(workspace.timeZone ?? 'Africa/Casablanca');
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const { locale } = useI18n();
  const countryName = new Intl.DisplayNames([locale], { type: 'region' });
  const mutation = useMutation({
    mutationFn: (body: WorkspaceUpdate) => updateWorkspace(workspace.id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('web.settings.title')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = WorkspaceUpdateSchema.safeParse({
            name,
            contentLanguages: languages,
            arabicDigits,
            brandColor,
            requiredApprovals: Number(requiredApprovals),
            holidayCountries,
            timeZone: timeZone ?? undefined,
          });
          if (!parsed.success) return setClientFields(fieldsFromZod(parsed.error, t));
          setClientFields({});
          if (!mutation.isPending) mutation.mutate(parsed.data);
        }}
      >
        <Stack>
          <ErrorAlert error={mutation.error} />
          {mutation.isSuccess ? (
            <Alert color="teal" role="status">
              {t('web.action.saved')}
            </Alert>
          ) : null}
          <LocalizedTextEditor
            label={t('web.settings.name')}
            name="name"
            value={name}
            onChange={setName}
            languages={languages}
            isRequired
            error={fields.name}
            languageErrors={languageErrorsOf(fields, 'name')}
          />
          <Checkbox.Group
            label={t('web.settings.contentLanguages')}
            value={languages}
            onChange={setLanguages}
            error={fields.contentLanguages}
          >
            <Group mt={4}>
              {CONTENT_LANGUAGES.map((language) => (
                <Checkbox key={language} value={language} label={t(`public.languageName.${language}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Radio.Group
            label={t('web.settings.arabicDigits')}
            value={arabicDigits}
            onChange={(value) => setArabicDigits(value as typeof arabicDigits)}
            error={fields.arabicDigits}
          >
            <Group mt={4}>
              <Radio value="latn" label={t('web.settings.digits.latn')} />
              <Radio value="arab" label={t('web.settings.digits.arab')} />
            </Group>
          </Radio.Group>
          <ColorInput
            withEyeDropper={false}
            label={t('web.settings.brandColor')}
            value={brandColor}
            onChange={setBrandColor}
            format="hex"
            dir="ltr"
            error={fields.brandColor}
            maw={240}
          />
          <NumberInput
            label={t('review.settings.requiredApprovals')}
            description={t('review.settings.requiredApprovalsHelp')}
            value={requiredApprovals}
            onChange={setRequiredApprovals}
            min={1}
            max={LIMITS.requiredApprovalsMax}
            allowDecimal={false}
            error={fields.requiredApprovals}
            maw={240}
          />
          <Checkbox.Group
            label={t('web.settings.holidayCountries')}
            description={t('web.settings.holidayCountriesHelp')}
            value={holidayCountries}
            onChange={setHolidayCountries}
            error={fields.holidayCountries}
          >
            <Group mt="xs">
              {CONSORTIUM_COUNTRIES.map((country) => (
                <Checkbox key={country} value={country} label={countryName.of(country) ?? country} />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label={t('web.settings.timeZone')}
            description={t('web.settings.timeZoneHelp')}
            data={TIME_ZONES}
            value={timeZone}
            onChange={setTimeZone}
            searchable
            allowDeselect={false}
            dir="ltr"
            error={fields.timeZone}
            maw={320}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('web.action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <WorkspaceLogo />
    </Stack>
  );
}
