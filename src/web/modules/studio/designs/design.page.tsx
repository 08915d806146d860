/**
 * One design: its form on one side and the live preview on the other (mirrored in Arabic by the
 * page's direction), redrawn about 400 ms after the last change with the previous picture kept until
 * the new one arrives; the language variant switch; save, duplicate, delete, and PNG/PDF export of
 * the saved design.
 */
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  Image,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useRoute } from 'wouter';
import type { RenderVariant } from '../../../../shared/render/render.schema.js';
import { DESIGN_LIMITS } from '../../../../shared/studio/designs.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, errorMessage, fieldsFromApiError } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { StudioNav } from '../studio-nav.js';
import { DesignForm, type DesignFormData } from './design-form.js';
import {
  type Design,
  type DesignTemplate,
  deleteDesign,
  designExportUrl,
  designKeys,
  duplicateDesign,
  updateDesign,
  useDesign,
  useDesignPreview,
  useDesignTemplates,
} from './designs-api.js';
import { sizeLabel } from './template-card.js';

/** Preview widths are rounded to this step, so small resizes reuse the cached picture. */
const WIDTH_STEP = 80;

function previewWidthFor(panelWidth: number): number {
  const rounded = Math.ceil(panelWidth / WIDTH_STEP) * WIDTH_STEP;
  return Math.min(DESIGN_LIMITS.previewWidthMax, Math.max(DESIGN_LIMITS.previewWidthMin, rounded));
}

function DesignEditor({ initial, template }: { initial: Design; template: DesignTemplate }) {
  const { t, locale } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [variant, setVariant] = useState<RenderVariant>(initial.variant);
  const [data, setData] = useState<DesignFormData>(initial.data);
  const [isDeleting, setDeleting] = useState(false);
  const { ref: panel, width: panelWidth } = useElementSize();
  const isReadOnly = !can('studio:write');
  const isDirty = title !== saved.title || variant !== saved.variant || JSON.stringify(data) !== JSON.stringify(saved.data);
  const preview = useDesignPreview(
    workspace.id,
    panelWidth > 0 ? { template: template.name, variant, data, width: previewWidthFor(panelWidth) } : null,
  );

  const save = useMutation({
    mutationFn: () => updateDesign(workspace.id, saved.id, { title, variant, data, expectedUpdatedAt: saved.updatedAt }),
    onSuccess: (design) => {
      setSaved(design);
      setData(design.data);
      queryClient.setQueryData(designKeys.one(workspace.id, design.id), design);
      void queryClient.invalidateQueries({ queryKey: designKeys.all(workspace.id) });
    },
  });
  const duplicate = useMutation({
    mutationFn: () => duplicateDesign(workspace.id, saved.id, t('designs.copyTitle', { title: saved.title })),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: designKeys.all(workspace.id) });
      navigate(href(`/studio/designs/${copy.id}`));
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteDesign(workspace.id, saved.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: designKeys.all(workspace.id) });
      navigate(href('/studio'));
    },
  });
  const fields = { ...fieldsFromApiError(preview.error), ...fieldsFromApiError(save.error) };
  const problems = Object.keys(saved.assetProblems);

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <TextInput
          label={t('designs.name')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fields.title}
          readOnly={isReadOnly}
          dir="auto"
          w={{ base: '100%', sm: 420 }}
        />
        <Group gap="xs">
          <Badge variant="light">{template.title[locale]}</Badge>
          <Badge variant="outline" color="gray">
            {sizeLabel(template, t)}
          </Badge>
        </Group>
      </Group>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('designs.variant.label')}
          value={variant}
          onChange={(value) => setVariant(value as RenderVariant)}
          disabled={isReadOnly}
          data={template.variants.map((value) => ({ value, label: t(`designs.variant.${value}`) }))}
        />
        <Group gap="xs">
          {isReadOnly ? null : (
            <>
              <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!isDirty}>
                {t('designs.save')}
              </Button>
              <Button variant="default" onClick={() => duplicate.mutate()} loading={duplicate.isPending}>
                {t('designs.duplicate')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
                {t('designs.delete')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <ErrorAlert error={save.error ?? duplicate.error ?? remove.error} />
      {problems.length > 0 ? (
        <Alert color="orange" title={t('designs.problems.title')}>
          {problems.map((field) => (
            <Text key={field} size="sm">
              {t(`designs.field.${field.replace(/^data\./, '')}`)} — {t(`fieldErrors.${saved.assetProblems[field]}`)}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DesignForm
            workspaceId={workspace.id}
            template={template}
            variant={variant}
            data={data}
            fields={fields}
            languages={workspace.contentLanguages}
            isReadOnly={isReadOnly}
            onChange={setData}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xs" pos="sticky" top={16}>
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('designs.preview.title')}
              </Title>
              <Group gap="xs">
                {template.formats.map((format) =>
                  // A link to the saved design once saved; a disabled button while changes are unsaved.
                  isDirty ? (
                    <Button key={format} variant="light" size="xs" disabled>
                      {t(`designs.export.${format}`)}
                    </Button>
                  ) : (
                    <Button
                      key={format}
                      component="a"
                      href={designExportUrl(workspace.id, saved.id, format)}
                      download
                      variant="light"
                      size="xs"
                    >
                      {t(`designs.export.${format}`)}
                    </Button>
                  ),
                )}
              </Group>
            </Group>
            {isDirty && !isReadOnly ? (
              <Text size="xs" c="dimmed">
                {t('designs.export.saveFirst')}
              </Text>
            ) : null}
            <Box ref={panel} pos="relative" bg="gray.1" mih={240} data-testid="design-preview" data-rendering={preview.isRendering}>
              {preview.url ? (
                // Tall formats (story, poster, flyer) shrink to the window's height, whole.
                <Image src={preview.url} alt={t('designs.preview.alt')} fit="contain" mah="calc(100vh - 9rem)" />
              ) : null}
              {preview.isRendering ? (
                <Group pos="absolute" top={8} style={{ insetInlineEnd: 8 }} gap={6} bg="white" px="xs" py={4}>
                  <Loader size="xs" />
                  <Text size="xs" role="status">
                    {t('designs.preview.rendering')}
                  </Text>
                </Group>
              ) : null}
            </Box>
            {preview.error ? (
              <Alert color="yellow" role="status" title={t('designs.preview.failed')}>
                {Object.keys(fieldsFromApiError(preview.error)).length > 0 ? (
                  Object.entries(fieldsFromApiError(preview.error)).map(([path, message]) => (
                    <Text key={path} size="sm">
                      {fieldName(path, t)} — {message}
                    </Text>
                  ))
                ) : (
                  <Text size="sm">{errorMessage(preview.error, t)}</Text>
                )}
              </Alert>
            ) : null}
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={isDeleting} onClose={() => setDeleting(false)} title={t('designs.deleteConfirm.title')}>
        <Stack>
          <Text>{t('designs.deleteConfirm.text', { title: saved.title })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('web.action.cancel')}
            </Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('designs.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** "Titre (arabe)" for `data.title.ar`. */
function fieldName(path: string, t: (key: string, params?: Record<string, unknown>) => string): string {
  const [, key, language] = path.split('.');
  if (!key) return path;
  const field = t(`designs.field.${key}`);
  return language ? t('designs.fieldInLanguage', { field, language: t(`designs.language.${language}`) }) : field;
}

export function DesignPage() {
  const { t } = useI18n();
  const { workspace, href } = useWorkspace();
  const [, params] = useRoute<{ designId: string }>('/w/:workspaceId/studio/designs/:designId');
  const designId = params?.designId ?? '';
  const design = useDesign(workspace.id, designId);
  const templates = useDesignTemplates(workspace.id);
  const template = templates.data?.items.find((item) => item.name === design.data?.template);
  return (
    <Stack>
      <StudioNav active="designs" />
      <Anchor component={Link} href={href('/studio')} size="sm">
        {t('designs.back')}
      </Anchor>
      <ErrorAlert error={design.error ?? templates.error} />
      {design.data && template ? <DesignEditor key={design.data.id} initial={design.data} template={template} /> : null}
      {design.isPending || templates.isPending ? <PageLoader /> : null}
    </Stack>
  );
}
