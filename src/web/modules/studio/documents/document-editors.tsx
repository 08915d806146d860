/**
 * The editors of the languages the mode prints: one, or two side by side (the first language on the
 * line's start side) or as tabs, each with its language's translation status.
 */
import { Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { TranslationStatus } from '../../../../shared/localized-text.js';
import type { DocumentBody, DocumentDigits } from '../../../../shared/studio/documents.schema.js';
import type { DocumentLanguageCode } from '../../../../shared/studio/documents-api.schema.js';
import { EDITABLE_STATUSES } from '../../../components/localized-text.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { DocumentEditor } from './document-editor.js';

export interface DocumentEditorsProps {
  workspaceId: string;
  languages: DocumentLanguageCode[];
  /** A language's body as it is now, read when its editor opens (it keeps its own text afterwards). */
  bodyOf(language: DocumentLanguageCode): DocumentBody | undefined;
  bodyStatus: Partial<Record<DocumentLanguageCode, TranslationStatus>>;
  onBodyChange(language: DocumentLanguageCode, body: DocumentBody): void;
  onStatusChange(language: DocumentLanguageCode, status: TranslationStatus): void;
  isReadOnly: boolean;
  digits: DocumentDigits;
  contentLanguages: readonly string[];
}

type Arrangement = 'side' | 'tabs';

export function DocumentEditors(props: DocumentEditorsProps) {
  const { t } = useI18n();
  const [arrangement, setArrangement] = useState<Arrangement>('side');
  const [tab, setTab] = useState<string | null>(props.languages[0] ?? null);
  const editorOf = (language: DocumentLanguageCode) => (
    <Stack gap={4} key={language}>
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm" id={`document-language-${language}`}>
          {t(`studioDocuments.language.${language}.title`)}
        </Text>
        <NativeSelect
          size="xs"
          aria-label={t('studioDocuments.status.label', { language: t(`studioDocuments.language.${language}`) })}
          value={props.bodyStatus[language] ?? 'draft'}
          disabled={props.isReadOnly}
          onChange={(event) => props.onStatusChange(language, event.currentTarget.value as TranslationStatus)}
          data={EDITABLE_STATUSES.map((status) => ({ value: status, label: t(`web.status.${status}`) }))}
        />
      </Group>
      <DocumentEditor
        workspaceId={props.workspaceId}
        language={language}
        initial={props.bodyOf(language)}
        onChange={(body) => props.onBodyChange(language, body)}
        isReadOnly={props.isReadOnly}
        digits={props.digits}
        languages={props.contentLanguages}
      />
    </Stack>
  );

  if (props.languages.length < 2) return <>{props.languages.map(editorOf)}</>;
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label={t('studioDocuments.arrangement.label')}
        size="xs"
        w="fit-content"
        value={arrangement}
        onChange={(value) => setArrangement(value as Arrangement)}
        data={[
          { value: 'side', label: t('studioDocuments.arrangement.side') },
          { value: 'tabs', label: t('studioDocuments.arrangement.tabs') },
        ]}
      />
      {arrangement === 'side' ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {props.languages.map(editorOf)}
        </SimpleGrid>
      ) : (
        <Tabs value={tab} onChange={setTab} keepMounted>
          <Tabs.List>
            {props.languages.map((language) => (
              <Tabs.Tab key={language} value={language}>
                {t(`studioDocuments.language.${language}.title`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {props.languages.map((language) => (
            <Tabs.Panel key={language} value={language} pt="xs">
              {editorOf(language)}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
