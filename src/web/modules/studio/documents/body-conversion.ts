/**
 * The document body (src/shared/studio/documents.schema.ts) ↔ the tiptap editor's JSON.
 *
 * `editorContentOf(body)` adds what the editor's schema carries beyond the body (default attributes
 * such as `orderedList.start = 1`, `image.alt = null`), and `bodyOf(editorJson)` keeps only what the
 * body format knows (a whitelist: unknown nodes, marks and attributes are dropped), so what the editor
 * emits always passes DocumentBodySchema.
 *
 * Canonical forms (conversion is lossless for bodies written in them, which is what `bodyOf` emits):
 * marks in the order bold, italic, link; `orderedList.attrs` only when `start` is not 1; `image.alt`
 * only when not empty; an empty document is `content: []` (the editor shows one empty paragraph).
 * A body the editor's schema cannot hold is completed with empty paragraphs, the only change made:
 * a list item whose first block is not a paragraph, and an empty list item, table cell, quote or callout.
 */
import type { JSONContent } from '@tiptap/core';
import {
  type BlockNode,
  CALLOUT_TONES,
  type CalloutTone,
  type DocumentBody,
  type DocumentMark,
  type InlineNode,
  type ListItemNode,
  type TableCellNode,
  type TableRowNode,
} from '../../../../shared/studio/documents.schema.js';

const MARK_ORDER: Record<DocumentMark['type'], number> = { bold: 0, italic: 1, link: 2 };
const EMPTY_PARAGRAPH: JSONContent = { type: 'paragraph' };

/** The body's JSON as the editor loads it. */
export function editorContentOf(body: DocumentBody | undefined | null): JSONContent {
  const content = (body?.content ?? []).map(editorBlock);
  return { type: 'doc', content: content.length > 0 ? content : [EMPTY_PARAGRAPH] };
}

function editorBlocks(blocks: readonly BlockNode[]): JSONContent[] {
  return blocks.length > 0 ? blocks.map(editorBlock) : [EMPTY_PARAGRAPH];
}

function editorListItem(item: ListItemNode): JSONContent {
  const content = item.content.map(editorBlock);
  // The editor's list item starts with a paragraph (tiptap's `paragraph block*`).
  if (content[0]?.type !== 'paragraph') content.unshift(EMPTY_PARAGRAPH);
  return { type: 'listItem', content };
}

function editorBlock(block: BlockNode): JSONContent {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', attrs: { level: block.attrs.level }, ...editorInlines(block.content) };
    case 'paragraph':
      return { type: 'paragraph', ...editorInlines(block.content) };
    case 'bulletList':
      return { type: 'bulletList', content: block.content.map(editorListItem) };
    case 'orderedList':
      return { type: 'orderedList', attrs: { start: block.attrs?.start ?? 1, type: null }, content: block.content.map(editorListItem) };
    case 'table':
      return {
        type: 'table',
        content: block.content.map((row) => ({
          type: 'tableRow',
          content: row.content.map((cell) => ({
            type: cell.type,
            attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
            content: editorBlocks(cell.content),
          })),
        })),
      };
    case 'image':
      return { type: 'image', attrs: { assetId: block.attrs.assetId, alt: block.attrs.alt ?? null } };
    case 'blockquote':
      return { type: 'blockquote', content: editorBlocks(block.content) };
    case 'callout':
      return { type: 'callout', attrs: { tone: block.attrs.tone }, content: editorBlocks(block.content) };
    default: {
      const unknown: never = block;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

function editorInlines(content: readonly InlineNode[] | undefined): { content?: JSONContent[] } {
  if (!content || content.length === 0) return {};
  return {
    content: content.map((node) =>
      node.type === 'footnote'
        ? { type: 'footnote', attrs: { text: node.attrs.text } }
        : { type: 'text', text: node.text, ...(node.marks?.length ? { marks: sortMarks(node.marks).map(editorMark) } : {}) },
    ),
  };
}

function editorMark(mark: DocumentMark): { type: string; attrs?: Record<string, unknown> } {
  return mark.type === 'link' ? { type: 'link', attrs: { href: mark.attrs.href } } : { type: mark.type };
}

const sortMarks = <T extends { type: string }>(marks: readonly T[]): T[] =>
  [...marks].sort((a, b) => (MARK_ORDER[a.type as DocumentMark['type']] ?? 9) - (MARK_ORDER[b.type as DocumentMark['type']] ?? 9));

/** The editor's JSON (editor.getJSON()) as a body: only what the body format knows. */
export function bodyOf(json: JSONContent): DocumentBody {
  const content = blocksOf(json.content);
  // The editor's empty document is one empty paragraph.
  const isEmpty = content.length === 1 && content[0]?.type === 'paragraph' && !content[0].content;
  return { type: 'doc', content: isEmpty ? [] : content };
}

function blocksOf(nodes: readonly JSONContent[] | undefined): BlockNode[] {
  return (nodes ?? []).flatMap((node) => {
    const block = blockOf(node);
    return block ? [block] : [];
  });
}

const attr = (node: JSONContent, name: string): unknown => node.attrs?.[name];

function listItemsOf(node: JSONContent): ListItemNode[] {
  return (node.content ?? [])
    .filter((item) => item.type === 'listItem')
    .map((item) => ({ type: 'listItem', content: blocksOf(item.content) }));
}

function rowsOf(node: JSONContent): TableRowNode[] {
  return (node.content ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => ({
      type: 'tableRow' as const,
      content: (row.content ?? [])
        .filter((cell) => cell.type === 'tableCell' || cell.type === 'tableHeader')
        .map((cell): TableCellNode => ({ type: cell.type as TableCellNode['type'], content: blocksOf(cell.content) })),
    }))
    .filter((row) => row.content.length > 0);
}

function blockOf(node: JSONContent): BlockNode | null {
  switch (node.type) {
    case 'heading': {
      const level = Number(attr(node, 'level'));
      return { type: 'heading', attrs: { level: level === 1 || level === 2 ? level : 3 }, ...inlinesOf(node.content) };
    }
    case 'paragraph':
      return { type: 'paragraph', ...inlinesOf(node.content) };
    case 'bulletList': {
      const items = listItemsOf(node);
      return items.length > 0 ? { type: 'bulletList', content: items } : null;
    }
    case 'orderedList': {
      const items = listItemsOf(node);
      const start = attr(node, 'start');
      if (items.length === 0) return null;
      return typeof start === 'number' && Number.isInteger(start) && start !== 1 && start >= 0
        ? { type: 'orderedList', attrs: { start }, content: items }
        : { type: 'orderedList', content: items };
    }
    case 'table': {
      const rows = rowsOf(node);
      return rows.length > 0 ? { type: 'table', content: rows } : null;
    }
    case 'image': {
      const assetId = attr(node, 'assetId');
      const alt = attr(node, 'alt');
      if (typeof assetId !== 'string' || assetId === '') return null;
      return { type: 'image', attrs: typeof alt === 'string' && alt.trim() !== '' ? { assetId, alt } : { assetId } };
    }
    case 'blockquote':
      return { type: 'blockquote', content: blocksOf(node.content) };
    case 'callout': {
      const tone = attr(node, 'tone');
      return {
        type: 'callout',
        attrs: { tone: CALLOUT_TONES.includes(tone as CalloutTone) ? (tone as CalloutTone) : 'info' },
        content: blocksOf(node.content),
      };
    }
    default:
      return null;
  }
}

function inlinesOf(nodes: readonly JSONContent[] | undefined): { content?: InlineNode[] } {
  const content = (nodes ?? []).flatMap((node): InlineNode[] => {
    if (node.type === 'footnote') {
      const text = attr(node, 'text');
      return typeof text === 'string' && text.trim() !== '' ? [{ type: 'footnote', attrs: { text } }] : [];
    }
    if (node.type !== 'text' || !node.text) return [];
    const marks = sortMarks(node.marks ?? []).flatMap((mark): DocumentMark[] => {
      if (mark.type === 'bold' || mark.type === 'italic') return [{ type: mark.type }];
      const href = mark.attrs?.href;
      return mark.type === 'link' && typeof href === 'string' ? [{ type: 'link', attrs: { href } }] : [];
    });
    return [{ type: 'text', text: node.text, ...(marks.length > 0 ? { marks } : {}) }];
  });
  return content.length > 0 ? { content } : {};
}
