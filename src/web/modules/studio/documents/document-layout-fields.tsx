/**
 * How the document is laid out: one of the five layouts (each with what it is for), the language
 * mode, and for a bilingual document which language comes first.
 */
import { NativeSelect, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { DOCUMENT_LAYOUTS, DOCUMENT_MODES, type DocumentLayout, type DocumentMode } from '../../../../shared/studio/documents.schema.js';
import type { DocumentLanguageCode } from '../../../../shared/studio/documents-api.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { DocumentDraft } from './document-draft.js';

export function LayoutPicker({
  value,
  onChange,
  isReadOnly,
}: {
  value: DocumentLayout;
  onChange(layout: DocumentLayout): void;
  isReadOnly: boolean;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      label={t('studioDocuments.layout.label')}
      value={value}
      onChange={(next) => onChange(next as DocumentLayout)}
      readOnly={isReadOnly}
    >
      <Stack gap="xs" mt={6}>
        {DOCUMENT_LAYOUTS.map((layout) => (
          <Radio
            key={layout}
            value={layout}
            disabled={isReadOnly && layout !== value}
            label={t(`studioDocuments.layout.${layout}.name`)}
            description={t(`studioDocuments.layout.${layout}.description`)}
            data-testid={`layout-${layout}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

export function ModeFields({
  draft,
  onChange,
  isReadOnly,
}: {
  draft: DocumentDraft;
  onChange(changes: Partial<DocumentDraft>): void;
  isReadOnly: boolean;
}) {
  const { t } = useI18n();
  const isBilingual = draft.mode === 'bilingual-sequential' || draft.mode === 'bilingual-facing';
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id="document-mode-label">
        {t('studioDocuments.mode.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="document-mode-label"
        orientation="vertical"
        fullWidth
        value={draft.mode}
        disabled={isReadOnly}
        onChange={(mode) => onChange({ mode: mode as DocumentMode })}
        data={DOCUMENT_MODES.map((mode) => ({ value: mode, label: t(`studioDocuments.mode.${mode}`) }))}
      />
      <Text size="xs" c="dimmed">
        {t(`studioDocuments.mode.${draft.mode}.hint`)}
      </Text>
      {isBilingual ? (
        <NativeSelect
          label={t('studioDocuments.order.label')}
          value={draft.order.join(',')}
          disabled={isReadOnly}
          onChange={(event) => onChange({ order: event.currentTarget.value.split(',') as DocumentLanguageCode[] })}
          data={[
            { value: 'ar,fr', label: t('studioDocuments.order.arFirst') },
            { value: 'fr,ar', label: t('studioDocuments.order.frFirst') },
          ]}
        />
      ) : null}
    </Stack>
  );
}
