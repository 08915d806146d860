/**
 * The footnote of the body format (`footnote`, attrs.text): an inline atom shown as its number
 * (a CSS counter, so numbers follow the order in the text), its text in the tooltip. Its text is
 * written and changed in the footnotes list under the editor.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts a footnote with this text at the cursor. */
      insertFootnote: (text: string) => ReturnType;
    };
  }
}

export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      text: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-footnote') ?? '',
        renderHTML: (attributes) => ({ 'data-footnote': String(attributes.text ?? '') }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { class: 'doc-footnote', title: String(node.attrs.text ?? '') })];
  },

  renderText({ node }) {
    return ` [${String(node.attrs.text ?? '')}]`;
  },

  addCommands() {
    return {
      insertFootnote:
        (text) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { text } }),
    };
  },
});

/** Position and text of every footnote of a document, in reading order. */
export function footnotesOf(doc: ProseMirrorNode): Array<{ position: number; text: string }> {
  const notes: Array<{ position: number; text: string }> = [];
  doc.descendants((node, position) => {
    if (node.type.name === 'footnote') notes.push({ position, text: String(node.attrs.text ?? '') });
  });
  return notes;
}
