/**
 * Editing a retro-planning template: its name, and milestones with a key, a title in every language,
 * an offset from the goal date (shown as "J-45"), a duration, a role and what each depends on. The
 * shared schema checks the graph before sending; the server's `fields` land under the same inputs.
 */
import { ActionIcon, Badge, Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import type { Translate } from '../../../../../shared/i18n/translator.js';
import { LIMITS } from '../../../../../shared/limits.js';
import type { LocalizedText } from '../../../../../shared/localized-text.js';
import { PlanningTemplateSchema } from '../../../../../shared/planning/planning-template.schema.js';
import { PlanningTemplateCreateSchema } from '../../../../../shared/planning/template-api.schema.js';
import { ROLES } from '../../../../../shared/roles.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, languageErrorsOf } from '../../../../components/form-errors.js';
import { completeLocalized } from '../../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../../components/localized-text-editor.js';
import { useT } from '../../../../i18n/i18n-context.js';
import { offsetLabel } from '../planning-format.js';
import type { PlanningTemplateOut } from './templates-api.js';

interface MilestoneDraft {
  key: string;
  title: LocalizedText;
  offsetDays: number | string;
  durationDays: number | string;
  role: string;
  dependsOn: string[];
}

export interface TemplateBody {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  milestones: Array<{
    key: string;
    title: LocalizedText;
    offsetDays: number;
    durationDays: number;
    role: (typeof ROLES)[number];
    dependsOn: string[];
  }>;
}

/** Template issues in words: the planning catalog's explanation when there is one, else the generic field message. */
export function fieldsFromTemplateIssues(error: z.ZodError, t: Translate): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    const code = /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID_VALUE';
    const params = (issue as { params?: Record<string, unknown> }).params ?? {};
    const cycle = Array.isArray(params.cycle) ? (params.cycle as string[]).join(' → ') : '';
    const planningKey = `planning.templateIssue.${code}`;
    const planningText = t(planningKey, { ...params, cycle });
    fields[path] ??= planningText !== planningKey ? planningText : t(`fieldErrors.${code}`);
  }
  return fields;
}

export function TemplateEditor(props: {
  initial?: PlanningTemplateOut;
  languages: readonly string[];
  isNew: boolean;
  isSubmitting: boolean;
  error: unknown;
  onSubmit(body: TemplateBody): void;
  onCancel(): void;
}) {
  const { languages, isNew } = props;
  const t = useT();
  const [key, setKey] = useState(props.initial?.key ?? '');
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(props.initial?.name, languages));
  const [description, setDescription] = useState<LocalizedText>(() => completeLocalized(props.initial?.description, languages));
  const [milestones, setMilestones] = useState<MilestoneDraft[]>(
    () =>
      props.initial?.milestones.map((milestone) => ({ ...milestone, title: completeLocalized(milestone.title, languages) })) ?? [
        { key: 'launch', title: completeLocalized(undefined, languages), offsetDays: 0, durationDays: 1, role: 'officer', dependsOn: [] },
      ],
  );
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const fields = { ...fieldsFromApiError(props.error), ...clientFields };
  const update = (index: number, change: Partial<MilestoneDraft>) =>
    setMilestones(milestones.map((milestone, position) => (position === index ? { ...milestone, ...change } : milestone)));

  const submit = () => {
    const body = {
      name,
      description,
      milestones: milestones.map((milestone) => ({
        ...milestone,
        offsetDays: Number(milestone.offsetDays),
        durationDays: Number(milestone.durationDays),
      })),
    };
    const parsed = isNew ? PlanningTemplateCreateSchema.safeParse({ ...body, key }) : PlanningTemplateSchema.safeParse(body);
    if (!parsed.success) {
      setClientFields(fieldsFromTemplateIssues(parsed.error, t));
      return;
    }
    setClientFields({});
    props.onSubmit({ ...(parsed.data as Omit<TemplateBody, 'key'>), key: isNew ? key : (props.initial?.key ?? key) });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <ErrorAlert error={props.error} />
        {isNew ? (
          <TextInput
            label={t('campaigns.template.key')}
            description={t('campaigns.template.keyHelp')}
            dir="ltr"
            required
            value={key}
            onChange={(event) => setKey(event.currentTarget.value)}
            error={fields.key}
          />
        ) : null}
        <LocalizedTextEditor
          label={t('campaigns.template.name')}
          name="name"
          value={name}
          onChange={setName}
          languages={languages}
          isRequired
          maxLength={LIMITS.nameLength}
          error={fields.name}
          languageErrors={languageErrorsOf(fields, 'name')}
        />
        <LocalizedTextEditor
          label={t('campaigns.field.description')}
          name="description"
          value={description}
          onChange={setDescription}
          languages={languages}
          isMultiline
          maxLength={2000}
          error={fields.description}
          languageErrors={languageErrorsOf(fields, 'description')}
        />
        <Text fw={600} component="h2" size="lg" m={0}>
          {t('campaigns.template.milestones')}
        </Text>
        {fields.milestones ? (
          <Text c="red.8" size="sm" role="alert">
            {fields.milestones}
          </Text>
        ) : null}
        {milestones.map((milestone, index) => {
          const at = (field: string) => fields[`milestones.${index}.${field}`];
          const dependencyError = Object.entries(fields).find(([path]) => path.startsWith(`milestones.${index}.dependsOn`))?.[1];
          const offset = Number(milestone.offsetDays);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: milestones have no id until saved, and their keys are being edited.
            <Paper key={index} withBorder p="sm" data-testid="milestone-editor">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Badge variant="light" color="violet.9" component="span">
                    <bdi>{Number.isInteger(offset) ? offsetLabel(t, offset) : '—'}</bdi>
                  </Badge>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('campaigns.template.removeMilestone', { number: index + 1 })}
                    onClick={() => setMilestones(milestones.filter((_, position) => position !== index))}
                  >
                    ✕
                  </ActionIcon>
                </Group>
                <Group grow align="start">
                  <TextInput
                    label={t('campaigns.template.milestoneKey')}
                    dir="ltr"
                    required
                    value={milestone.key}
                    onChange={(event) => update(index, { key: event.currentTarget.value })}
                    error={at('key')}
                  />
                  <NumberInput
                    label={t('campaigns.template.offset')}
                    description={t('campaigns.template.offsetHelp')}
                    value={milestone.offsetDays}
                    onChange={(value) => update(index, { offsetDays: value })}
                    allowDecimal={false}
                    error={at('offsetDays')}
                  />
                  <NumberInput
                    label={t('campaigns.template.duration')}
                    min={1}
                    value={milestone.durationDays}
                    onChange={(value) => update(index, { durationDays: value })}
                    allowDecimal={false}
                    error={at('durationDays')}
                  />
                  <Select
                    label={t('campaigns.template.role')}
                    value={milestone.role}
                    allowDeselect={false}
                    onChange={(value) => update(index, { role: value ?? milestone.role })}
                    data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                    error={at('role')}
                  />
                </Group>
                <LocalizedTextEditor
                  label={t('campaigns.template.milestoneTitle')}
                  name={`milestones.${index}.title`}
                  value={milestone.title}
                  onChange={(title) => update(index, { title })}
                  languages={languages}
                  isRequired
                  maxLength={LIMITS.nameLength}
                  error={at('title')}
                  languageErrors={languageErrorsOf(fields, `milestones.${index}.title`)}
                />
                <MultiSelect
                  label={t('campaigns.template.dependsOn')}
                  data={[
                    ...new Set(
                      milestones
                        .filter((_, position) => position !== index)
                        .map((other) => other.key)
                        .filter(Boolean),
                    ),
                  ]}
                  value={milestone.dependsOn}
                  onChange={(dependsOn) => update(index, { dependsOn })}
                  error={dependencyError}
                  clearable
                />
              </Stack>
            </Paper>
          );
        })}
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            setMilestones([
              ...milestones,
              {
                key: `step-${milestones.length + 1}`,
                title: completeLocalized(undefined, languages),
                offsetDays: 0,
                durationDays: 1,
                role: 'officer',
                dependsOn: [],
              },
            ])
          }
        >
          {t('campaigns.template.addMilestone')}
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel} disabled={props.isSubmitting}>
            {t('web.action.cancel')}
          </Button>
          <Button type="submit" loading={props.isSubmitting}>
            {t('web.action.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
