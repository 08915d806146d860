/**
 * An image field of a design: the chosen picture, and a picker showing only the library's images
 * usable for the template's use (the asset list in picker mode, `usable=true&use=…`), so a photo of
 * people without a current consent for that use is never offered.
 */
import { AspectRatio, Button, Card, Group, Image, Input, Modal, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { ConsentUse } from '../../../../shared/studio/assets.schema.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { assetThumbnailUrl, useAssetPages } from '../assets/assets-api.js';

export interface DesignImageFieldProps {
  workspaceId: string;
  label: string;
  use: ConsentUse;
  value: string | null;
  languages: readonly string[];
  error?: string;
  isReadOnly: boolean;
  onChange(assetId: string | null): void;
}

function ImagePicker({
  workspaceId,
  use,
  languages,
  onPick,
  onClose,
}: {
  workspaceId: string;
  use: ConsentUse;
  languages: readonly string[];
  onPick(id: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const pages = useAssetPages(workspaceId, { use, kind: 'image' });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Modal opened onClose={onClose} title={t('designs.image.pickerTitle', { use: t(`assets.consent.use.${use}`) })} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('designs.image.pickerHint')}
        </Text>
        {pages.isPending ? (
          <PageLoader />
        ) : (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
            {items.map((asset) => (
              <UnstyledButton key={asset.id} onClick={() => onPick(asset.id)} data-testid="picker-asset">
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
        {!pages.isPending && items.length === 0 ? <Text c="dimmed">{t('designs.image.none')}</Text> : null}
        <LoadMoreButton pages={pages} />
      </Stack>
    </Modal>
  );
}

export function DesignImageField({ workspaceId, label, use, value, languages, error, isReadOnly, onChange }: DesignImageFieldProps) {
  const { t } = useI18n();
  const [isPicking, setPicking] = useState(false);
  return (
    <Input.Wrapper label={label} error={error}>
      <Group gap="sm" align="center" mt={4}>
        {value ? (
          <Image src={assetThumbnailUrl(workspaceId, value)} alt={label} w={96} h={72} fit="cover" radius="sm" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('designs.image.empty')}
          </Text>
        )}
        {isReadOnly ? null : (
          <>
            <Button variant="light" size="xs" onClick={() => setPicking(true)}>
              {value ? t('designs.image.change') : t('designs.image.choose')}
            </Button>
            {value ? (
              <Button variant="subtle" color="red" size="xs" onClick={() => onChange(null)}>
                {t('designs.image.remove')}
              </Button>
            ) : null}
          </>
        )}
      </Group>
      {isPicking ? (
        <ImagePicker
          workspaceId={workspaceId}
          use={use}
          languages={languages}
          onClose={() => setPicking(false)}
          onPick={(id) => {
            onChange(id);
            setPicking(false);
          }}
        />
      ) : null}
    </Input.Wrapper>
  );
}
