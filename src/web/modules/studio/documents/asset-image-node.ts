/**
 * The image block of the body format (`image`, attrs.assetId of the asset library and alt): shown
 * by the library's thumbnail; only images carrying an asset id are kept when pasting.
 */
import { mergeAttributes, Node } from '@tiptap/core';

export interface AssetImageOptions {
  /** URL of the picture of an asset (its thumbnail). */
  sourceOf: (assetId: string) => string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    assetImage: {
      /** Inserts an image of the asset library at the cursor. */
      insertAssetImage: (attrs: { assetId: string; alt?: string | null }) => ReturnType;
      /** Changes the description of the selected image. */
      setImageAlt: (alt: string) => ReturnType;
    };
  }
}

export const AssetImage = Node.create<AssetImageOptions>({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { sourceOf: () => '' };
  },

  addAttributes() {
    return {
      assetId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-asset-id'),
        renderHTML: (attributes) => ({ 'data-asset-id': attributes.assetId }),
      },
      alt: {
        default: null,
        parseHTML: (element) => element.getAttribute('alt') || null,
        renderHTML: (attributes) => ({ alt: attributes.alt ?? '' }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'img[data-asset-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const assetId = typeof node.attrs.assetId === 'string' ? node.attrs.assetId : '';
    return ['img', mergeAttributes(HTMLAttributes, { src: assetId ? this.options.sourceOf(assetId) : '', class: 'doc-image' })];
  },

  addCommands() {
    return {
      insertAssetImage:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { assetId: attrs.assetId, alt: attrs.alt ?? null } }),
      setImageAlt:
        (alt) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { alt: alt.trim() === '' ? null : alt }),
    };
  },
});
