/**
 * `tawasul render TEMPLATE --data FILE.json --out FILE.pdf|FILE.png|FILE.svg [--variant …] [--asset slot=FILE]`
 * and `tawasul render --list`: renders outside the app, with no database and no cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { RENDER_FORMATS, RENDER_VARIANTS, type RenderFormat, type RenderVariant } from '../../../shared/render/render.schema.js';
import { AppError } from '../errors.js';
import { Renderer } from './renderer.js';
import type { RegisteredTemplate } from './template-registry.js';

interface RenderCommandOptions {
  list?: boolean;
  data?: string;
  out?: string;
  variant?: string;
  asset: string[];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** One line per template: name, kind, variants, outputs, English title. */
export function describeTemplates(templates: RegisteredTemplate[]): string {
  const rows = templates.map(({ manifest }) => {
    const { png } = manifest.outputs;
    const outputs = [manifest.outputs.pdf && 'pdf', manifest.outputs.svg && 'svg', png && `png ${png.width}×${png.height}`].filter(Boolean);
    return [manifest.name, manifest.kind, manifest.variants.join(','), outputs.join(', '), manifest.title.en];
  });
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  return rows
    .map((row) => row.map((cell, column) => (column < 4 ? (cell as string).padEnd(widths[column] ?? 0) : cell)).join('  '))
    .join('\n');
}

/** The error in words for a terminal. */
function explain(error: unknown, known: string[]): Error {
  if (!(error instanceof AppError)) return error instanceof Error ? error : new Error(String(error));
  switch (error.code) {
    case 'NOT_FOUND':
      return new Error(`Unknown template "${String(error.params.template)}". Templates: ${known.join(', ')}`);
    case 'VALIDATION_FAILED':
      return new Error(
        `Invalid render request:\n${Object.entries(error.fields ?? {})
          .map(([field, code]) => `  ${field}: ${code}`)
          .join('\n')}`,
      );
    case 'RENDER_FAILED':
      return new Error(`Rendering failed: ${String(error.params.reason)}`);
    default:
      return new Error(error.code);
  }
}

function parseAssets(pairs: string[]): Record<string, Buffer> {
  const assets: Record<string, Buffer> = {};
  for (const pair of pairs) {
    const [slot, file] = pair.split(/=(.*)/s);
    if (!slot || !file) throw new Error(`--asset expects slot=FILE, got "${pair}"`);
    assets[slot] = readFileSync(file);
  }
  return assets;
}

async function runRender(template: string | undefined, options: RenderCommandOptions): Promise<void> {
  const renderer = await Renderer.create();
  const templates = renderer.registry.list();
  if (options.list) {
    console.log(describeTemplates(templates));
    return;
  }
  if (!template) throw new Error('Name a template (tawasul render --list shows them).');
  if (!options.out) throw new Error('--out FILE.pdf|FILE.png|FILE.svg is required.');
  const format = path.extname(options.out).slice(1).toLowerCase();
  if (!(RENDER_FORMATS as readonly string[]).includes(format))
    throw new Error(`--out must end in ${RENDER_FORMATS.map((f) => `.${f}`).join(', ')}`);
  if (options.variant && !(RENDER_VARIANTS as readonly string[]).includes(options.variant))
    throw new Error(`--variant must be one of ${RENDER_VARIANTS.join(', ')}`);
  try {
    const registered = renderer.registry.get(template);
    const variant = (options.variant ??
      (registered.manifest.variants.includes('bilingual') ? 'bilingual' : registered.manifest.variants[0])) as RenderVariant;
    const data = options.data ? (JSON.parse(readFileSync(options.data, 'utf8')) as unknown) : registered.sample;
    const output = await renderer.render({ template, variant, data, assets: parseAssets(options.asset), format: format as RenderFormat });
    writeFileSync(options.out, output.bytes);
    for (const warning of output.warnings) console.error(`warning: ${warning}`);
    console.log(`${options.out}: ${template} (${variant}), ${output.pageCount} page(s), ${Math.ceil(output.bytes.byteLength / 1024)} KiB`);
  } catch (error) {
    throw explain(
      error,
      templates.map((registered) => registered.manifest.name),
    );
  }
}

/** Adds `render` to the command line. */
export function registerRenderCommand(program: Command): void {
  program
    .command('render')
    .description('render a template to PDF, PNG or SVG without the app (no database); --list shows the templates')
    .argument('[template]', 'template name (folder of templates/typst/)')
    .option('--list', 'list the templates')
    .option('--data <file>', "JSON data for the template (default: the template's sample.json)")
    .option('--out <file>', 'file to write; its extension picks the format: .pdf, .png or .svg')
    .option('--variant <variant>', 'ar (Arabic first), fr (French first) or bilingual (default when the template has it)')
    .option('--asset <slot=file>', "an image for one of the template's asset slots, e.g. logo=logo.svg (repeatable)", collect, [])
    .action(runRender);
}
