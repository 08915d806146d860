/**
 * The editor's schema: exactly the nodes and marks of the body format (documents.schema.ts) —
 * headings 1–3, paragraphs, lists, tables, library images, quotes, callouts, footnotes, bold,
 * italic and links — and nothing the body cannot hold (no code, strike, underline, rule, line break,
 * merged cells or resizable columns).
 */
import type { AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { DocumentMarkSchema } from '../../../../shared/studio/documents.schema.js';
import { AssetImage } from './asset-image-node.js';
import { Callout } from './callout-node.js';
import { Footnote } from './footnote-node.js';

/** Whether a link target is one the body format accepts (http, https or mailto). */
export const isAllowedHref = (href: string): boolean => DocumentMarkSchema.safeParse({ type: 'link', attrs: { href } }).success;

export function documentExtensions(options: { imageSourceOf: (assetId: string) => string }): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      underline: false,
      hardBreak: false,
      // A trailing paragraph would change a body ending with a table or an image on load; the gap cursor reaches past them.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: false,
        linkOnPaste: false,
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null },
        isAllowedUri: (url) => isAllowedHref(url),
      },
    }),
    TableKit.configure({ table: { resizable: false, allowTableNodeSelection: false } }),
    AssetImage.configure({ sourceOf: options.imageSourceOf }),
    Callout,
    Footnote,
  ];
}
