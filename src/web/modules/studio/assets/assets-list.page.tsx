/**
 * The asset library: thumbnails newest first, a folded search (Arabic letter variants, French
 * accents), filters by tag, organisation, campaign, language and kind, a "usable for" filter that
 * shows what pickers will offer, consent warnings as badges, and the upload dialog.
 */
import { AspectRatio, Badge, Button, Card, Group, Image, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ASSET_KINDS, CONSENT_USES, type ConsentUse } from '../../../../shared/studio/assets.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useOrganisationPages } from '../../directory/directory-api.js';
import { StudioNav } from '../studio-nav.js';
import { AssetUploadDialog } from './asset-upload-dialog.js';
import { type Asset, assetThumbnailUrl, useAssetPages, useAssetTags, useCampaignChoices } from './assets-api.js';
import { ConsentBadge } from './consent-badge.js';

function labelOf(text: Record<string, { value: string }>, locale: string): string {
  return text[locale]?.value || Object.values(text).find((entry) => entry.value)?.value || '—';
}

function AssetCard({
  asset,
  workspaceId,
  href,
  languages,
}: {
  asset: Asset;
  workspaceId: string;
  href: string;
  languages: readonly string[];
}) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="xs" component={Link} href={href} data-testid="asset-card">
      <Card.Section>
        <AspectRatio ratio={4 / 3} bg="gray.1">
          {asset.thumbnailFileId ? (
            // The title below names the card's link; the picture itself adds nothing for a screen reader.
            <Image src={assetThumbnailUrl(workspaceId, asset.id)} alt="" fit="cover" />
          ) : (
            <Text fw={700} c="dimmed" ta="center">
              {t('assets.kind.document')}
            </Text>
          )}
        </AspectRatio>
      </Card.Section>
      <LocalizedValue value={asset.title} fallbacks={languages} fw={600} size="sm" mt="xs" lineClamp={2} />
      <Group gap={4} mt={4}>
        <ConsentBadge status={asset.consent.status} />
        {asset.kind === 'document' ? <Badge color="gray.7">PDF</Badge> : null}
      </Group>
    </Card>
  );
}

export function AssetsPage() {
  const { t, locale } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [, navigate] = useLocation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [tag, setTag] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [use, setUse] = useState<string | null>(null);
  const [isUploading, setUploading] = useState(false);
  const languages = workspace.contentLanguages;
  const pages = useAssetPages(workspace.id, {
    q: q || undefined,
    tag: tag ?? undefined,
    organisationId: organisationId ?? undefined,
    campaignId: campaignId ?? undefined,
    language: language ?? undefined,
    kind: kind ?? undefined,
    use: (use as ConsentUse | null) ?? undefined,
  });
  const tags = useAssetTags(workspace.id);
  const organisations = useOrganisationPages(workspace.id, {}, 100);
  const campaigns = useCampaignChoices(workspace.id);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <StudioNav active="assets" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('assets.title')}
        </Title>
        {can('studio:write') ? <Button onClick={() => setUploading(true)}>{t('assets.upload.open')}</Button> : null}
      </Group>
      <Group align="end" gap="sm">
        <TextInput
          type="search"
          label={t('web.action.search')}
          placeholder={t('assets.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          dir="auto"
          w={240}
        />
        <Select
          label={t('assets.field.tags')}
          placeholder={t('web.filter.all')}
          clearable
          searchable
          value={tag}
          onChange={setTag}
          data={tags.data?.tags ?? []}
          w={160}
        />
        <Select
          label={t('assets.field.organisation')}
          placeholder={t('web.filter.all')}
          clearable
          searchable
          value={organisationId}
          onChange={setOrganisationId}
          data={(organisations.data?.pages[0]?.items ?? []).map((item) => ({
            value: item.id,
            label: labelOf(item.name as Record<string, { value: string }>, locale),
          }))}
          w={220}
        />
        <Select
          label={t('assets.field.campaign')}
          placeholder={t('web.filter.all')}
          clearable
          searchable
          value={campaignId}
          onChange={setCampaignId}
          data={(campaigns.data?.items ?? []).map((item) => ({ value: item.id, label: labelOf(item.title, locale) }))}
          w={220}
        />
        <Select
          label={t('assets.field.language')}
          placeholder={t('web.filter.all')}
          clearable
          value={language}
          onChange={setLanguage}
          data={languages.map((value) => ({ value, label: t(`public.languageName.${value}`) }))}
          w={140}
        />
        <Select
          label={t('assets.field.kind')}
          placeholder={t('web.filter.all')}
          clearable
          value={kind}
          onChange={setKind}
          data={ASSET_KINDS.map((value) => ({ value, label: t(`assets.kind.${value}`) }))}
          w={140}
        />
        <Select
          label={t('assets.filter.usableFor')}
          placeholder={t('assets.filter.anyUse')}
          clearable
          value={use}
          onChange={setUse}
          data={CONSENT_USES.map((value) => ({ value, label: t(`assets.consent.use.${value}`) }))}
          w={180}
        />
      </Group>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('assets.shown', { count: items.length })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4, lg: 5 }} spacing="sm">
            {items.map((asset) => (
              <AssetCard
                key={asset.id}
                asset={asset}
                workspaceId={workspace.id}
                href={href(`/studio/assets/${asset.id}`)}
                languages={languages}
              />
            ))}
          </SimpleGrid>
          {items.length === 0 ? <Text c="dimmed">{t('assets.empty')}</Text> : null}
        </>
      )}
      <LoadMoreButton pages={pages} />
      {isUploading ? (
        <AssetUploadDialog
          workspaceId={workspace.id}
          languages={languages}
          isOpen
          onClose={() => setUploading(false)}
          onAdded={(asset) => navigate(href(`/studio/assets/${asset.id}`))}
        />
      ) : null}
    </Stack>
  );
}
