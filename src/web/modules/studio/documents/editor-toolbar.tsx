/**
 * The toolbar of one language's editor, named in the interface language: block type, bold, italic,
 * link, lists, quote, callout, table, image, footnote, undo and redo; then, under it, what the
 * selection allows (a callout's tone, the table's rows and columns, an image's description).
 * Shortcuts: Ctrl+B, Ctrl+I, Ctrl+K (link), Ctrl+Alt+1–3 (headings), Ctrl+Shift+7/8 (lists),
 * Alt+F10 from the text to the toolbar, Escape back to the text.
 */
import { Button, Divider, NativeSelect } from '@mantine/core';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type CSSProperties, forwardRef, type ReactNode } from 'react';
import { CALLOUT_TONES, type CalloutTone } from '../../../../shared/studio/documents.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { RovingToolbar, type RovingToolbarHandle } from './roving-toolbar.js';
import { ICONS } from './toolbar-icons.js';

export interface EditorToolbarProps {
  editor: Editor;
  /** Id of the editable area the toolbars act on. */
  editorId: string;
  /** The document language, for the toolbar's name. */
  languageName: string;
  onLink(): void;
  onImage(): void;
  onFootnote(): void;
  onImageAlt(): void;
}

function ToolButton(props: {
  label: string;
  shortcut?: string;
  isActive?: boolean;
  isDisabled?: boolean;
  onRun(): void;
  children: ReactNode;
}) {
  const name = props.shortcut ? `${props.label} (${props.shortcut})` : props.label;
  return (
    <Button
      data-toolbar-item
      size="compact-sm"
      variant={props.isActive ? 'filled' : 'subtle'}
      color={props.isActive ? undefined : 'dark'}
      aria-label={props.label}
      aria-pressed={props.isActive === undefined ? undefined : props.isActive}
      aria-keyshortcuts={props.shortcut?.replace('Ctrl', 'Control')}
      title={name}
      disabled={props.isDisabled}
      // The editor keeps its selection: the button never takes the focus on click.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onRun}
      miw={30}
      px={6}
    >
      {props.children}
    </Button>
  );
}

/**
 * A letter drawn as a button's picture (H1, B, I…) by CSS, so it is not text: the button's name is its
 * label in words, which assistive technologies read, and it is not contradicted by a visible "H1".
 */
function Glyph({ text, style }: { text: string; style?: CSSProperties }) {
  return <span className="doc-glyph" data-glyph={text} aria-hidden="true" dir="ltr" style={style} />;
}

const Separator = () => <Divider orientation="vertical" mx={4} />;

export const EditorToolbar = forwardRef<RovingToolbarHandle, EditorToolbarProps>(function EditorToolbar(props, handle) {
  const { t, dir } = useI18n();
  const { editor } = props;
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      isParagraph: current.isActive('paragraph') && !current.isActive('heading'),
      level: ([1, 2, 3] as const).find((level) => current.isActive('heading', { level })) ?? null,
      isBold: current.isActive('bold'),
      isItalic: current.isActive('italic'),
      isLink: current.isActive('link'),
      isBulletList: current.isActive('bulletList'),
      isOrderedList: current.isActive('orderedList'),
      isBlockquote: current.isActive('blockquote'),
      isCallout: current.isActive('callout'),
      tone: (current.getAttributes('callout').tone ?? 'info') as CalloutTone,
      isTable: current.isActive('table'),
      isImage: current.isActive('image'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
      isEditable: current.isEditable,
    }),
  });
  const chain = () => editor.chain().focus();
  const backToText = () => editor.commands.focus();
  const label = (key: string) => t(`studioDocuments.toolbar.${key}`);
  const isDisabled = !state.isEditable;

  return (
    <>
      <RovingToolbar
        ref={handle}
        label={t('studioDocuments.toolbar.label', { language: props.languageName })}
        controls={props.editorId}
        dir={dir}
        onEscape={backToText}
        testId="document-toolbar"
      >
        <ToolButton
          label={label('paragraph')}
          shortcut="Ctrl+Alt+0"
          isActive={state.isParagraph}
          isDisabled={isDisabled}
          onRun={() => chain().setParagraph().run()}
        >
          <Glyph text="¶" />
        </ToolButton>
        {([1, 2, 3] as const).map((level) => (
          <ToolButton
            key={level}
            label={t('studioDocuments.toolbar.heading', { level })}
            shortcut={`Ctrl+Alt+${level}`}
            isActive={state.level === level}
            isDisabled={isDisabled}
            onRun={() => chain().toggleHeading({ level }).run()}
          >
            <Glyph text={`H${level}`} />
          </ToolButton>
        ))}
        <Separator />
        <ToolButton
          label={label('bold')}
          shortcut="Ctrl+B"
          isActive={state.isBold}
          isDisabled={isDisabled}
          onRun={() => chain().toggleBold().run()}
        >
          <Glyph text="B" style={{ fontWeight: 800 }} />
        </ToolButton>
        <ToolButton
          label={label('italic')}
          shortcut="Ctrl+I"
          isActive={state.isItalic}
          isDisabled={isDisabled}
          onRun={() => chain().toggleItalic().run()}
        >
          <Glyph text="I" style={{ fontStyle: 'italic', fontFamily: 'serif' }} />
        </ToolButton>
        <ToolButton label={label('link')} shortcut="Ctrl+K" isActive={state.isLink} isDisabled={isDisabled} onRun={props.onLink}>
          {ICONS.link}
        </ToolButton>
        <Separator />
        <ToolButton
          label={label('bulletList')}
          shortcut="Ctrl+Shift+8"
          isActive={state.isBulletList}
          isDisabled={isDisabled}
          onRun={() => chain().toggleBulletList().run()}
        >
          {ICONS.bulletList}
        </ToolButton>
        <ToolButton
          label={label('orderedList')}
          shortcut="Ctrl+Shift+7"
          isActive={state.isOrderedList}
          isDisabled={isDisabled}
          onRun={() => chain().toggleOrderedList().run()}
        >
          {ICONS.orderedList}
        </ToolButton>
        <ToolButton
          label={label('blockquote')}
          shortcut="Ctrl+Shift+B"
          isActive={state.isBlockquote}
          isDisabled={isDisabled}
          onRun={() => chain().toggleBlockquote().run()}
        >
          {ICONS.blockquote}
        </ToolButton>
        <ToolButton label={label('callout')} isActive={state.isCallout} isDisabled={isDisabled} onRun={() => chain().toggleCallout().run()}>
          {ICONS.callout}
        </ToolButton>
        <Separator />
        <ToolButton
          label={label('table')}
          isDisabled={isDisabled || state.isTable}
          onRun={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          {ICONS.table}
        </ToolButton>
        <ToolButton label={label('image')} isDisabled={isDisabled} onRun={props.onImage}>
          {ICONS.image}
        </ToolButton>
        <ToolButton label={label('footnote')} isDisabled={isDisabled} onRun={props.onFootnote}>
          {ICONS.footnote}
        </ToolButton>
        <Separator />
        <ToolButton label={label('undo')} shortcut="Ctrl+Z" isDisabled={isDisabled || !state.canUndo} onRun={() => chain().undo().run()}>
          {ICONS.undo}
        </ToolButton>
        <ToolButton
          label={label('redo')}
          shortcut="Ctrl+Shift+Z"
          isDisabled={isDisabled || !state.canRedo}
          onRun={() => chain().redo().run()}
        >
          {ICONS.redo}
        </ToolButton>
      </RovingToolbar>
      {!isDisabled && (state.isCallout || state.isTable || state.isImage) ? (
        <RovingToolbar label={t('studioDocuments.toolbar.contextLabel')} controls={props.editorId} dir={dir} onEscape={backToText}>
          {state.isCallout ? (
            <NativeSelect
              data-toolbar-item
              size="xs"
              aria-label={label('calloutTone')}
              value={state.tone}
              onChange={(event) =>
                chain()
                  .setCalloutTone(event.currentTarget.value as CalloutTone)
                  .run()
              }
              data={CALLOUT_TONES.map((tone) => ({ value: tone, label: t(`studioDocuments.callout.${tone}`) }))}
            />
          ) : null}
          {state.isTable ? (
            <>
              <TableButton label={label('addRow')} onRun={() => chain().addRowAfter().run()} />
              <TableButton label={label('addColumn')} onRun={() => chain().addColumnAfter().run()} />
              <TableButton label={label('deleteRow')} onRun={() => chain().deleteRow().run()} />
              <TableButton label={label('deleteColumn')} onRun={() => chain().deleteColumn().run()} />
              <TableButton label={label('headerRow')} onRun={() => chain().toggleHeaderRow().run()} />
              <TableButton label={label('deleteTable')} onRun={() => chain().deleteTable().run()} />
            </>
          ) : null}
          {state.isImage ? (
            <>
              <TableButton label={label('imageAlt')} onRun={props.onImageAlt} />
              <TableButton label={label('deleteImage')} onRun={() => chain().deleteSelection().run()} />
            </>
          ) : null}
        </RovingToolbar>
      ) : null}
    </>
  );
});

function TableButton({ label, onRun }: { label: string; onRun(): void }) {
  return (
    <Button data-toolbar-item size="compact-xs" variant="light" onMouseDown={(event) => event.preventDefault()} onClick={onRun}>
      {label}
    </Button>
  );
}
