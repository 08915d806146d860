/**
 * One asset: preview and download, its metadata per language side by side, the consent records of
 * the people it shows, and where it is used — with a warning when it is used while its consent has
 * expired or is missing.
 */
import { Alert, Anchor, Badge, Button, Group, Image, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { AssetUpdateSchema } from '../../../../shared/studio/assets.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { StudioNav } from '../studio-nav.js';
import { AssetConsents } from './asset-consents.js';
import { type AssetMetadata, AssetMetadataFields, metadataOf } from './asset-metadata-fields.js';
import { type Asset, assetDownloadUrl, assetKeys, updateAsset, useAsset, useAssetUsage } from './assets-api.js';
import { ConsentBadge } from './consent-badge.js';

function MetadataPanel({ asset, workspaceId, languages }: { asset: Asset; workspaceId: string; languages: readonly string[] }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [metadata, setMetadata] = useState<AssetMetadata>(() => metadataOf(asset, languages));
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateAsset>[2]) =>
      updateAsset(workspaceId, asset.id, { ...body, expectedUpdatedAt: asset.updatedAt }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(assetKeys.one(workspaceId, asset.id), saved);
      await queryClient.invalidateQueries({ queryKey: assetKeys.all(workspaceId) });
      await queryClient.invalidateQueries({ queryKey: assetKeys.usage(workspaceId, asset.id) });
    },
  });
  const archive = useMutation({
    mutationFn: () => updateAsset(workspaceId, asset.id, { isArchived: !asset.isArchived }),
    onSuccess: (saved) => queryClient.setQueryData(assetKeys.one(workspaceId, asset.id), saved),
  });
  const fields = { ...fieldsFromApiError(save.error), ...clientFields };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = AssetUpdateSchema.safeParse(metadata);
        setClientFields(parsed.success ? {} : fieldsFromZod(parsed.error, t));
        if (parsed.success && !save.isPending) save.mutate(parsed.data);
      }}
    >
      <Stack>
        <Title order={2} size="h4">
          {t('assets.detail.metadata')}
        </Title>
        <ErrorAlert error={save.error ?? archive.error} />
        <AssetMetadataFields
          workspaceId={workspaceId}
          value={metadata}
          onChange={setMetadata}
          languages={languages}
          fields={fields}
          isDisabled={!asset.canEdit}
        />
        {asset.canEdit ? (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('web.action.save')}
            </Button>
            <Button variant="default" onClick={() => archive.mutate()} loading={archive.isPending}>
              {asset.isArchived ? t('web.action.restore') : t('web.action.archive')}
            </Button>
            {save.isSuccess ? (
              <Text size="sm" role="status">
                {t('web.action.saved')}
              </Text>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}

export function AssetPage() {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const { assetId = '' } = useParams<{ assetId: string }>();
  const asset = useAsset(workspace.id, assetId);
  const usage = useAssetUsage(workspace.id, assetId);
  const languages = workspace.contentLanguages;
  if (asset.isPending) return <PageLoader />;
  if (!asset.data) return <ErrorAlert error={asset.error} />;
  const data = asset.data;
  const usedIn = (usage.data?.designs.length ?? 0) + (usage.data?.documents.length ?? 0);

  return (
    <Stack>
      <StudioNav active="assets" />
      <Anchor component={Link} href={href('/studio/assets')} size="sm">
        {t('assets.backToList')}
      </Anchor>
      <LocalizedValue component="h1" value={data.title} fallbacks={languages} fw={700} size="xl" m={0} />
      <Group gap="xs">
        <ConsentBadge status={data.consent.status} isHiddenWhenNotRequired={false} />
        <Badge color="gray.7">{t(`assets.kind.${data.kind}`)}</Badge>
        {data.isArchived ? <Badge color="gray.7">{t('web.status.archived')}</Badge> : null}
      </Group>
      {usage.data?.warning ? (
        <Alert color="red" role="alert" title={t(`assets.usage.warning.${usage.data.warning}`)}>
          {t('assets.usage.warningHelp', { count: usedIn })}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack>
          <Paper withBorder p="sm" bg="gray.0">
            {data.kind === 'image' ? (
              <Image
                src={`/api/workspaces/${workspace.id}/files/${data.fileId}`}
                alt={pickLocalized(data.alt as LocalizedText, locale, languages)?.value ?? ''}
                fit="contain"
                mah={480}
              />
            ) : (
              <Text ta="center" p="xl" fw={700}>
                PDF
              </Text>
            )}
          </Paper>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {/* Each part isolated: a Latin file name and numbers inside an Arabic line keep their order. */}
              <bdi>{data.originalName}</bdi>
              {data.width && data.height ? (
                <>
                  {' · '}
                  <bdi>{t('assets.dimensions', { width: formatNumber(data.width), height: formatNumber(data.height) })}</bdi>
                </>
              ) : null}
              {' · '}
              <bdi>{t('assets.sizeKb', { size: formatNumber(Math.max(1, Math.round(data.byteSize / 1024))) })}</bdi>
            </Text>
            <Button component="a" href={assetDownloadUrl(workspace.id, data.id)} variant="default">
              {t('assets.detail.download')}
            </Button>
          </Group>
          <Paper withBorder p="md">
            {can('studio:write') ? (
              <AssetConsents workspaceId={workspace.id} asset={data} />
            ) : (
              <Text size="sm">
                {data.consent.status === 'not_required'
                  ? t('assets.consent.notRequired')
                  : t(`assets.consent.status.${data.consent.status}`)}
              </Text>
            )}
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="asset-usage">
            <Title order={2} size="h4" id="asset-usage" mb="xs">
              {t('assets.usage.title')}
            </Title>
            {usedIn === 0 ? <Text c="dimmed">{t('assets.usage.none')}</Text> : null}
            <Stack gap={4}>
              {usage.data?.designs.map((design) => (
                <Anchor key={design.id} component={Link} href={href(`/studio/designs/${design.id}`)}>
                  <bdi>{design.title}</bdi> · {t('assets.usage.design')} · {formatDate(design.updatedAt)}
                </Anchor>
              ))}
              {usage.data?.documents.map((document) => (
                <Anchor key={document.id} component={Link} href={href(`/studio/documents/${document.id}`)}>
                  <LocalizedValue value={document.title} fallbacks={languages} inherit /> · {t('assets.usage.document')}
                </Anchor>
              ))}
            </Stack>
          </Paper>
        </Stack>
        <Paper withBorder p="md">
          <MetadataPanel key={data.id} asset={data} workspaceId={workspace.id} languages={languages} />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
