/** Retro-planning templates: the shipped ones, the workspace's edits of them and its own; edit, create, delete or reset. */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWorkspace } from '../../../../app/workspace-context.js';
import { ErrorAlert } from '../../../../components/form-errors.js';
import { LocalizedValue } from '../../../../components/localized-value.js';
import { PageLoader } from '../../../../components/page-loader.js';
import { useT } from '../../../../i18n/i18n-context.js';
import { TemplatePreview } from '../template-preview.js';
import { TemplateEditor } from './template-editor.js';
import { createTemplate, deleteTemplate, replaceTemplate, templateKeys, useTemplates } from './templates-api.js';

export function TemplatesPage() {
  const t = useT();
  const { workspace, can } = useWorkspace();
  const languages = workspace.contentLanguages;
  const queryClient = useQueryClient();
  const templates = useTemplates(workspace.id);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const canWrite = can('templates:write');
  const save = useMutation({
    mutationFn: ({ isNew, body }: { isNew: boolean; body: Parameters<typeof createTemplate>[1] }) =>
      isNew
        ? createTemplate(workspace.id, body)
        : replaceTemplate(workspace.id, body.key, { name: body.name, description: body.description, milestones: body.milestones }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: templateKeys.all(workspace.id) });
      setEditing(null);
    },
  });
  const remove = useMutation({
    mutationFn: (key: string) => deleteTemplate(workspace.id, key),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all(workspace.id) }),
  });

  if (templates.isPending) return <PageLoader />;
  const items = templates.data?.items ?? [];
  const current = items.find((item) => item.key === editing);
  if (editing && (editing === 'new' || current)) {
    return (
      <Stack maw={1100}>
        <Title order={1} size="h2">
          {editing === 'new' ? t('campaigns.template.new') : t('campaigns.template.edit')}
        </Title>
        <TemplateEditor
          key={editing}
          initial={current}
          languages={languages}
          isNew={editing === 'new'}
          isSubmitting={save.isPending}
          error={save.error}
          onSubmit={(body) => save.mutate({ isNew: editing === 'new', body })}
          onCancel={() => {
            save.reset();
            setEditing(null);
          }}
        />
      </Stack>
    );
  }
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('campaigns.template.title')}
        </Title>
        {canWrite ? <Button onClick={() => setEditing('new')}>{t('campaigns.template.new')}</Button> : null}
      </Group>
      <Text c="dimmed">{t('campaigns.template.intro')}</Text>
      <ErrorAlert error={templates.error ?? remove.error} />
      {items.map((template) => (
        <Paper key={template.key} withBorder p="md" component="section" aria-labelledby={`template-${template.key}`}>
          <Stack gap="xs">
            <Group justify="space-between" align="start">
              <Stack gap={2}>
                <Title order={2} size="h4" id={`template-${template.key}`}>
                  <LocalizedValue value={template.name} fallbacks={languages} inherit />
                </Title>
                <LocalizedValue value={template.description} fallbacks={languages} size="sm" c="dimmed" empty="" />
              </Stack>
              <Group gap="xs">
                <Badge
                  color={template.source === 'workspace' ? 'blue.9' : template.source === 'customized' ? 'grape.9' : 'gray.7'}
                  variant="filled"
                >
                  {t(`campaigns.template.source.${template.source}`)}
                </Badge>
                {canWrite ? (
                  <>
                    <Button size="xs" variant="default" onClick={() => setEditing(template.key)}>
                      {t('web.action.edit')}
                    </Button>
                    {template.source !== 'shipped' ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={remove.isPending && remove.variables === template.key}
                        onClick={() => remove.mutate(template.key)}
                      >
                        {template.source === 'customized' ? t('campaigns.template.reset') : t('campaigns.template.delete')}
                      </Button>
                    ) : null}
                  </>
                ) : null}
              </Group>
            </Group>
            <TemplatePreview template={template} languages={languages} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
