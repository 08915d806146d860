/** "New design": a template chosen by its picture, a language variant and a name; opens the design. */
import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { RENDER_VARIANTS, type RenderVariant } from '../../../../shared/render/render.schema.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { createDesign, type Design, type DesignTemplate } from './designs-api.js';
import { TemplateCard } from './template-card.js';

export interface NewDesignDialogProps {
  workspaceId: string;
  templates: DesignTemplate[];
  onClose(): void;
  onCreated(design: Design): void;
}

export function NewDesignDialog({ workspaceId, templates, onClose, onCreated }: NewDesignDialogProps) {
  const { t, locale, formatDate } = useI18n();
  const [variant, setVariant] = useState<RenderVariant>('bilingual');
  const [templateName, setTemplateName] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const chosen = templates.find((template) => template.name === templateName);
  const create = useMutation({
    mutationFn: () =>
      createDesign(workspaceId, {
        title: title.trim() || t('designs.new.defaultName', { template: chosen?.title[locale] ?? '', date: formatDate(new Date()) }),
        template: templateName ?? '',
        variant,
        data: {},
      }),
    onSuccess: onCreated,
  });
  const fields = fieldsFromApiError(create.error);
  return (
    <Modal opened onClose={onClose} title={t('designs.new.title')} size="80rem">
      <Stack>
        <Group justify="space-between" align="end">
          <SegmentedControl
            aria-label={t('designs.variant.label')}
            value={variant}
            onChange={(value) => setVariant(value as RenderVariant)}
            data={RENDER_VARIANTS.map((value) => ({ value, label: t(`designs.variant.${value}`) }))}
          />
          <TextInput
            label={t('designs.name')}
            placeholder={
              chosen ? t('designs.new.defaultName', { template: chosen.title[locale], date: formatDate(new Date()) }) : undefined
            }
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={fields.title}
            dir="auto"
            w={360}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('designs.new.chooseTemplate')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
          {templates.map((template) => (
            <TemplateCard
              key={template.name}
              workspaceId={workspaceId}
              template={template}
              variant={variant}
              isSelected={template.name === templateName}
              onSelect={() => setTemplateName(template.name)}
            />
          ))}
        </SimpleGrid>
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('web.action.cancel')}
          </Button>
          <Button onClick={() => create.mutate()} loading={create.isPending} disabled={!chosen}>
            {t('designs.new.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
