/**
 * The cover's picture: shown on the cover page (guides, reports) or in the title band (briefs,
 * sheets); chosen among the library's images consented for print, or none.
 */
import { Button, Group, Image, Input, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context.js';
import { assetThumbnailUrl } from '../assets/assets-api.js';
import { AssetPicker } from './asset-picker.js';

export interface CoverFieldProps {
  workspaceId: string;
  value: string | null;
  /** The document's first language (the picked image's description is not kept for the cover). */
  language: string;
  languages: readonly string[];
  isReadOnly: boolean;
  onChange(assetId: string | null): void;
}

export function CoverField({ workspaceId, value, language, languages, isReadOnly, onChange }: CoverFieldProps) {
  const { t } = useI18n();
  const [isPicking, setPicking] = useState(false);
  return (
    <Input.Wrapper label={t('studioDocuments.cover.label')} description={t('studioDocuments.cover.hint')}>
      <Group gap="sm" align="center" mt={6}>
        {value ? (
          <Image src={assetThumbnailUrl(workspaceId, value)} alt={t('studioDocuments.cover.alt')} w={96} h={64} fit="cover" radius="sm" />
        ) : (
          <Text size="sm" c="dimmed">
            {t('studioDocuments.cover.none')}
          </Text>
        )}
        {isReadOnly ? null : (
          <>
            <Button variant="light" size="xs" onClick={() => setPicking(true)}>
              {value ? t('studioDocuments.cover.change') : t('studioDocuments.cover.choose')}
            </Button>
            {value ? (
              <Button variant="subtle" color="red" size="xs" onClick={() => onChange(null)}>
                {t('studioDocuments.cover.remove')}
              </Button>
            ) : null}
          </>
        )}
      </Group>
      {isPicking ? (
        <AssetPicker
          workspaceId={workspaceId}
          language={language}
          languages={languages}
          onClose={() => setPicking(false)}
          onPick={({ assetId }) => {
            onChange(assetId);
            setPicking(false);
          }}
        />
      ) : null}
    </Input.Wrapper>
  );
}
