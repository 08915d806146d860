/** The communication plan: objectives, audiences with their key messages, channels, indicators with progress. */
import { ActionIcon, Badge, Button, Group, Menu, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { IndicatorCard } from './indicator-card.js';
import { archivePlanItem, type PlanPartPath, planKeys, usePlan } from './plan-api.js';
import { PlanItemForm } from './plan-item-form.js';

interface Editing {
  part: PlanPartPath;
  initial?: Record<string, unknown> & { id: string; updatedAt: string };
  fixed?: Record<string, unknown>;
}

function Section({ title, onAdd, addLabel, children }: { title: string; onAdd?: () => void; addLabel: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {title}
        </Title>
        {onAdd ? (
          <Button size="xs" variant="light" onClick={onAdd}>
            {addLabel}
          </Button>
        ) : null}
      </Group>
      {children}
    </Stack>
  );
}

export function PlanPage() {
  const { t } = useI18n();
  const { workspace, can } = useWorkspace();
  const languages = workspace.contentLanguages;
  const canWrite = can('plan:write');
  const plan = usePlan(workspace.id);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const archive = useMutation({
    mutationFn: ({ part, id }: { part: PlanPartPath; id: string }) => archivePlanItem(workspace.id, part, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.plan(workspace.id) }),
  });

  if (plan.isPending) return <PageLoader />;
  if (!plan.data) return <ErrorAlert error={plan.error} />;
  const { objectives, audiences, keyMessages, channels, indicators } = plan.data;
  const objectiveOptions = objectives.map((objective) => ({
    value: objective.id,
    label: Object.values(objective.title).find((entry) => entry.value)?.value ?? '—',
  }));

  const itemActions = (part: PlanPartPath, item: Record<string, unknown> & { id: string; updatedAt: string }, label: string) =>
    canWrite ? (
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray.8" aria-label={t('plan.itemActions', { name: label })}>
            ⋯
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setEditing({ part, initial: item })}>{t('web.action.edit')}</Menu.Item>
          <Menu.Item color="red" onClick={() => archive.mutate({ part, id: item.id })}>
            {t('web.action.archive')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    ) : null;
  const labelOf = (text: Record<string, { value: string }>) => Object.values(text).find((entry) => entry.value)?.value ?? '';
  const list = { listStyle: 'none', padding: 0, margin: 0 } as const;

  return (
    <Stack maw={1100} gap="xl">
      <Title order={1} size="h2">
        {t('plan.title')}
      </Title>
      <ErrorAlert error={archive.error} />

      <Section
        title={t('plan.section.objectives')}
        addLabel={t('plan.add.objectives')}
        onAdd={canWrite ? () => setEditing({ part: 'objectives' }) : undefined}
      >
        <Stack component="ol" gap="xs" style={list}>
          {objectives.map((objective) => (
            <Paper key={objective.id} withBorder p="sm" component="li">
              <Group justify="space-between" wrap="nowrap" align="start">
                <Stack gap={2}>
                  <LocalizedValue value={objective.title} fallbacks={languages} fw={600} />
                  <LocalizedValue value={objective.description} fallbacks={languages} size="sm" c="dimmed" empty="" />
                </Stack>
                {itemActions('objectives', objective, labelOf(objective.title))}
              </Group>
            </Paper>
          ))}
          {objectives.length === 0 ? <Text c="dimmed">{t('plan.empty')}</Text> : null}
        </Stack>
      </Section>

      <Section
        title={t('plan.section.audiences')}
        addLabel={t('plan.add.audiences')}
        onAdd={canWrite ? () => setEditing({ part: 'audiences' }) : undefined}
      >
        <Stack component="ul" gap="xs" style={list}>
          {audiences.map((audience) => {
            const messages = keyMessages.filter((message) => message.audienceId === audience.id);
            return (
              <Paper key={audience.id} withBorder p="sm" component="li" data-testid="audience">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" align="start">
                    <Stack gap={2}>
                      <LocalizedValue value={audience.name} fallbacks={languages} fw={600} />
                      <LocalizedValue value={audience.description} fallbacks={languages} size="sm" c="dimmed" empty="" />
                    </Stack>
                    {itemActions('audiences', audience, labelOf(audience.name))}
                  </Group>
                  <Text size="sm" fw={600}>
                    {t('plan.keyMessages', { count: messages.length })}
                  </Text>
                  <Stack component="ul" gap={4} style={{ ...list, paddingInlineStart: 'var(--mantine-spacing-md)' }}>
                    {messages.map((message) => {
                      const objective = objectives.find((candidate) => candidate.id === message.objectiveId);
                      return (
                        <Group key={message.id} component="li" justify="space-between" wrap="nowrap" align="start">
                          <Stack gap={2}>
                            <LocalizedValue value={message.message} fallbacks={languages} size="sm" />
                            {objective ? (
                              <Badge variant="light" color="gray.8" size="sm">
                                <LocalizedValue value={objective.title} fallbacks={languages} inherit />
                              </Badge>
                            ) : null}
                          </Stack>
                          {itemActions('key-messages', message, labelOf(message.message))}
                        </Group>
                      );
                    })}
                  </Stack>
                  {canWrite ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      style={{ alignSelf: 'start' }}
                      onClick={() => setEditing({ part: 'key-messages', fixed: { audienceId: audience.id } })}
                    >
                      {t('plan.add.key-messages')}
                    </Button>
                  ) : null}
                </Stack>
              </Paper>
            );
          })}
          {audiences.length === 0 ? <Text c="dimmed">{t('plan.empty')}</Text> : null}
        </Stack>
      </Section>

      <Section
        title={t('plan.section.channels')}
        addLabel={t('plan.add.channels')}
        onAdd={canWrite ? () => setEditing({ part: 'channels' }) : undefined}
      >
        <Stack component="ul" gap="xs" style={list}>
          {channels.map((channel) => (
            <Paper key={channel.id} withBorder p="sm" component="li">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs">
                  <LocalizedValue value={channel.name} fallbacks={languages} fw={600} />
                  <Badge variant="filled" color="gray.7">
                    {t(`plan.channelKind.${channel.kind}`)}
                  </Badge>
                </Group>
                {itemActions('channels', channel, labelOf(channel.name))}
              </Group>
            </Paper>
          ))}
          {channels.length === 0 ? <Text c="dimmed">{t('plan.empty')}</Text> : null}
        </Stack>
      </Section>

      <Section
        title={t('plan.section.indicators')}
        addLabel={t('plan.add.indicators')}
        onAdd={canWrite ? () => setEditing({ part: 'indicators' }) : undefined}
      >
        <Stack component="ul" gap="xs" style={list}>
          {indicators.map((indicator) => (
            <IndicatorCard
              key={indicator.id}
              workspaceId={workspace.id}
              indicator={indicator}
              languages={languages}
              canWrite={canWrite}
              actions={itemActions('indicators', indicator, labelOf(indicator.name))}
            />
          ))}
          {indicators.length === 0 ? <Text c="dimmed">{t('plan.empty')}</Text> : null}
        </Stack>
      </Section>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        size="xl"
        title={editing ? t(`plan.${editing.initial ? 'edit' : 'add'}.${editing.part}`) : ''}
      >
        {editing ? (
          <PlanItemForm
            workspaceId={workspace.id}
            languages={languages}
            part={editing.part}
            initial={editing.initial}
            fixed={editing.fixed}
            objectives={objectiveOptions}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
