/** One form for every part of the plan: its localized texts in the LocalizedTextEditor, then the part's own fields. */
import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { CHANNEL_KINDS } from '../../../../shared/planning/plan.schema.js';
import { ErrorAlert, fieldsFromApiError, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type PlanPartPath, planKeys, savePlanItem } from './plan-api.js';

type Localized = Record<string, { value: string; status: string }>;

/** The localized fields of each part, in form order. */
const TEXT_FIELDS: Record<PlanPartPath, Array<{ key: string; isRequired?: boolean; isMultiline?: boolean; maxLength: number }>> = {
  objectives: [
    { key: 'title', isRequired: true, maxLength: 200 },
    { key: 'description', isMultiline: true, maxLength: 2000 },
  ],
  audiences: [
    { key: 'name', isRequired: true, maxLength: 200 },
    { key: 'description', isMultiline: true, maxLength: 2000 },
  ],
  'key-messages': [{ key: 'message', isRequired: true, isMultiline: true, maxLength: 1000 }],
  channels: [{ key: 'name', isRequired: true, maxLength: 200 }],
  indicators: [
    { key: 'name', isRequired: true, maxLength: 200 },
    { key: 'unit', maxLength: 60 },
  ],
};

export interface PlanItemFormProps {
  workspaceId: string;
  languages: readonly string[];
  part: PlanPartPath;
  /** The item being edited (its loaded fields), or undefined to create one. */
  initial?: Record<string, unknown> & { id: string; updatedAt: string };
  /** Fixed fields of a new item (the audience of a key message). */
  fixed?: Record<string, unknown>;
  objectives: Array<{ value: string; label: string }>;
  onDone(): void;
}

export function PlanItemForm({ workspaceId, languages, part, initial, fixed, objectives, onDone }: PlanItemFormProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState<Record<string, LocalizedText>>(() =>
    Object.fromEntries(TEXT_FIELDS[part].map(({ key }) => [key, completeLocalized(initial?.[key] as Localized | undefined, languages)])),
  );
  const [kind, setKind] = useState<string | null>((initial?.kind as string | undefined) ?? 'other');
  const [objectiveId, setObjectiveId] = useState<string | null>((initial?.objectiveId as string | null | undefined) ?? null);
  const [baseline, setBaseline] = useState<number | string>((initial?.baseline as number | undefined) ?? 0);
  const [target, setTarget] = useState<number | string>((initial?.target as number | undefined) ?? '');
  const [targetDate, setTargetDate] = useState((initial?.targetDate as string | null | undefined) ?? '');

  const body = () => {
    const out: Record<string, unknown> = { ...fixed, ...texts };
    if (part === 'channels') out.kind = kind;
    if (part === 'key-messages' || part === 'indicators') out.objectiveId = objectiveId;
    if (part === 'indicators') {
      out.baseline = Number(baseline || 0);
      out.target = target === '' ? undefined : Number(target);
      out.targetDate = targetDate || null;
    }
    if (initial) out.expectedUpdatedAt = initial.updatedAt;
    return out;
  };
  const mutation = useMutation({
    mutationFn: () => savePlanItem(workspaceId, part, initial?.id, body()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: planKeys.plan(workspaceId) });
      onDone();
    },
  });
  const fields = fieldsFromApiError(mutation.error);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!mutation.isPending) mutation.mutate();
      }}
    >
      <Stack>
        <ErrorAlert error={mutation.error} />
        {TEXT_FIELDS[part].map((field) => (
          <LocalizedTextEditor
            key={field.key}
            label={t(`plan.field.${field.key}`)}
            name={field.key}
            value={texts[field.key] ?? {}}
            onChange={(value) => setTexts((previous) => ({ ...previous, [field.key]: value }))}
            languages={languages}
            isRequired={field.isRequired}
            isMultiline={field.isMultiline}
            maxLength={field.maxLength}
            error={fields[field.key]}
            languageErrors={languageErrorsOf(fields, field.key)}
          />
        ))}
        {part === 'channels' ? (
          <Select
            label={t('plan.field.kind')}
            required
            value={kind}
            onChange={setKind}
            data={CHANNEL_KINDS.map((value) => ({ value, label: t(`plan.channelKind.${value}`) }))}
            error={fields.kind}
          />
        ) : null}
        {part === 'key-messages' || part === 'indicators' ? (
          <Select
            label={t('plan.field.objective')}
            placeholder={t('plan.noObjective')}
            clearable
            value={objectiveId}
            onChange={setObjectiveId}
            data={objectives}
            error={fields.objectiveId}
          />
        ) : null}
        {part === 'indicators' ? (
          <Group grow align="start">
            <NumberInput label={t('plan.field.baseline')} value={baseline} onChange={setBaseline} error={fields.baseline} />
            <NumberInput label={t('plan.field.target')} required value={target} onChange={setTarget} error={fields.target} />
            <TextInput
              type="date"
              label={t('plan.field.targetDate')}
              value={targetDate}
              onChange={(event) => setTargetDate(event.currentTarget.value)}
              error={fields.targetDate}
            />
          </Group>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
            {t('web.action.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('web.action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
