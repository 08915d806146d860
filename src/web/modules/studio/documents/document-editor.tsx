/**
 * The rich-text editor of one language of a document: tiptap on exactly the body format's schema,
 * its text in the language's direction and font (Arabic right to left in Noto Naskh Arabic, as the
 * PDF sets it), the toolbar named in the interface language, and the document's footnotes listed
 * under it to write and change. Emits the body (documents.schema.ts) on every change.
 */
import { Box, Button, Group, Paper, Stack, Text } from '@mantine/core';
import Placeholder from '@tiptap/extension-placeholder';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useId, useRef, useState } from 'react';
import { directionOf } from '../../../../shared/languages.js';
import { DOCUMENT_LIMITS, type DocumentBody, type DocumentDigits } from '../../../../shared/studio/documents.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { assetThumbnailUrl } from '../assets/assets-api.js';
import { fontFileUrl } from '../brand/brand-kit-api.js';
import { AssetPicker } from './asset-picker.js';
import { bodyOf, editorContentOf } from './body-conversion.js';
import './document-editor.css';
import { documentExtensions, isAllowedHref } from './editor-extensions.js';
import { EditorToolbar } from './editor-toolbar.js';
import { footnotesOf } from './footnote-node.js';
import type { RovingToolbarHandle } from './roving-toolbar.js';
import { TextPromptDialog } from './text-prompt-dialog.js';

export type DocumentLanguage = 'ar' | 'fr';

export interface DocumentEditorProps {
  workspaceId: string;
  language: DocumentLanguage;
  /** The body when the editor opens; later changes of this prop are not loaded (the editor owns its text). */
  initial: DocumentBody | undefined;
  onChange(body: DocumentBody): void;
  isReadOnly: boolean;
  digits: DocumentDigits;
  /** The workspace's content languages (fallbacks of asset titles in the picker). */
  languages: readonly string[];
}

/** The naskh the PDF sets Arabic in, from the shipped fonts, so the editor shows the letters as they will print. */
const ARABIC_FONT_FACES = (['Regular', 'Bold'] as const)
  .map(
    (weight) =>
      `@font-face{font-family:"Tawasul Naskh Arabic";src:url("${fontFileUrl(`NotoNaskhArabic-${weight}.ttf`)}") format("truetype");font-weight:${weight === 'Bold' ? 700 : 400};font-display:swap}`,
  )
  .join('\n');

type Dialog = { kind: 'link' } | { kind: 'image' } | { kind: 'alt' } | { kind: 'footnote'; position: number | null; text: string };

export function DocumentEditor({ workspaceId, language, initial, onChange, isReadOnly, digits, languages }: DocumentEditorProps) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const editorId = `document-editor-${language}-${id}`;
  const dir = directionOf(language);
  const languageName = t(`studioDocuments.language.${language}`);
  const toolbar = useRef<RovingToolbarHandle>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const openLink = useRef<() => void>(() => {});
  openLink.current = () => setDialog({ kind: 'link' });

  // Words of the interface read when shown, so a language switch never recreates the editor (and its text).
  const words = useRef({ placeholder: '', label: '' });
  words.current = {
    placeholder: t('studioDocuments.editor.placeholder', { language: languageName }),
    label: t('studioDocuments.editor.label', { language: languageName }),
  };
  const [extensions] = useState(() => [
    ...documentExtensions({ imageSourceOf: (assetId) => assetThumbnailUrl(workspaceId, assetId) }),
    Placeholder.configure({ placeholder: () => words.current.placeholder }),
  ]);
  const editor = useEditor({
    extensions,
    content: editorContentOf(initial),
    editable: !isReadOnly,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: () => ({
        id: editorId,
        dir,
        lang: language,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': words.current.label,
        class: `doc-editor-content doc-digits-${digits}`,
        'data-testid': `document-editor-${language}`,
      }),
      handleKeyDown: (_view, event) => {
        if (event.altKey && event.key === 'F10') {
          toolbar.current?.focusFirst();
          return true;
        }
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
          openLink.current();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: current }) => changed.current(bodyOf(current.getJSON())),
  });
  useEffect(() => {
    editor?.setEditable(!isReadOnly, false);
  }, [editor, isReadOnly]);
  const footnotes = useEditorState({ editor, selector: ({ editor: current }) => (current ? footnotesOf(current.state.doc) : []) }) ?? [];
  const numberOf = (index: number) =>
    digits === 'eastern' ? new Intl.NumberFormat('ar-EG-u-nu-arab').format(index + 1) : formatNumber(index + 1);

  const close = () => {
    setDialog(null);
    editor?.commands.focus();
  };
  const setFootnote = (position: number | null, text: string) => {
    if (!editor) return;
    if (position === null) editor.chain().focus().insertFootnote(text).run();
    else
      editor
        .chain()
        .command(({ tr }) => {
          tr.setNodeMarkup(position, undefined, { text });
          return true;
        })
        .run();
  };
  const removeFootnote = (position: number) =>
    editor
      ?.chain()
      .command(({ tr }) => {
        tr.delete(position, position + 1);
        return true;
      })
      .run();

  if (!editor) return null;
  return (
    <Stack gap={6}>
      {language === 'ar' ? <style>{ARABIC_FONT_FACES}</style> : null}
      <Paper withBorder radius="sm" className="doc-editor">
        {isReadOnly ? null : (
          <Box px={6} py={4} className="doc-editor-toolbar">
            <EditorToolbar
              ref={toolbar}
              editor={editor}
              editorId={editorId}
              languageName={languageName}
              onLink={() => setDialog({ kind: 'link' })}
              onImage={() => setDialog({ kind: 'image' })}
              onImageAlt={() => setDialog({ kind: 'alt' })}
              onFootnote={() => setDialog({ kind: 'footnote', position: null, text: '' })}
            />
          </Box>
        )}
        <EditorContent editor={editor} />
      </Paper>
      {footnotes.length > 0 ? (
        <Box component="section" aria-label={t('studioDocuments.footnotes.title', { count: footnotes.length })}>
          <Text size="sm" fw={600}>
            {t('studioDocuments.footnotes.title', { count: footnotes.length })}
          </Text>
          <Stack gap={2} component="ol" className="doc-footnote-list" data-testid={`document-footnotes-${language}`}>
            {footnotes.map((note, index) => (
              <Group key={note.position} component="li" gap="xs" wrap="nowrap" align="baseline">
                <Text size="sm" c="dimmed" miw={20}>
                  {numberOf(index)}
                </Text>
                <Text size="sm" lang={language} dir={dir} style={{ flex: 1 }}>
                  {note.text}
                </Text>
                {isReadOnly ? null : (
                  <Group gap={2} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      aria-label={t('studioDocuments.footnotes.editOne', { number: numberOf(index) })}
                      onClick={() => setDialog({ kind: 'footnote', position: note.position, text: note.text })}
                    >
                      {t('studioDocuments.footnotes.edit')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('studioDocuments.footnotes.removeOne', { number: numberOf(index) })}
                      onClick={() => removeFootnote(note.position)}
                    >
                      {t('studioDocuments.footnotes.remove')}
                    </Button>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        </Box>
      ) : null}
      {dialog?.kind === 'link' ? (
        <TextPromptDialog
          title={t('studioDocuments.link.title')}
          label={t('studioDocuments.link.address')}
          initial={String(editor.getAttributes('link').href ?? 'https://')}
          dir="ltr"
          maxLength={2000}
          submitLabel={t('studioDocuments.link.apply')}
          validate={(value) => (isAllowedHref(value) ? null : t('studioDocuments.link.invalid'))}
          onSubmit={(href) => {
            const chain = editor.chain().focus().extendMarkRange('link');
            if (editor.state.selection.empty && !editor.isActive('link'))
              chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
            else chain.setLink({ href }).run();
            setDialog(null);
          }}
          remove={
            editor.isActive('link')
              ? {
                  label: t('studioDocuments.link.remove'),
                  onRemove: () => {
                    editor.chain().focus().extendMarkRange('link').unsetLink().run();
                    setDialog(null);
                  },
                }
              : undefined
          }
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'footnote' ? (
        <TextPromptDialog
          title={dialog.position === null ? t('studioDocuments.footnotes.add') : t('studioDocuments.footnotes.edit')}
          label={t('studioDocuments.footnotes.text', { language: languageName })}
          initial={dialog.text}
          dir={dir}
          lang={language}
          isMultiline
          maxLength={DOCUMENT_LIMITS.footnoteLength}
          submitLabel={dialog.position === null ? t('studioDocuments.footnotes.insert') : t('web.action.save')}
          validate={(value) => (value === '' ? t('fieldErrors.REQUIRED') : null)}
          onSubmit={(text) => {
            setFootnote(dialog.position, text);
            close();
          }}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'alt' ? (
        <TextPromptDialog
          title={t('studioDocuments.toolbar.imageAlt')}
          label={t('studioDocuments.image.alt', { language: languageName })}
          initial={String(editor.getAttributes('image').alt ?? '')}
          dir={dir}
          lang={language}
          maxLength={500}
          submitLabel={t('web.action.save')}
          onSubmit={(alt) => {
            editor.chain().focus().setImageAlt(alt).run();
            setDialog(null);
          }}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'image' ? (
        <AssetPicker
          workspaceId={workspaceId}
          language={language}
          languages={languages}
          onPick={(picked) => {
            editor.chain().focus().insertAssetImage(picked).run();
            setDialog(null);
          }}
          onClose={close}
        />
      ) : null}
    </Stack>
  );
}
