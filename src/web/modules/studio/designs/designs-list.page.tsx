/**
 * The workspace's visuals: saved designs last edited first, each with its first page drawn small,
 * a filter by template, and "new design" (a template chosen by its picture, in a language variant).
 */
import { AspectRatio, Badge, Button, Card, Group, Image, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { StudioNav } from '../studio-nav.js';
import { type Design, type DesignTemplate, designThumbnailUrl, useDesignPages, useDesignTemplates } from './designs-api.js';
import { NewDesignDialog } from './new-design-dialog.js';

function DesignCard({ design, template, href }: { design: Design; template?: DesignTemplate; href: string }) {
  const { t, locale, formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const [isBroken, setBroken] = useState(false);
  return (
    <Card withBorder padding="xs" component={Link} href={href} data-testid="design-card">
      <Card.Section>
        <AspectRatio ratio={1} bg="gray.1">
          {isBroken ? (
            // An unfinished draft (a text still missing) has no picture yet.
            <Text size="sm" c="dimmed" ta="center" p="sm">
              {t('designs.card.noPicture')}
            </Text>
          ) : (
            <Image
              src={designThumbnailUrl(workspace.id, design.id, design.updatedAt)}
              alt=""
              fit="contain"
              loading="lazy"
              onError={() => setBroken(true)}
            />
          )}
        </AspectRatio>
      </Card.Section>
      <Text fw={600} size="sm" mt="xs" lineClamp={2} dir="auto">
        {design.title}
      </Text>
      <Group gap={4} mt={4}>
        <Badge variant="light" size="sm">
          {template?.title[locale] ?? design.template}
        </Badge>
        <Badge variant="outline" color="gray" size="sm">
          {t(`designs.variant.${design.variant}`)}
        </Badge>
        {Object.keys(design.assetProblems).length > 0 ? (
          <Badge color="orange" size="sm">
            {t('designs.card.imageToReplace')}
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('designs.updated', { date: formatDate(design.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
      </Text>
    </Card>
  );
}

export function DesignsPage() {
  const { t, locale } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [, navigate] = useLocation();
  const [template, setTemplate] = useState<string | null>(null);
  const [isCreating, setCreating] = useState(false);
  const templates = useDesignTemplates(workspace.id);
  const pages = useDesignPages(workspace.id, template ?? undefined);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const templateItems = templates.data?.items ?? [];

  return (
    <Stack>
      <StudioNav active="designs" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('designs.title')}
        </Title>
        {can('studio:write') ? (
          <Button onClick={() => setCreating(true)} disabled={templateItems.length === 0}>
            {t('designs.new.open')}
          </Button>
        ) : null}
      </Group>
      <Select
        label={t('designs.filter.template')}
        placeholder={t('web.filter.all')}
        clearable
        value={template}
        onChange={setTemplate}
        data={templateItems.map((item) => ({ value: item.name, label: item.title[locale] }))}
        w={280}
      />
      <ErrorAlert error={pages.error ?? templates.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('designs.shown', { count: items.length })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4, lg: 5 }} spacing="sm">
            {items.map((design) => (
              <DesignCard
                key={design.id}
                design={design}
                template={templateItems.find((item) => item.name === design.template)}
                href={href(`/studio/designs/${design.id}`)}
              />
            ))}
          </SimpleGrid>
          {items.length === 0 ? <Text c="dimmed">{t('designs.empty')}</Text> : null}
        </>
      )}
      <LoadMoreButton pages={pages} />
      {isCreating ? (
        <NewDesignDialog
          workspaceId={workspace.id}
          templates={templateItems}
          onClose={() => setCreating(false)}
          onCreated={(design) => navigate(href(`/studio/designs/${design.id}`))}
        />
      ) : null}
    </Stack>
  );
}
