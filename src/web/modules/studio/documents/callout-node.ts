/**
 * The callout block of the body format (`callout`, attrs.tone info | warning | success | quote,
 * content: blocks): an `<aside data-callout data-tone>` in the editor.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { CALLOUT_TONES, type CalloutTone } from '../../../../shared/studio/documents.schema.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    callout: {
      /** Wraps the selected blocks in a callout, or takes them out of the one they are in. */
      toggleCallout: (tone?: CalloutTone) => ReturnType;
      /** Changes the tone of the callout around the selection. */
      setCalloutTone: (tone: CalloutTone) => ReturnType;
    };
  }
}

const toneOf = (value: unknown): CalloutTone => (CALLOUT_TONES.includes(value as CalloutTone) ? (value as CalloutTone) : 'info');

export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'block+',
  defining: true,

  addAttributes() {
    return {
      tone: {
        default: 'info',
        parseHTML: (element) => toneOf(element.getAttribute('data-tone')),
        renderHTML: (attributes) => ({ 'data-tone': toneOf(attributes.tone) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'aside[data-callout]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes({ 'data-callout': '', class: 'doc-callout' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      toggleCallout:
        (tone = 'info') =>
        ({ commands, editor }) =>
          editor.isActive(this.name) ? commands.lift(this.name) : commands.wrapIn(this.name, { tone }),
      setCalloutTone:
        (tone) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { tone: toneOf(tone) }),
    };
  },
});
