/**
 * The brand kit (T4): colours with a live sample and contrast warning, light and dark logos on
 * their backgrounds, the shipped fonts with samples, the funder's disclaimer per language, and the
 * partner logo strip. Everyone reads it; brand managers change it.
 */
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { BRAND_LIMITS, type BrandColors, type BrandFonts } from '../../../../shared/studio/brand-kit.schema.js';
import { contrastRatio } from '../../../../shared/studio/colour-contrast.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { StudioNav } from '../studio-nav.js';
import { type BrandKit, brandKitKeys, saveBrandKit, useBrandKit } from './brand-kit-api.js';
import { ColourFields, FontFields, LogoField } from './brand-kit-fields.js';
import { PartnerStripEditor } from './partner-strip-editor.js';

function KitForm({
  kit,
  workspaceId,
  languages,
  canManage,
}: {
  kit: BrandKit;
  workspaceId: string;
  languages: readonly string[];
  canManage: boolean;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [colors, setColors] = useState<BrandColors>(kit.colors);
  const [fonts, setFonts] = useState<BrandFonts>(kit.fonts);
  const [logoLightFileId, setLogoLight] = useState(kit.logoLightFileId);
  const [logoDarkFileId, setLogoDark] = useState(kit.logoDarkFileId);
  const [disclaimer, setDisclaimer] = useState<LocalizedText>(() => completeLocalized(kit.funderDisclaimer, languages));
  const mutation = useMutation({
    mutationFn: () =>
      saveBrandKit(workspaceId, {
        colors,
        fonts,
        logoLightFileId,
        logoDarkFileId,
        funderDisclaimer: disclaimer,
        expectedUpdatedAt: kit.updatedAt,
      }),
    onSuccess: (saved) => queryClient.setQueryData(brandKitKeys.one(workspaceId), saved),
  });
  const fields = fieldsFromApiError(mutation.error);
  const isDisabled = !canManage;
  // A dark logo is shown on the kit's secondary colour when it is dark enough, else on near-black.
  const darkBackground = contrastRatio(colors.secondary, '#ffffff') >= 4.5 ? colors.secondary : '#1f2933';

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (canManage && !mutation.isPending) mutation.mutate();
      }}
    >
      <Stack gap="lg">
        <ErrorAlert error={mutation.error} />
        <Paper withBorder p="md" component="section" aria-labelledby="kit-colours">
          <Title order={2} size="h3" id="kit-colours" mb="sm">
            {t('brandKit.colors.title')}
          </Title>
          <ColourFields colors={colors} onChange={setColors} fields={fields} isDisabled={isDisabled} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="kit-logos">
          <Title order={2} size="h3" id="kit-logos" mb="sm">
            {t('brandKit.logos.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <LogoField
              name="light"
              workspaceId={workspaceId}
              label={t('brandKit.logos.light')}
              fileId={logoLightFileId}
              background={colors.background}
              onChange={setLogoLight}
              error={fields.logoLightFileId}
              isDisabled={isDisabled}
            />
            <LogoField
              name="dark"
              workspaceId={workspaceId}
              label={t('brandKit.logos.dark')}
              fileId={logoDarkFileId}
              background={darkBackground}
              onChange={setLogoDark}
              error={fields.logoDarkFileId}
              isDisabled={isDisabled}
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="kit-fonts">
          <Title order={2} size="h3" id="kit-fonts" mb="sm">
            {t('brandKit.fonts.title')}
          </Title>
          <FontFields fonts={fonts} onChange={setFonts} isDisabled={isDisabled} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="kit-disclaimer">
          <Title order={2} size="h3" id="kit-disclaimer" mb="xs">
            {t('brandKit.disclaimer.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('brandKit.disclaimer.help')}
          </Text>
          <LocalizedTextEditor
            label={t('brandKit.disclaimer.label')}
            name="funderDisclaimer"
            value={disclaimer}
            onChange={setDisclaimer}
            languages={languages}
            isMultiline
            maxLength={BRAND_LIMITS.disclaimerLength}
            languageErrors={languageErrorsOf(fields, 'funderDisclaimer')}
          />
        </Paper>
        {canManage ? (
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('brandKit.save')}
            </Button>
            {mutation.isSuccess ? (
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

export function BrandKitPage() {
  const { t } = useI18n();
  const { workspace, can } = useWorkspace();
  const kit = useBrandKit(workspace.id);
  const canManage = can('brand:manage');
  const languages = workspace.contentLanguages;
  return (
    <Stack>
      <StudioNav active="brand" />
      <Title order={1} size="h2">
        {t('brandKit.title')}
      </Title>
      {kit.data && !kit.data.isSaved ? (
        <Alert color="blue" role="status">
          {t('brandKit.defaultsNote')}
        </Alert>
      ) : null}
      {!canManage ? (
        <Text size="sm" c="dimmed">
          {t('brandKit.readOnly')}
        </Text>
      ) : null}
      <ErrorAlert error={kit.error} />
      {kit.isPending ? <PageLoader /> : null}
      {kit.data ? (
        <>
          <KitForm key={workspace.id} kit={kit.data} workspaceId={workspace.id} languages={languages} canManage={canManage} />
          <Paper withBorder p="md">
            <PartnerStripEditor workspaceId={workspace.id} kit={kit.data} languages={languages} canManage={canManage} />
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
