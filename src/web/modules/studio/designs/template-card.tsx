/** A template to choose by sight: its sample drawn in the workspace's brand kit, its name and size. */
import { AspectRatio, Badge, Card, Group, Image, Text, UnstyledButton } from '@mantine/core';
import type { Translate } from '../../../../shared/i18n/translator.js';
import type { RenderVariant } from '../../../../shared/render/render.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type DesignTemplate, templateThumbnailUrl } from './designs-api.js';

/** "1080 × 1920 px", or "A3 · 1240 × 1754 px" for printed pieces. */
export function sizeLabel(template: DesignTemplate, t: Translate): string {
  const pixels = t('designs.size', { width: template.png.width, height: template.png.height });
  return template.paper ? `${t(`designs.paper.${template.paper}`)} · ${pixels}` : pixels;
}

export function TemplateCard({
  workspaceId,
  template,
  variant,
  isSelected,
  onSelect,
}: {
  workspaceId: string;
  template: DesignTemplate;
  variant: RenderVariant;
  isSelected: boolean;
  onSelect(): void;
}) {
  const { t, locale } = useI18n();
  return (
    <UnstyledButton onClick={onSelect} aria-pressed={isSelected} data-testid={`template-${template.name}`}>
      <Card withBorder padding="xs" style={isSelected ? { outline: '3px solid var(--mantine-primary-color-filled)' } : undefined}>
        <Card.Section>
          <AspectRatio ratio={4 / 3} bg="gray.1">
            <Image src={templateThumbnailUrl(workspaceId, template.name, variant)} alt="" fit="contain" loading="lazy" />
          </AspectRatio>
        </Card.Section>
        <Text fw={600} size="sm" mt="xs">
          {template.title[locale]}
        </Text>
        <Group gap={4} mt={4}>
          <Badge variant="outline" color="gray" size="sm">
            {sizeLabel(template, t)}
          </Badge>
        </Group>
      </Card>
    </UnstyledButton>
  );
}
