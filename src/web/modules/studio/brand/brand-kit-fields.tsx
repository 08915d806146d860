/** The brand kit's field groups: colours with a live sample and contrast warning, logos on their backgrounds, fonts with samples. */
import { Alert, Badge, Button, ColorInput, FileInput, Group, Image, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import {
  BRAND_COLOUR_KEYS,
  BRAND_FONT_KEYS,
  type BrandColors,
  type BrandFonts,
  HEX_COLOUR,
  LOGO_CONTENT_TYPES,
  textContrastOf,
} from '../../../../shared/studio/brand-kit.schema.js';
import { contrastRatio } from '../../../../shared/studio/colour-contrast.js';
import { ARABIC_FONT_FAMILIES, LATIN_FONT_FAMILIES, SHIPPED_FONT_FAMILIES } from '../../../../shared/studio/fonts.js';
import { errorMessage, fieldsFromApiError } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { fontFileUrl, uploadBrandLogo, workspaceFileUrl } from './brand-kit-api.js';

/** The shipped fonts as web fonts, under their own names so nothing installed on the machine stands in. */
const FONT_FACES = SHIPPED_FONT_FAMILIES.flatMap((font) =>
  font.files
    .filter((file) => !file.includes('Italic'))
    .map(
      (file) =>
        `@font-face{font-family:"Sample ${font.family}";src:url("${fontFileUrl(file)}") format("truetype");font-weight:${file.includes('Bold') ? 700 : 400};font-display:swap}`,
    ),
).join('\n');

export function ColourFields(props: {
  colors: BrandColors;
  onChange(colors: BrandColors): void;
  fields: Record<string, string>;
  isDisabled: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const { colors } = props;
  const isComplete = BRAND_COLOUR_KEYS.every((key) => HEX_COLOUR.test(colors[key]));
  const contrast = isComplete ? textContrastOf(colors) : null;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
        {BRAND_COLOUR_KEYS.map((key) => (
          <ColorInput
            key={key}
            withEyeDropper={false}
            label={t(`brandKit.colors.${key}`)}
            value={colors[key]}
            onChange={(value) => props.onChange({ ...colors, [key]: value })}
            format="hex"
            dir="ltr"
            disabled={props.isDisabled}
            error={props.fields[`colors.${key}`]}
          />
        ))}
      </SimpleGrid>
      {isComplete ? (
        <Paper withBorder p="md" style={{ background: colors.background, color: colors.text }} data-testid="colour-sample">
          <div style={{ blockSize: 6, background: colors.secondary, marginBlockEnd: 12 }} />
          <Text fw={700} size="lg" style={{ color: colors.primary }}>
            {t('brandKit.colors.sampleHeading')}
          </Text>
          <Text lang="ar" dir="rtl" style={{ color: colors.text }}>
            {t('brandKit.fonts.sampleArabic')}
          </Text>
          <Text lang="fr" dir="ltr" style={{ color: colors.text }}>
            {t('brandKit.fonts.sampleLatin')}
          </Text>
          <Badge
            mt="xs"
            style={{ background: colors.accent, color: contrastRatio(colors.accent, '#ffffff') >= 4.5 ? '#ffffff' : '#000000' }}
          >
            {t('brandKit.colors.accent')}
          </Badge>
        </Paper>
      ) : null}
      {contrast ? (
        <Group gap="xs">
          <Text size="sm">{t('brandKit.colors.contrast', { ratio: formatNumber(contrast.ratio) })}</Text>
          <Badge color={contrast.isBelowAA ? 'red.9' : 'teal.9'} data-testid="contrast-level">
            {t(`brandKit.colors.level.${contrast.level}`)}
          </Badge>
        </Group>
      ) : null}
      {contrast?.isBelowAA ? (
        <Alert color="orange" role="status" title={t('brandKit.colors.lowContrastTitle')}>
          {t('brandKit.colors.lowContrast', { ratio: formatNumber(contrast.ratio) })}
        </Alert>
      ) : null}
    </Stack>
  );
}

export function LogoField(props: {
  workspaceId: string;
  label: string;
  fileId: string | null;
  background: string;
  onChange(fileId: string | null): void;
  error?: string;
  isDisabled: boolean;
  name: string;
}) {
  const { t } = useI18n();
  const upload = useMutation({
    mutationFn: (file: File) => uploadBrandLogo(props.workspaceId, file),
    onSuccess: (file) => props.onChange(file.id),
  });
  const uploadFields = fieldsFromApiError(upload.error);
  return (
    <Stack gap="xs">
      <Paper
        withBorder
        h={120}
        display="flex"
        style={{ alignItems: 'center', justifyContent: 'center', background: props.background }}
        data-testid={`logo-preview-${props.name}`}
      >
        {props.fileId ? (
          <Image src={workspaceFileUrl(props.workspaceId, props.fileId)} alt={props.label} fit="contain" h={96} w="90%" />
        ) : (
          <Text size="sm" c="dimmed" style={{ background: '#ffffff', paddingInline: 8, borderRadius: 4 }}>
            {t('brandKit.logos.none')}
          </Text>
        )}
      </Paper>
      <Group align="end" gap="xs">
        <FileInput
          label={props.label}
          description={t('brandKit.logos.help')}
          placeholder={t('brandKit.logos.choose')}
          styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
          accept={LOGO_CONTENT_TYPES.join(',')}
          value={null}
          onChange={(file) => {
            if (file && !upload.isPending) upload.mutate(file);
          }}
          disabled={props.isDisabled || upload.isPending}
          error={uploadFields.file ?? (upload.error ? errorMessage(upload.error, t) : props.error)}
          style={{ flex: '1 1 12rem' }}
        />
        {props.fileId && !props.isDisabled ? (
          <Button variant="default" onClick={() => props.onChange(null)}>
            {t('web.action.remove')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

export function FontFields(props: { fonts: BrandFonts; onChange(fonts: BrandFonts): void; isDisabled: boolean }) {
  const { t } = useI18n();
  return (
    <Stack>
      <style>{FONT_FACES}</style>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {BRAND_FONT_KEYS.map((key) => {
          const isArabic = key.startsWith('arabic');
          const isHeading = key.endsWith('Heading');
          const families = isArabic ? ARABIC_FONT_FAMILIES : LATIN_FONT_FAMILIES;
          return (
            <Stack key={key} gap={4}>
              <Select
                label={t(`brandKit.fonts.${key}`)}
                allowDeselect={false}
                value={props.fonts[key]}
                onChange={(value) => value && props.onChange({ ...props.fonts, [key]: value })}
                data={families.map((family) => ({ value: family, label: family }))}
                disabled={props.isDisabled}
              />
              <Text
                lang={isArabic ? 'ar' : 'fr'}
                dir={isArabic ? 'rtl' : 'ltr'}
                size={isHeading ? 'xl' : 'md'}
                fw={isHeading ? 700 : 400}
                style={{ fontFamily: `"Sample ${props.fonts[key]}"` }}
                data-testid={`font-sample-${key}`}
              >
                {t(isArabic ? 'brandKit.fonts.sampleArabic' : 'brandKit.fonts.sampleLatin')}
              </Text>
            </Stack>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
