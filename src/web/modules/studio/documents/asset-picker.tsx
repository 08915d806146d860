/**
 * Chooses a picture of the asset library for a document: only images usable in print (a photo of
 * people without a current consent for print is never offered; the API warns about images whose
 * consent expires later). The picked asset's description in the document's language comes with it.
 */
import { AspectRatio, Card, Image, Modal, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type Asset, assetThumbnailUrl, useAssetPages } from '../assets/assets-api.js';

export interface AssetPickerProps {
  workspaceId: string;
  /** The document language the image goes in (its description is taken in that language). */
  language: string;
  languages: readonly string[];
  onPick(picked: { assetId: string; alt: string | null }): void;
  onClose(): void;
}

const altOf = (asset: Asset, language: string): string | null => asset.alt[language]?.value?.trim() || null;

export function AssetPicker({ workspaceId, language, languages, onPick, onClose }: AssetPickerProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const pages = useAssetPages(workspaceId, { use: 'print', kind: 'image', ...(q ? { q } : {}) });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Modal opened onClose={onClose} title={t('studioDocuments.image.pickerTitle')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('studioDocuments.image.pickerHint')}
        </Text>
        <TextInput
          label={t('studioDocuments.image.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          dir="auto"
          data-autofocus
        />
        {pages.isPending ? (
          <PageLoader />
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
            {items.map((asset) => (
              <UnstyledButton
                key={asset.id}
                onClick={() => onPick({ assetId: asset.id, alt: altOf(asset, language) })}
                data-testid="document-picker-asset"
              >
                <Card withBorder padding="xs">
                  <Card.Section>
                    <AspectRatio ratio={4 / 3} bg="gray.1">
                      <Image src={assetThumbnailUrl(workspaceId, asset.id)} alt="" fit="cover" />
                    </AspectRatio>
                  </Card.Section>
                  <LocalizedValue value={asset.title} fallbacks={languages} size="sm" mt="xs" lineClamp={2} />
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        )}
        {!pages.isPending && items.length === 0 ? <Text c="dimmed">{t('studioDocuments.image.none')}</Text> : null}
        <LoadMoreButton pages={pages} />
      </Stack>
    </Modal>
  );
}
