import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type BlockNode, CALLOUT_TONES, type DocumentBody, DocumentBodySchema } from '../../../../shared/studio/documents.schema.js';
import { bodyOf, editorContentOf } from './body-conversion.js';
import { documentExtensions } from './editor-extensions.js';

const ASSET = '5b0c6a1e-8f1d-4c1e-9a55-0f6f3f1e2d11';
const paragraph = (text: string): BlockNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** One body per node type of the format, each written in its canonical form. */
const CASES: Record<string, BlockNode[]> = {
  'heading 1': [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'الفصل الأول' }] }],
  'heading 2': [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Contexte' }] }],
  'heading 3': [{ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Détails' }] }],
  'empty heading': [{ type: 'heading', attrs: { level: 2 } }],
  paragraph: [paragraph('Les coopératives de Sfax.')],
  'empty paragraph between two': [paragraph('a'), { type: 'paragraph' }, paragraph('b')],
  marks: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'gras', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' puis ' },
        { type: 'text', text: 'italique', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' ' },
        {
          type: 'text',
          text: 'les deux liés',
          marks: [{ type: 'bold' }, { type: 'italic' }, { type: 'link', attrs: { href: 'https://altermed.example/rapport' } }],
        },
        { type: 'text', text: ' et ' },
        { type: 'text', text: 'un courriel', marks: [{ type: 'link', attrs: { href: 'mailto:contact@altermed.example' } }] },
      ],
    },
  ],
  footnote: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'نسبة البطالة 15 %' },
        { type: 'footnote', attrs: { text: 'المعهد الوطني للإحصاء، 2025.' } },
        { type: 'text', text: ' في الجهة.' },
        { type: 'footnote', attrs: { text: 'Une note avec #, [crochets] et <b>balises</b>' } },
      ],
    },
  ],
  'bullet list': [
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph('premier')] },
        {
          type: 'listItem',
          content: [paragraph('second'), { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('imbriqué')] }] }],
        },
      ],
    },
  ],
  'ordered list': [
    {
      type: 'orderedList',
      content: [
        { type: 'listItem', content: [paragraph('أولًا')] },
        { type: 'listItem', content: [paragraph('ثانيًا')] },
      ],
    },
  ],
  'ordered list from 4': [{ type: 'orderedList', attrs: { start: 4 }, content: [{ type: 'listItem', content: [paragraph('quatrième')] }] }],
  table: [
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [paragraph('Ville')] },
            { type: 'tableHeader', content: [paragraph('Coopératives')] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [paragraph('Sfax')] },
            { type: 'tableCell', content: [paragraph('12')] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [{ type: 'paragraph' }] },
            { type: 'tableCell', content: [paragraph('3'), paragraph('dont 1 en création')] },
          ],
        },
      ],
    },
  ],
  image: [{ type: 'image', attrs: { assetId: ASSET, alt: 'Atelier à Sfax' } }],
  'image without description': [paragraph('avant'), { type: 'image', attrs: { assetId: ASSET } }],
  blockquote: [{ type: 'blockquote', content: [paragraph('« Nous avons appris ensemble. »'), paragraph('— une participante')] }],
  ...Object.fromEntries(
    CALLOUT_TONES.map((tone) => [
      `callout ${tone}`,
      [
        {
          type: 'callout',
          attrs: { tone },
          content: [
            { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'À retenir' }] },
            paragraph('Trois recommandations.'),
          ],
        },
      ],
    ]),
  ),
  'nested callout list quote': [
    {
      type: 'callout',
      attrs: { tone: 'warning' },
      content: [
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [paragraph('point'), { type: 'blockquote', content: [paragraph('cité')] }] }],
        },
      ],
    },
  ],
  empty: [],
};

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

const editorFor = (body: DocumentBody) => {
  editor = new Editor({ extensions: documentExtensions({ imageSourceOf: (id) => `/thumbnail/${id}` }), content: editorContentOf(body) });
  return editor;
};

describe('document body ↔ editor', () => {
  for (const [name, content] of Object.entries(CASES)) {
    it(`round-trips ${name} through the editor, and the result passes the body schema`, () => {
      const body: DocumentBody = { type: 'doc', content };
      expect(DocumentBodySchema.safeParse(body).success).toBe(true);
      const json = editorFor(body).getJSON();
      const back = bodyOf(json);
      expect(back).toEqual(body);
      expect(DocumentBodySchema.safeParse(back).success).toBe(true);
      // And back again: the editor loads the result into the same document.
      editor?.destroy();
      expect(editorFor(back).getJSON()).toEqual(json);
    });
  }

  it('completes what the editor cannot hold with empty paragraphs, and nothing else', () => {
    const body: DocumentBody = {
      type: 'doc',
      content: [
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 't' }] }] }],
        },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [] }] }] },
        { type: 'callout', attrs: { tone: 'success' }, content: [] },
        { type: 'orderedList', attrs: { start: 1 }, content: [{ type: 'listItem', content: [paragraph('x')] }] },
      ],
    };
    const back = bodyOf(editorFor(body).getJSON());
    expect(back.content).toEqual([
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph' }, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 't' }] }],
          },
        ],
      },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }] }] },
      { type: 'callout', attrs: { tone: 'success' }, content: [{ type: 'paragraph' }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph('x')] }] },
    ]);
    expect(DocumentBodySchema.safeParse(back).success).toBe(true);
  });

  it('keeps only what the format knows from pasted HTML: no unknown marks, no outside images, no script links', () => {
    const pasted = editorFor({ type: 'doc', content: [] });
    pasted.commands.setContent(
      '<h4>Titre 4</h4><p><u>souligné</u> <s>barré</s> <code>code</code> <a href="javascript:alert(1)">piège</a> <a href="/relatif">relatif</a> <a href="https://ok.example">ok</a></p>' +
        '<img src="https://tracker.example/x.png"><pre>bloc</pre><hr><p>a<br>b</p>' +
        '<aside data-callout data-tone="danger"><p>inconnu</p></aside><p>note<sup data-footnote="Source">1</sup></p>',
    );
    const body = bodyOf(pasted.getJSON());
    expect(DocumentBodySchema.safeParse(body).success).toBe(true);
    const text = JSON.stringify(body);
    expect(text).not.toContain('javascript:');
    expect(text).not.toContain('tracker.example');
    expect(text).not.toContain('/relatif');
    expect(text).toContain('https://ok.example');
    expect(body.content.some((block) => block.type === 'callout' && block.attrs.tone === 'info')).toBe(true);
    expect(text).toContain('"type":"footnote","attrs":{"text":"Source"}');
  });

  it('emits bodies that pass the schema after each editing command', () => {
    const commands: Record<string, (target: Editor) => boolean> = {
      heading: (target) => target.chain().focus('end').toggleHeading({ level: 1 }).run(),
      orderedList: (target) => target.chain().focus('end').toggleOrderedList().run(),
      bulletList: (target) => target.chain().focus('end').toggleBulletList().run(),
      blockquote: (target) => target.chain().focus('end').toggleBlockquote().run(),
      footnote: (target) => target.chain().focus('end').insertFootnote('Rapport 2025').run(),
      callout: (target) => target.chain().focus('end').toggleCallout('warning').run(),
      image: (target) => target.chain().focus('end').insertAssetImage({ assetId: ASSET, alt: 'photo' }).run(),
      tableHeader: (target) => target.chain().focus('end').insertTable({ rows: 2, cols: 2, withHeaderRow: true }).run(),
      link: (target) => target.chain().selectAll().setLink({ href: 'https://altermed.example' }).run(),
    };
    for (const [type, command] of Object.entries(commands)) {
      const edited = editorFor({ type: 'doc', content: [paragraph('Recommandations')] });
      expect(command(edited), type).toBe(true);
      const body = bodyOf(edited.getJSON());
      const parsed = DocumentBodySchema.safeParse(body);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(JSON.stringify(body)).toContain(`"type":"${type}"`);
      edited.destroy();
    }
  });
});
