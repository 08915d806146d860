/** "New document": a title in one or both languages, a layout and a language mode; opens the document. */
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { DOCUMENT_MODES, type DocumentLayout, type DocumentMode } from '../../../../shared/studio/documents.schema.js';
import { DOCUMENT_API_LIMITS, type Document } from '../../../../shared/studio/documents-api.schema.js';
import { ErrorAlert, fieldsFromApiError, languageErrorsOf } from '../../../components/form-errors.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { DOCUMENT_LANGUAGES } from './document-draft.js';
import { LayoutPicker } from './document-layout-fields.js';
import { createDocument } from './documents-api.js';

export interface NewDocumentDialogProps {
  workspaceId: string;
  onClose(): void;
  onCreated(document: Document): void;
}

export function NewDocumentDialog({ workspaceId, onClose, onCreated }: NewDocumentDialogProps) {
  const { t } = useI18n();
  const [title, setTitle] = useState<LocalizedText>({});
  const [layout, setLayout] = useState<DocumentLayout>('advocacy-brief');
  const [mode, setMode] = useState<DocumentMode>('bilingual-sequential');
  const create = useMutation({ mutationFn: () => createDocument(workspaceId, { title, layout, mode }), onSuccess: onCreated });
  const fields = fieldsFromApiError(create.error);
  const languages = mode === 'ar' || mode === 'fr' ? [mode] : DOCUMENT_LANGUAGES;
  return (
    <Modal opened onClose={onClose} title={t('studioDocuments.new.title')} size="xl">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <NativeSelect
            label={t('studioDocuments.mode.label')}
            value={mode}
            onChange={(event) => setMode(event.currentTarget.value as DocumentMode)}
            data={DOCUMENT_MODES.map((value) => ({ value, label: t(`studioDocuments.mode.${value}`) }))}
            description={t(`studioDocuments.mode.${mode}.hint`)}
          />
          <LocalizedTextEditor
            label={t('studioDocuments.field.title')}
            value={title}
            onChange={setTitle}
            languages={languages}
            languageErrors={languageErrorsOf(fields, 'title')}
            error={fields.title}
            isRequired
            maxLength={DOCUMENT_API_LIMITS.titleLength}
            name="title"
          />
          <SimpleGrid cols={1}>
            <LayoutPicker value={layout} onChange={setLayout} isReadOnly={false} />
          </SimpleGrid>
          <ErrorAlert error={Object.keys(fields).length > 0 ? null : create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('studioDocuments.new.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
