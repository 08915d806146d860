/**
 * The partner logo strip: the entries in print order (partners, then funders) with up/down moves
 * that save the whole order in one request, editing, removal, and a preview of each language's
 * strip — right to left for Arabic, as templates print it.
 */
import { ActionIcon, Badge, Button, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { directionOf } from '../../../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { stripOrder } from '../../../../shared/studio/brand-kit.schema.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type BrandKit, type BrandPartner, brandKitKeys, deletePartner, reorderPartners, workspaceFileUrl } from './brand-kit-api.js';
import { PartnerFormDialog } from './partner-form-dialog.js';
import { moveWithinRole, stripFor } from './partner-strip.js';

/** One language's strip as printed: logos in order, each funder's mention above its logo. */
export function PartnerStripPreview(props: {
  workspaceId: string;
  partners: readonly BrandPartner[];
  language: string;
  languages: readonly string[];
}) {
  const { t } = useI18n();
  const entries = stripFor(props.partners, props.language);
  return (
    <Paper withBorder p="sm" bg="white">
      <Text size="sm" c="dimmed" mb={4}>
        {t('brandKit.partners.previewIn', { language: t(`public.languageName.${props.language}`) })}
      </Text>
      <ol
        style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '1.25rem', listStyle: 'none', margin: 0, padding: 0 }}
        lang={props.language}
        dir={directionOf(props.language)}
        aria-label={t('brandKit.partners.previewIn', { language: t(`public.languageName.${props.language}`) })}
        data-testid={`strip-${props.language}`}
      >
        {entries.map((partner) => {
          const name = pickLocalized(partner.name as LocalizedText, props.language, props.languages)?.value ?? '';
          const mention = (partner.mention as LocalizedText)[props.language as 'ar']?.value;
          return (
            <li key={partner.id} data-name={name}>
              {mention ? (
                <Text size="xs" ta="center">
                  {mention}
                </Text>
              ) : null}
              <Image src={workspaceFileUrl(props.workspaceId, partner.logoFileId)} alt={name} h={44} w="auto" fit="contain" />
            </li>
          );
        })}
        {entries.length === 0 ? (
          <li>
            <Text size="sm" c="dimmed">
              {t('brandKit.partners.emptyStrip')}
            </Text>
          </li>
        ) : null}
      </ol>
    </Paper>
  );
}

export function PartnerStripEditor(props: { workspaceId: string; kit: BrandKit; languages: readonly string[]; canManage: boolean }) {
  const { workspaceId, kit, languages, canManage } = props;
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<BrandPartner | 'new' | null>(null);
  // In print order whatever the source (the server already answers so; an optimistic move may not).
  const partners = stripOrder(kit.partners);
  const key = brandKitKeys.one(workspaceId);
  const reorder = useMutation({
    mutationFn: (ids: string[]) => reorderPartners(workspaceId, ids),
    // The list moves at once; the server's answer (or a reload after an error) settles it.
    onMutate: (ids) => {
      const byId = new Map(partners.map((partner) => [partner.id, partner]));
      const moved = ids.map((id, position) => ({ ...(byId.get(id) as BrandPartner), position }));
      queryClient.setQueryData<BrandKit>(key, (current) => (current ? { ...current, partners: moved } : current));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deletePartner(workspaceId, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const nameOf = (partner: BrandPartner) => pickLocalized(partner.name as LocalizedText, locale, languages)?.value ?? '—';

  return (
    <Stack component="section" aria-labelledby="partner-strip-title">
      <Title order={2} size="h3" id="partner-strip-title">
        {t('brandKit.partners.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('brandKit.partners.help')}
      </Text>
      <ErrorAlert error={reorder.error ?? remove.error} />
      <Paper withBorder component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('brandKit.partners.title')}>
        {partners.map((partner) => {
          const name = nameOf(partner);
          const up = moveWithinRole(partners, partner.id, -1);
          const down = moveWithinRole(partners, partner.id, 1);
          return (
            <li key={partner.id} className="tawasul-list-row" data-testid="partner-row" data-id={partner.id}>
              <Image src={workspaceFileUrl(workspaceId, partner.logoFileId)} alt="" h={32} w={72} fit="contain" />
              <Text fw={600} className="tawasul-list-row-title">
                <bdi>{name}</bdi>
              </Text>
              <Badge color={partner.role === 'funder' ? 'indigo.9' : 'teal.9'}>{t(`brandKit.partners.roles.${partner.role}`)}</Badge>
              <Text size="sm" c="dimmed">
                {partner.languages.length === 0
                  ? t('brandKit.partners.allLanguages')
                  : partner.languages.map((language) => t(`public.languageName.${language}`)).join(' · ')}
              </Text>
              {canManage ? (
                <Group gap={4}>
                  <ActionIcon
                    variant="default"
                    aria-label={t('brandKit.partners.moveUp', { name })}
                    disabled={!up || reorder.isPending}
                    onClick={() => up && reorder.mutate(up)}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    aria-label={t('brandKit.partners.moveDown', { name })}
                    disabled={!down || reorder.isPending}
                    onClick={() => down && reorder.mutate(down)}
                  >
                    ↓
                  </ActionIcon>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setEditing(partner)}
                    aria-label={t('brandKit.partners.editNamed', { name })}
                  >
                    {t('web.action.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    color="red.9"
                    loading={remove.isPending && remove.variables === partner.id}
                    onClick={() => remove.mutate(partner.id)}
                    aria-label={t('brandKit.partners.removeNamed', { name })}
                  >
                    {t('web.action.remove')}
                  </Button>
                </Group>
              ) : null}
            </li>
          );
        })}
        {partners.length === 0 ? (
          <li className="tawasul-list-row">
            <Text c="dimmed">{t('brandKit.partners.empty')}</Text>
          </li>
        ) : null}
      </Paper>
      {canManage ? (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('brandKit.partners.add')}</Button>
        </Group>
      ) : null}
      <Text size="sm">{t('brandKit.partners.count', { count: partners.length })}</Text>
      <Stack gap="sm">
        {languages.map((language) => (
          <PartnerStripPreview key={language} workspaceId={workspaceId} partners={partners} language={language} languages={languages} />
        ))}
      </Stack>
      {editing ? (
        <PartnerFormDialog
          key={editing === 'new' ? 'new' : editing.id}
          workspaceId={workspaceId}
          languages={languages}
          partner={editing === 'new' ? null : editing}
          isOpen
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
