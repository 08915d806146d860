/**
 * One render, uncached: checks the request against the template's manifest, hands the data to Typst
 * as JSON through `sys.inputs` (never as Typst source: nothing a user types can run as code) and the
 * images as in-memory files, and has a backend (this process or the render process) compile and
 * export PDF, SVG or PNG.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type RenderFormat, type RenderVariant, variantLanguages } from '../../../shared/render/render.schema.js';
import { AppError, type FieldErrors } from '../errors.js';
import { fieldErrorsFromValidation } from '../http/error-handler.js';
import { sniffContentType } from '../storage/sniff.js';
import { ChildProcessBackend, type ChildProcessBackendOptions, InProcessBackend, type RenderBackend } from './render-backends.js';
import type { CompileOutput } from './render-core.js';
import { type RegisteredTemplate, TEMPLATES_DIR, TemplateRegistry } from './template-registry.js';
import { listShippedFonts, REPO_ROOT, TypstEngine } from './typst-engine.js';

export interface RenderInput {
  readonly template: string;
  readonly variant: RenderVariant;
  /** JSON the template's data schema accepts. */
  readonly data: unknown;
  /** Image bytes per asset slot the manifest declares (`logo`, `image`…). */
  readonly assets?: Readonly<Record<string, Uint8Array>>;
  readonly format: RenderFormat;
}

export type RenderOutput = CompileOutput;

interface PreparedAsset {
  readonly slot: string;
  readonly virtualPath: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly type: string;
}

/** A request checked against its manifest, with its cache key. */
export interface PreparedRender {
  readonly template: RegisteredTemplate;
  readonly variant: RenderVariant;
  readonly format: RenderFormat;
  readonly dataJson: string;
  readonly assets: readonly PreparedAsset[];
  /** SHA-256 of everything the output depends on. */
  readonly cacheKey: string;
}

const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

/** Increase when the key's recipe or the output for the same key changes (2: PNG of multi-page SVGs). */
const CACHE_KEY_FORMAT = 'tawasul-render-2';
const COMPILER_VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'), 'utf8')) as {
    version: string;
  }
).version;
let fontsFingerprint: string | undefined;

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Values at a dotted path where `*` walks every item of an array (`sections.*.heading`). */
function valuesAt(data: unknown, dottedPath: string): Array<{ path: string; value: unknown }> {
  let current: Array<{ path: string; value: unknown }> = [{ path: '', value: data }];
  for (const key of dottedPath.split('.')) {
    const next: Array<{ path: string; value: unknown }> = [];
    for (const { path: at, value } of current) {
      if (key === '*' && Array.isArray(value)) {
        for (const [index, item] of value.entries()) next.push({ path: `${at}.${index}`, value: item });
      } else if (value && typeof value === 'object' && key in value)
        next.push({ path: `${at}.${key}`, value: (value as Record<string, unknown>)[key] });
      else if (key !== '*') next.push({ path: `${at}.${key}`, value: undefined });
    }
    current = next;
  }
  return current.map(({ path: at, value }) => ({ path: at.slice(1), value }));
}

function checkRequiredTexts(template: RegisteredTemplate, variant: RenderVariant, data: unknown, fields: FieldErrors): void {
  for (const required of template.manifest.requiredTexts ?? []) {
    for (const { path: at, value } of valuesAt(data, required)) {
      for (const language of variantLanguages(variant)) {
        const text = value && typeof value === 'object' ? (value as Record<string, unknown>)[language] : undefined;
        if (typeof text !== 'string' || text.trim() === '') fields[`data.${at}.${language}`] ??= 'REQUIRED';
      }
    }
  }
}

/**
 * An SVG image may not point outside itself: a `href`, `src` or CSS `url()` other than `#…` or
 * `data:` (a file of the server, a web address) or an external entity is refused, so a render never
 * reads anything but the bytes it was given.
 */
export function hasExternalReference(svg: string): boolean {
  const targets = [
    ...[...svg.matchAll(/\b(?:href|src)\s*=\s*(["'])\s*(.*?)\1/gis)].map((match) => match[2] ?? ''),
    ...[...svg.matchAll(/url\(\s*(["']?)\s*(.*?)\1\s*\)/gis)].map((match) => match[2] ?? ''),
  ];
  if (targets.some((target) => !/^(#|data:)/i.test(target))) return true;
  return /@import/i.test(svg) || /<!ENTITY[^>]*\b(SYSTEM|PUBLIC)\b/i.test(svg);
}

function prepareAssets(template: RegisteredTemplate, assets: Readonly<Record<string, Uint8Array>>, fields: FieldErrors): PreparedAsset[] {
  const slots = template.manifest.assets ?? {};
  const prepared: PreparedAsset[] = [];
  for (const [slot, declaration] of Object.entries(slots)) {
    if (declaration.required && !assets[slot]) fields[`assets.${slot}`] = 'REQUIRED';
  }
  for (const [slot, bytes] of Object.entries(assets).sort(([a], [b]) => a.localeCompare(b))) {
    if (!(slot in slots)) {
      fields[`assets.${slot}`] = 'UNKNOWN_ASSET';
      continue;
    }
    const type = sniffContentType(bytes);
    const extension = type ? IMAGE_EXTENSIONS[type] : undefined;
    if (!type || !extension) {
      fields[`assets.${slot}`] = 'RENDER_IMAGE_TYPE';
      continue;
    }
    if (type === 'image/svg+xml' && hasExternalReference(Buffer.from(bytes).toString('utf8'))) {
      fields[`assets.${slot}`] = 'SVG_UNSAFE';
      continue;
    }
    const hash = sha256(bytes);
    prepared.push({ slot, virtualPath: `/assets/${hash}.${extension}`, bytes, sha256: hash, type });
  }
  return prepared;
}

export interface RendererOptions {
  /** `in-process` (default: the CLI, tests), `child-process` (the app, see render-backends.ts), or a backend. */
  readonly backend?: 'in-process' | 'child-process' | RenderBackend;
  readonly childProcess?: ChildProcessBackendOptions;
}

/** The templates and a backend, checking and running renders. */
export class Renderer {
  /** Hash of the shipped fonts: part of every cache key. */
  private readonly fontsFingerprint: string;

  constructor(
    readonly registry: TemplateRegistry,
    readonly backend: RenderBackend,
  ) {
    fontsFingerprint ??= listShippedFonts().fingerprint;
    this.fontsFingerprint = fontsFingerprint;
    const files = new Map<string, Uint8Array>(registry.libFiles);
    for (const template of registry.list()) for (const [virtualPath, bytes] of template.files) files.set(virtualPath, bytes);
    backend.mount(files);
  }

  /** Checks a request (unknown template → NOT_FOUND; bad data, variant, format or asset → VALIDATION_FAILED). */
  prepare(input: RenderInput): PreparedRender {
    const template = this.registry.get(input.template);
    const { manifest } = template;
    const fields: FieldErrors = {};
    if (!manifest.variants.includes(input.variant)) fields.variant = 'UNSUPPORTED_VARIANT';
    const declared = input.format === 'png' ? Boolean(manifest.outputs.png) : manifest.outputs[input.format];
    if (!declared) fields.format = 'UNSUPPORTED_FORMAT';
    const parsed = manifest.data.safeParse(input.data, { reportInput: true });
    if (!parsed.success) {
      Object.assign(
        fields,
        fieldErrorsFromValidation(
          parsed.error.issues.map((issue) => ({
            keyword: issue.code,
            instancePath: `/data${issue.path.map((key) => `/${String(key)}`).join('')}`,
            message: issue.message,
            params: { ...issue, input: (issue as { input?: unknown }).input },
          })),
        ),
      );
    } else {
      checkRequiredTexts(template, input.variant, parsed.data, fields);
    }
    const assets = prepareAssets(template, input.assets ?? {}, fields);
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });

    const dataJson = JSON.stringify(parsed.data);
    const png = manifest.outputs.png;
    const cacheKey = sha256(
      JSON.stringify([
        CACHE_KEY_FORMAT,
        COMPILER_VERSION,
        this.fontsFingerprint,
        manifest.name,
        manifest.version,
        template.sourceHash,
        input.variant,
        input.format,
        input.format === 'png' && png ? [png.width, png.height] : null,
        dataJson,
        assets.map((asset) => [asset.slot, asset.sha256]),
      ]),
    );
    return { template, variant: input.variant, format: input.format, dataJson, assets, cacheKey };
  }

  /** Runs a prepared render on the backend. */
  produce(prepared: PreparedRender): Promise<RenderOutput> {
    const { template, format } = prepared;
    return this.backend.run({
      mainPath: template.mainPath,
      inputs: {
        data: prepared.dataJson,
        variant: prepared.variant,
        assets: JSON.stringify(Object.fromEntries(prepared.assets.map((asset) => [asset.slot, asset.virtualPath]))),
      },
      format,
      png: template.manifest.outputs.png,
      assets: prepared.assets.map(({ virtualPath, bytes, sha256: hash, type }) => ({ virtualPath, bytes, sha256: hash, type })),
    });
  }

  /** Checks and runs a render, uncached. */
  async render(input: RenderInput): Promise<RenderOutput & { cacheKey: string }> {
    const prepared = this.prepare(input);
    return { ...(await this.produce(prepared)), cacheKey: prepared.cacheKey };
  }

  /** Stops the backend's render process, if any. */
  close(): Promise<void> {
    return this.backend.close();
  }

  /** A renderer over some template folders (the repository's by default). */
  static async create(templateFolders: readonly string[] = [TEMPLATES_DIR], options: RendererOptions = {}): Promise<Renderer> {
    const registry = await TemplateRegistry.load(templateFolders);
    const backend =
      typeof options.backend === 'object'
        ? options.backend
        : options.backend === 'child-process'
          ? new ChildProcessBackend(options.childProcess)
          : new InProcessBackend(sharedTypstEngine());
    return new Renderer(registry, backend);
  }
}

let engine: TypstEngine | undefined;
let defaultRenderer: Promise<Renderer> | undefined;

/** The process's one in-process compiler. */
export function sharedTypstEngine(): TypstEngine {
  engine ??= new TypstEngine();
  return engine;
}

/**
 * The renderer the service uses: the repository's templates, compiled in a render process that is
 * replaced now and then (loaded on first use). Its idle child never keeps the process alive.
 */
export function sharedRenderer(): Promise<Renderer> {
  defaultRenderer ??= Renderer.create([TEMPLATES_DIR], { backend: 'child-process' }).catch((error: unknown) => {
    defaultRenderer = undefined;
    throw error;
  });
  return defaultRenderer;
}

/** Stops the service's render process (tests, benchmarks, shutdown). */
export async function closeSharedRenderer(): Promise<void> {
  const renderer = defaultRenderer;
  defaultRenderer = undefined;
  await (await renderer)?.close();
}
