/**
 * The post's photos: up to ten, in order, from the asset library (only photos whose people agreed to
 * social use are offered) or from the studio's designs (rendered into the library by the server, which
 * refuses a design whose photos' people do not agree — said here in words). A photo that can no longer
 * go out (consent expired or withdrawn since) is marked with the reason.
 */
import {
  ActionIcon,
  Alert,
  AspectRatio,
  Badge,
  Button,
  Card,
  Group,
  Image,
  Input,
  Modal,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { SOCIAL_POST_LIMITS } from '../../../../shared/social/posts.schema.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { assetThumbnailUrl, useAssetPages } from '../../studio/assets/assets-api.js';
import { designThumbnailUrl, useDesignPages } from '../../studio/designs/designs-api.js';
import { attachDesign } from './posts-api.js';

export interface PostPhotosFieldProps {
  workspaceId: string;
  assetIds: readonly string[];
  onChange(assetIds: string[]): void;
  languages: readonly string[];
  /** Problems the server found with saved photos now (asset id → code). */
  problems: Readonly<Record<string, string>>;
  /** Field messages of the last save (`assetIds.<index>` → message). */
  fields: Record<string, string>;
  isDisabled: boolean;
}

function LibraryTab({
  workspaceId,
  languages,
  chosen,
  onPick,
}: {
  workspaceId: string;
  languages: readonly string[];
  chosen: readonly string[];
  onPick(id: string): void;
}) {
  const { t, formatDate } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const pages = useAssetPages(workspaceId, { use: 'social', kind: 'image', ...(q ? { q } : {}) });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('socialPosts.photos.libraryHint')}
      </Text>
      <TextInput
        label={t('socialPosts.photos.search')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        dir="auto"
      />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm">
          {items.map((asset) => {
            const isChosen = chosen.includes(asset.id);
            return (
              <UnstyledButton
                key={asset.id}
                onClick={() => onPick(asset.id)}
                disabled={isChosen}
                aria-pressed={isChosen}
                data-testid="post-picker-asset"
              >
                <Card withBorder padding="xs" style={isChosen ? { opacity: 0.55 } : undefined}>
                  <Card.Section>
                    <AspectRatio ratio={4 / 3} bg="gray.1">
                      <Image src={assetThumbnailUrl(workspaceId, asset.id)} alt="" fit="cover" />
                    </AspectRatio>
                  </Card.Section>
                  <LocalizedValue value={asset.title} fallbacks={languages} size="sm" mt="xs" lineClamp={2} />
                  {asset.consent.expiresOn && asset.consent.status === 'valid' ? (
                    <Text size="xs" c="dimmed">
                      {t('socialPosts.photos.consentUntil', {
                        date: formatDate(asset.consent.expiresOn, { dateStyle: 'medium', timeZone: 'UTC' }),
                      })}
                    </Text>
                  ) : null}
                </Card>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}
      {!pages.isPending && items.length === 0 ? <Text c="dimmed">{t('socialPosts.photos.noneUsable')}</Text> : null}
      <LoadMoreButton pages={pages} />
    </Stack>
  );
}

function DesignsTab({ workspaceId, onPick }: { workspaceId: string; onPick(assetId: string): void }) {
  const { t } = useI18n();
  const pages = useDesignPages(workspaceId);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const attach = useMutation({
    mutationFn: (designId: string) => attachDesign(workspaceId, designId),
    onSuccess: (photo) => onPick(photo.assetId),
  });
  const refusal = fieldsFromApiError(attach.error).designId;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('socialPosts.photos.designsHint')}
      </Text>
      {refusal ? (
        <Alert color="red" role="alert" title={t('socialPosts.photos.designRefused')}>
          {refusal}
        </Alert>
      ) : (
        <ErrorAlert error={attach.error} />
      )}
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          {items.map((design) => {
            const hasProblems = Object.keys(design.assetProblems).length > 0;
            const isAttaching = attach.isPending && attach.variables === design.id;
            return (
              <UnstyledButton
                key={design.id}
                onClick={() => attach.mutate(design.id)}
                disabled={attach.isPending}
                aria-busy={isAttaching}
                data-testid="post-picker-design"
              >
                <Card withBorder padding="xs">
                  <Card.Section>
                    <AspectRatio ratio={1} bg="gray.1">
                      <Image src={designThumbnailUrl(workspaceId, design.id, design.updatedAt)} alt="" fit="contain" />
                    </AspectRatio>
                  </Card.Section>
                  <Text size="sm" mt="xs" lineClamp={2} dir="auto">
                    {design.title}
                  </Text>
                  {hasProblems ? (
                    <Badge color="red.9" variant="filled" mt={4}>
                      {t('socialPosts.photos.designConsent')}
                    </Badge>
                  ) : null}
                  {isAttaching ? (
                    <Text size="xs" c="dimmed" role="status">
                      {t('socialPosts.photos.rendering')}
                    </Text>
                  ) : null}
                </Card>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}
      {!pages.isPending && items.length === 0 ? <Text c="dimmed">{t('socialPosts.photos.noDesigns')}</Text> : null}
      <LoadMoreButton pages={pages} />
    </Stack>
  );
}

function PhotoPicker({
  workspaceId,
  languages,
  chosen,
  onPick,
  onClose,
}: {
  workspaceId: string;
  languages: readonly string[];
  chosen: readonly string[];
  onPick(assetId: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const remaining = SOCIAL_POST_LIMITS.photos - chosen.length;
  return (
    <Modal opened onClose={onClose} title={t('socialPosts.photos.pickerTitle')} size="xl">
      <Stack>
        <Text size="sm" role="status">
          {t('socialPosts.photos.remaining', { count: remaining })}
        </Text>
        <Tabs defaultValue="library" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="library">{t('socialPosts.photos.library')}</Tabs.Tab>
            <Tabs.Tab value="designs">{t('socialPosts.photos.designs')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="library" pt="sm">
            <LibraryTab workspaceId={workspaceId} languages={languages} chosen={chosen} onPick={onPick} />
          </Tabs.Panel>
          <Tabs.Panel value="designs" pt="sm">
            <DesignsTab workspaceId={workspaceId} onPick={onPick} />
          </Tabs.Panel>
        </Tabs>
        <Button onClick={onClose} w="fit-content" ms="auto">
          {t('socialPosts.photos.done')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function PostPhotosField({ workspaceId, assetIds, onChange, languages, problems, fields, isDisabled }: PostPhotosFieldProps) {
  const { t } = useI18n();
  const [isPicking, setPicking] = useState(false);
  const isFull = assetIds.length >= SOCIAL_POST_LIMITS.photos;
  const pick = (assetId: string) => {
    if (assetIds.includes(assetId) || assetIds.length >= SOCIAL_POST_LIMITS.photos) return;
    const next = [...assetIds, assetId];
    onChange(next);
    if (next.length >= SOCIAL_POST_LIMITS.photos) setPicking(false);
  };
  const move = (index: number) => {
    const next = [...assetIds];
    const [photo] = next.splice(index, 1);
    if (photo) next.splice(index - 1, 0, photo);
    onChange(next);
  };
  return (
    <Input.Wrapper label={t('socialPosts.photos.label')} description={t('socialPosts.photos.hint')} error={fields.assetIds}>
      <Stack gap="xs" mt={6}>
        {assetIds.length > 0 ? (
          <SimpleGrid
            cols={{ base: 2, sm: 3, md: 5 }}
            spacing="xs"
            component="ol"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('socialPosts.photos.chosen')}
          >
            {assetIds.map((assetId, index) => {
              const position = index + 1;
              const problem = fields[`assetIds.${index}`] ?? (problems[assetId] ? t(`fieldErrors.${problems[assetId]}`) : undefined);
              return (
                <Card
                  key={assetId}
                  component="li"
                  withBorder
                  padding={4}
                  data-testid="post-photo"
                  data-problem={problem ? 'true' : undefined}
                >
                  <Card.Section>
                    <AspectRatio ratio={1} bg="gray.1">
                      <Image src={assetThumbnailUrl(workspaceId, assetId)} alt={t('socialPosts.preview.photo', { position })} fit="cover" />
                    </AspectRatio>
                  </Card.Section>
                  {problem ? (
                    <Text size="xs" c="red.9" mt={4} role="alert">
                      {problem}
                    </Text>
                  ) : null}
                  <Group gap={4} mt={4} justify="space-between" wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      size="sm"
                      disabled={isDisabled || index === 0}
                      onClick={() => move(index)}
                      aria-label={t('socialPosts.photos.moveEarlier', { position })}
                    >
                      <span aria-hidden="true">‹</span>
                    </ActionIcon>
                    <Button
                      size="compact-xs"
                      variant="default"
                      disabled={isDisabled}
                      onClick={() => onChange(assetIds.filter((id) => id !== assetId))}
                      aria-label={t('socialPosts.photos.remove', { position })}
                    >
                      {t('socialPosts.photos.removeShort')}
                    </Button>
                  </Group>
                </Card>
              );
            })}
          </SimpleGrid>
        ) : null}
        <Group gap="xs">
          <Button variant="default" onClick={() => setPicking(true)} disabled={isDisabled || isFull}>
            {t('socialPosts.photos.add')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('socialPosts.photos.count', { count: assetIds.length, limit: SOCIAL_POST_LIMITS.photos })}
          </Text>
        </Group>
      </Stack>
      {isPicking ? (
        <PhotoPicker workspaceId={workspaceId} languages={languages} chosen={assetIds} onPick={pick} onClose={() => setPicking(false)} />
      ) : null}
    </Input.Wrapper>
  );
}
