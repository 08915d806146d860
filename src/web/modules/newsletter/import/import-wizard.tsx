/**
 * The import wizard of an uploaded file: how to read it (encoding and separator, detected, changeable,
 * previewed again at once), what each column becomes, which lists and tags, and the consent the
 * officer confirms; then start.
 */
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { pickLocalized } from '../../../../shared/localized-text.js';
import {
  IMPORT_DELIMITERS,
  IMPORT_ENCODINGS,
  type ImportDelimiter,
  type ImportEncoding,
  ImportLimits,
  type ImportMapping,
} from '../../../../shared/newsletter/import-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type ColumnMapping, ImportMappingStep, mappingProblems } from './import-mapping-step.js';
import { importKeys, type PreviewChoice, type SubscriberImport, startImport, useImportLists, useImportPreview } from './imports-api.js';

export function ImportWizard({ item }: { item: SubscriberImport }) {
  const { t, locale } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<PreviewChoice>({});
  const preview = useImportPreview(workspace.id, item.id, choice, true);
  const lists = useImportLists(workspace.id);
  // The mapping follows the preview it was made for: another encoding or separator gives other columns.
  const [mapping, setMapping] = useState<{ readFor: string; columns: ColumnMapping } | null>(null);
  const [listIds, setListIds] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [consentText, setConsentText] = useState('');
  const [isConfirmed, setConfirmed] = useState(false);

  const data = preview.data;
  const readFor = data ? `${data.encoding}|${data.delimiter}|${data.headers.length}` : '';
  const columns = mapping && mapping.readFor === readFor ? mapping.columns : (data?.suggestedMapping ?? {});
  const problems = mappingProblems(columns);

  const start = useMutation({
    mutationFn: () =>
      startImport(workspace.id, item.id, {
        encoding: data?.encoding as ImportEncoding,
        delimiter: data?.delimiter as ImportDelimiter,
        mapping: columns as ImportMapping,
        listIds,
        tags,
        consentText: consentText.trim(),
      }),
    onSuccess: async (started) => {
      queryClient.setQueryData(importKeys.one(workspace.id, item.id), started);
      await queryClient.invalidateQueries({ queryKey: importKeys.all(workspace.id) });
    },
  });
  const fields = fieldsFromApiError(start.error);

  if (preview.isPending) return <PageLoader />;
  if (!data) return <ErrorAlert error={preview.error} />;
  const listOptions = (lists.data?.items ?? []).map((list) => ({
    value: list.id,
    label: pickLocalized(list.name as never, locale, workspace.contentLanguages)?.value ?? '—',
  }));
  const canStart = problems.length === 0 && consentText.trim() !== '' && isConfirmed && !start.isPending;

  return (
    <Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="import-reading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-reading">
            {t('newsletterImport.wizard.reading')}
          </Title>
          <Group align="end" gap="md" wrap="wrap">
            <NativeSelect
              label={t('newsletterImport.wizard.encoding')}
              data={IMPORT_ENCODINGS.map((encoding) => ({
                value: encoding,
                label:
                  encoding === data.detectedEncoding
                    ? t('newsletterImport.wizard.detected', { value: t(`newsletterImport.encoding.${encoding}`) })
                    : t(`newsletterImport.encoding.${encoding}`),
              }))}
              value={data.encoding}
              onChange={(event) => setChoice({ ...choice, encoding: event.currentTarget.value as ImportEncoding })}
              w={300}
            />
            <NativeSelect
              label={t('newsletterImport.wizard.delimiter')}
              data={IMPORT_DELIMITERS.map((delimiter) => ({
                value: delimiter,
                label:
                  delimiter === data.detectedDelimiter
                    ? t('newsletterImport.wizard.detected', { value: t(`newsletterImport.delimiter.${delimiter}`) })
                    : t(`newsletterImport.delimiter.${delimiter}`),
              }))}
              value={data.delimiter}
              onChange={(event) => setChoice({ ...choice, delimiter: event.currentTarget.value as ImportDelimiter })}
              w={260}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('newsletterImport.wizard.estimatedRows', { count: data.estimatedRows })}
            {data.hasHeaderRow ? '' : ` ${t('newsletterImport.wizard.noHeaderRow')}`}
          </Text>
          <ErrorAlert error={preview.error} />
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="import-columns">
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-columns">
            {t('newsletterImport.wizard.columns')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('newsletterImport.wizard.columnsHelp', { count: data.rows.length })}
          </Text>
          {problems.length > 0 ? (
            <Alert color="orange" role="status">
              {problems.map((code) => t(`fieldErrors.${code}`)).join(' ')}
            </Alert>
          ) : null}
          <ImportMappingStep preview={data} mapping={columns} onChange={(next) => setMapping({ readFor, columns: next })} />
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="import-consent">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (canStart) start.mutate();
          }}
        >
          <Stack gap="sm">
            <Title order={2} size="h4" id="import-consent">
              {t('newsletterImport.wizard.listsAndConsent')}
            </Title>
            <Checkbox.Group
              label={t('newsletterImport.wizard.lists')}
              description={t('newsletterImport.wizard.listsHelp')}
              value={listIds}
              onChange={(next) => setListIds(next.slice(0, ImportLimits.listIdsMax))}
              error={fields['listIds.0'] ?? fields.listIds}
            >
              <Stack gap={6} mt="xs">
                {listOptions.map((list) => (
                  <Checkbox key={list.value} value={list.value} label={list.label} />
                ))}
                {listOptions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('newsletterImport.wizard.noLists')}
                  </Text>
                ) : null}
              </Stack>
            </Checkbox.Group>
            <TagsInput
              label={t('newsletterImport.wizard.tags')}
              description={t('newsletterImport.wizard.tagsHelp')}
              value={tags}
              onChange={setTags}
              maxTags={ImportLimits.tagsMax}
              maxLength={ImportLimits.tagLength}
              clearable
            />
            <Textarea
              label={t('newsletterImport.wizard.consentText')}
              description={t('newsletterImport.wizard.consentTextHelp')}
              value={consentText}
              onChange={(event) => setConsentText(event.currentTarget.value)}
              maxLength={ImportLimits.consentTextLength}
              error={fields.consentText}
              rows={3}
              required
              dir="auto"
            />
            <Checkbox
              label={t('newsletterImport.wizard.confirmConsent')}
              checked={isConfirmed}
              onChange={(event) => setConfirmed(event.currentTarget.checked)}
            />
            <ErrorAlert error={start.error} />
            <Group justify="flex-end">
              <Button type="submit" disabled={!canStart} loading={start.isPending}>
                {t('newsletterImport.wizard.start', { count: data.estimatedRows })}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
