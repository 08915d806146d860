/**
 * Studio documents: the body format (a tiptap/ProseMirror-compatible JSON subset, one document per
 * language), the five layouts and the four language modes. Shared by the server (validation, layout
 * to render data), the API and the editor.
 *
 * Body: `{ type: 'doc', content: Block[] }` where blocks are
 *   heading (attrs.level 1–3) · paragraph · bulletList/orderedList → listItem → blocks ·
 *   table → tableRow → tableHeader/tableCell → blocks · image (attrs.assetId, alt) ·
 *   blockquote → blocks · callout (attrs.tone: info | warning | success | quote) → blocks
 * and inline content is `text` (marks bold, italic, link{href}) and `footnote` (attrs.text).
 * Limits: depth ≤ 12, ≤ 5000 nodes and ≤ 200 000 characters of text per language.
 */
import { z } from 'zod';

export const DOCUMENT_LAYOUTS = ['awareness-guide', 'advocacy-brief', 'capitalisation-sheet', 'research-report', 'fact-sheet'] as const;
export type DocumentLayout = (typeof DOCUMENT_LAYOUTS)[number];
export const DocumentLayoutSchema = z.enum(DOCUMENT_LAYOUTS);

export const DOCUMENT_MODES = ['ar', 'fr', 'bilingual-sequential', 'bilingual-facing'] as const;
export type DocumentMode = (typeof DOCUMENT_MODES)[number];
export const DocumentModeSchema = z.enum(DOCUMENT_MODES);

export const CALLOUT_TONES = ['info', 'warning', 'success', 'quote'] as const;
export type CalloutTone = (typeof CALLOUT_TONES)[number];

export const DOCUMENT_LIMITS = { depth: 12, nodes: 5000, characters: 200_000, textLength: 20_000, footnoteLength: 2000 } as const;

const LINK_HREF = /^(https?:\/\/|mailto:)[^\s]{1,2000}$/;

export const DocumentMarkSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({ type: z.literal('link'), attrs: z.strictObject({ href: z.string().regex(LINK_HREF, { message: 'LINK_INVALID' }) }) }),
]);
export type DocumentMark = z.infer<typeof DocumentMarkSchema>;

export interface TextNode {
  type: 'text';
  text: string;
  marks?: DocumentMark[];
}
export interface FootnoteNode {
  type: 'footnote';
  attrs: { text: string };
}
export type InlineNode = TextNode | FootnoteNode;
export interface HeadingNode {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 };
  content?: InlineNode[];
}
export interface ParagraphNode {
  type: 'paragraph';
  content?: InlineNode[];
}
export interface ListItemNode {
  type: 'listItem';
  content: BlockNode[];
}
export interface BulletListNode {
  type: 'bulletList';
  content: ListItemNode[];
}
export interface OrderedListNode {
  type: 'orderedList';
  attrs?: { start?: number };
  content: ListItemNode[];
}
export interface TableCellNode {
  type: 'tableCell' | 'tableHeader';
  content: BlockNode[];
}
export interface TableRowNode {
  type: 'tableRow';
  content: TableCellNode[];
}
export interface TableNode {
  type: 'table';
  content: TableRowNode[];
}
export interface ImageNode {
  type: 'image';
  attrs: { assetId: string; alt?: string };
}
export interface BlockquoteNode {
  type: 'blockquote';
  content: BlockNode[];
}
export interface CalloutNode {
  type: 'callout';
  attrs: { tone: CalloutTone };
  content: BlockNode[];
}
export type BlockNode =
  | HeadingNode
  | ParagraphNode
  | BulletListNode
  | OrderedListNode
  | TableNode
  | ImageNode
  | BlockquoteNode
  | CalloutNode;
export interface DocumentBody {
  type: 'doc';
  content: BlockNode[];
}

const TextNodeSchema: z.ZodType<TextNode> = z.strictObject({
  type: z.literal('text'),
  text: z.string().min(1).max(DOCUMENT_LIMITS.textLength, { message: 'TOO_LONG' }),
  marks: z.array(DocumentMarkSchema).max(3).optional(),
});
const FootnoteNodeSchema: z.ZodType<FootnoteNode> = z.strictObject({
  type: z.literal('footnote'),
  attrs: z.strictObject({ text: z.string().trim().min(1).max(DOCUMENT_LIMITS.footnoteLength, { message: 'TOO_LONG' }) }),
});
const InlineSchema: z.ZodType<InlineNode> = z.union([TextNodeSchema, FootnoteNodeSchema]);
const inlines = z.array(InlineSchema).max(2000).optional();

const blocks = (): z.ZodType<BlockNode[]> => z.array(z.lazy(() => BlockSchema)).max(2000);
const ListItemSchema: z.ZodType<ListItemNode> = z.strictObject({ type: z.literal('listItem'), content: z.lazy(blocks) });
const CellSchema: z.ZodType<TableCellNode> = z.strictObject({
  type: z.enum(['tableCell', 'tableHeader']),
  content: z.lazy(blocks),
});
const RowSchema: z.ZodType<TableRowNode> = z.strictObject({ type: z.literal('tableRow'), content: z.array(CellSchema).min(1).max(12) });

const BlockSchema: z.ZodType<BlockNode> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('heading'),
    attrs: z.strictObject({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
    content: inlines,
  }),
  z.strictObject({ type: z.literal('paragraph'), content: inlines }),
  z.strictObject({ type: z.literal('bulletList'), content: z.array(ListItemSchema).min(1).max(500) }),
  z.strictObject({
    type: z.literal('orderedList'),
    attrs: z.strictObject({ start: z.int().min(0).max(100_000).optional() }).optional(),
    content: z.array(ListItemSchema).min(1).max(500),
  }),
  z.strictObject({ type: z.literal('table'), content: z.array(RowSchema).min(1).max(500) }),
  z.strictObject({ type: z.literal('image'), attrs: z.strictObject({ assetId: z.uuid(), alt: z.string().max(500).optional() }) }),
  z.strictObject({ type: z.literal('blockquote'), content: z.lazy(blocks) }),
  z.strictObject({ type: z.literal('callout'), attrs: z.strictObject({ tone: z.enum(CALLOUT_TONES) }), content: z.lazy(blocks) }),
]);

/** Depth, node count and text size of a body (walks the JSON before the recursive schema does). */
export function measureBody(value: unknown): { depth: number; nodes: number; characters: number } {
  let nodes = 0;
  let characters = 0;
  let depth = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, level] = stack.pop() as [unknown, number];
    if (!node || typeof node !== 'object') continue;
    nodes += 1;
    depth = Math.max(depth, level);
    if (nodes > DOCUMENT_LIMITS.nodes || depth > DOCUMENT_LIMITS.depth) break;
    const record = node as { text?: unknown; attrs?: { text?: unknown }; content?: unknown };
    if (typeof record.text === 'string') characters += record.text.length;
    if (typeof record.attrs?.text === 'string') characters += record.attrs.text.length;
    if (Array.isArray(record.content)) for (const child of record.content) stack.push([child, level + 1]);
  }
  return { depth, nodes, characters };
}

/** One language's body. Limits are checked first, so a hostile nesting never reaches the recursive schema. */
export const DocumentBodySchema: z.ZodType<DocumentBody> = z
  .unknown()
  .superRefine((value, ctx) => {
    const size = measureBody(value);
    if (size.depth > DOCUMENT_LIMITS.depth) ctx.addIssue({ code: 'custom', message: 'TOO_DEEP' });
    else if (size.nodes > DOCUMENT_LIMITS.nodes || size.characters > DOCUMENT_LIMITS.characters)
      ctx.addIssue({ code: 'custom', message: 'TOO_LONG' });
  })
  .pipe(z.strictObject({ type: z.literal('doc'), content: blocks() })) as unknown as z.ZodType<DocumentBody>;

/** The body of a document: one tiptap document per language written. */
export const DocumentBodiesSchema = z.strictObject({ ar: DocumentBodySchema.optional(), fr: DocumentBodySchema.optional() });
export type DocumentBodies = z.infer<typeof DocumentBodiesSchema>;

/** Page-number digits, per workspace setting: Western 0–9 by default, Eastern Arabic ٠–٩ on request. */
export const DOCUMENT_DIGITS = ['western', 'eastern'] as const;
export type DocumentDigits = (typeof DOCUMENT_DIGITS)[number];

/** Image slots of the `document` template: body images (`image-<n>`) and partner logos (`partner-<n>`). */
export const DOCUMENT_IMAGE_SLOTS = 40;
export const DOCUMENT_PARTNER_SLOTS = 16;
