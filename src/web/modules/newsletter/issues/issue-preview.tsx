/**
 * The email as readers will get it: the server's preview document (a sample subscriber in the merge
 * fields) in an iframe, at desktop (600 px) or phone (375 px) width, for each language or the
 * bilingual email. It reloads after every save (`version`).
 */
import { Anchor, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { Variant } from '../../../../shared/newsletter/newsletter.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { useT } from '../../../i18n/i18n-context.js';
import { previewUrl } from './issues-api.js';

/** The email is 600 px wide; narrower than 480 px it stacks its columns as on a phone. */
export const PREVIEW_WIDTHS = { desktop: 600, phone: 375 } as const;
export type PreviewWidth = keyof typeof PREVIEW_WIDTHS;

export interface IssuePreviewProps {
  issueId: string;
  variant: Variant;
  onVariantChange(variant: Variant): void;
  width: PreviewWidth;
  onWidthChange(width: PreviewWidth): void;
  /** Changes after each save, so the document is fetched again. */
  version: number;
  isStale: boolean;
}

export function IssuePreview({ issueId, variant, onVariantChange, width, onWidthChange, version, isStale }: IssuePreviewProps) {
  const t = useT();
  const { workspace } = useWorkspace();
  const titleId = useId();
  const variants: Variant[] = [
    ...(workspace.contentLanguages as Variant[]),
    ...(workspace.contentLanguages.length > 1 ? ['bilingual' as const] : []),
  ];
  const variantName = (value: Variant) => (value === 'bilingual' ? t('newsletter.preview.bilingual') : t(`public.languageName.${value}`));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('newsletter.preview.title')}
        </Title>
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            aria-label={t('newsletter.preview.variant')}
            value={variant}
            onChange={(value) => onVariantChange(value as Variant)}
            data={variants.map((value) => ({ value, label: variantName(value) }))}
          />
          <SegmentedControl
            aria-label={t('newsletter.preview.width')}
            value={width}
            onChange={(value) => onWidthChange(value as PreviewWidth)}
            data={[
              { value: 'desktop', label: t('newsletter.preview.desktop') },
              { value: 'phone', label: t('newsletter.preview.phone') },
            ]}
          />
          <Anchor href={previewUrl(workspace.id, issueId, variant, 'text')} target="_blank" rel="noopener" size="sm">
            {t('newsletter.preview.textPart')}
          </Anchor>
        </Group>
        {isStale ? (
          <Text size="sm" c="orange.9" role="status">
            {t('newsletter.preview.stale')}
          </Text>
        ) : null}
        <div style={{ background: 'var(--mantine-color-gray-1)', padding: '0.5rem', borderRadius: '0.25rem' }}>
          <iframe
            key={`${variant}-${version}`}
            src={previewUrl(workspace.id, issueId, variant)}
            title={t('newsletter.preview.frameTitle', { variant: variantName(variant) })}
            // The document carries its own sandbox (CSP); the iframe adds one for older browsers.
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            data-testid="issue-preview-frame"
            data-width={width}
            style={{
              display: 'block',
              inlineSize: PREVIEW_WIDTHS[width],
              blockSize: 900,
              border: 0,
              background: '#fff',
              marginInline: 'auto',
            }}
          />
        </div>
      </Stack>
    </Paper>
  );
}
