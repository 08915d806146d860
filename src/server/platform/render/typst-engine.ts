/**
 * The Typst compiler, one instance per process (its caches make warm renders take milliseconds).
 * It sees a virtual file system only: templates and assets are mapped in memory under
 * `VIRTUAL_ROOT`, a folder that does not exist on disk, so no template and no data can read a file
 * of the machine. It sees only the fonts shipped in `assets/fonts/`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
// Written, never read: the compiler's font search reads FONTCONFIG_FILE (see `createIsolatedCompiler`).
import { env as processEnvironment } from 'node:process';
import { fileURLToPath } from 'node:url';
import type { NodeCompiler, NodeError, NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import { AppError } from '../errors.js';
import { typstCompiler } from '../native-packages.js';

/** The repository's root folder (templates and fonts ship with the code). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const FONTS_DIR = path.join(REPO_ROOT, 'assets', 'fonts');
/** A fontconfig file naming one folder without fonts: the machine's fonts stay hidden from Typst. */
const ISOLATING_FONTCONFIG = path.join(FONTS_DIR, 'fontconfig', 'fonts.conf');

/** Root of the compiler's virtual file system; `#import "/lib/brand.typ"` resolves under it. */
export const VIRTUAL_ROOT = '/tawasul-typst-root';

export interface ShippedFonts {
  readonly files: string[];
  /** Hash of every font file: part of each render's cache key. */
  readonly fingerprint: string;
}

/** The TTF/OTF files of `assets/fonts/` (Typst ignores WOFF). */
export function listShippedFonts(dir = FONTS_DIR): ShippedFonts {
  const files = readdirSync(dir)
    .filter((name) => /\.(ttf|otf)$/i.test(name))
    .sort()
    .map((name) => path.join(dir, name));
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.basename(file)).update(readFileSync(file));
  return { files, fingerprint: hash.digest('hex') };
}

/**
 * typst-ts has no "ignore system fonts" switch: when created it also loads the fonts fontconfig
 * names. Pointing FONTCONFIG_FILE at our isolating file for the duration of `create` (synchronous, so
 * nothing else runs meanwhile) hides them; the variable is restored at once so child processes
 * (Chromium in benchmarks and tests) keep the machine's usual fonts.
 */
function createIsolatedCompiler(fonts: ShippedFonts): NodeCompiler {
  const previous = processEnvironment.FONTCONFIG_FILE;
  processEnvironment.FONTCONFIG_FILE = ISOLATING_FONTCONFIG;
  try {
    return typstCompiler().NodeCompiler.create({
      workspace: VIRTUAL_ROOT,
      fontArgs: [{ fontBlobs: fonts.files.map((file) => readFileSync(file)) }],
    });
  } finally {
    if (previous === undefined) delete processEnvironment.FONTCONFIG_FILE;
    else processEnvironment.FONTCONFIG_FILE = previous;
  }
}

interface Diagnostic {
  message?: string;
  path?: string;
  severity?: number | string;
  hints?: string[];
  range?: unknown;
}

/** A readable one-line reason from Typst's diagnostics (file relative to the virtual root). */
export function describeDiagnostics(diagnostics: Diagnostic[]): string {
  const parts = diagnostics.slice(0, 3).map((diagnostic) => {
    const file = diagnostic.path ? diagnostic.path.replace(`${VIRTUAL_ROOT}/`, '').replace('__main__.typ', 'main') : '';
    const hints = diagnostic.hints?.length ? ` (${diagnostic.hints.join('; ')})` : '';
    return `${file ? `${file}: ` : ''}${diagnostic.message ?? 'unknown error'}${hints}`;
  });
  return parts.join(' | ') || 'unknown Typst error';
}

function diagnosticsOf(error: NodeError | null): Diagnostic[] {
  if (!error) return [];
  try {
    return error.shortDiagnostics as Diagnostic[];
  } catch {
    return [{ message: error.kind }];
  }
}

export interface CompiledDocument {
  readonly document: NodeTypstDocument;
  readonly pageCount: number;
  /** Typst warnings (an unknown font family, for one): a template should compile without any. */
  readonly warnings: string[];
}

/** The one compiler of the process and the files mapped into its virtual file system. */
export class TypstEngine {
  private readonly compiler: NodeCompiler;
  readonly fonts: ShippedFonts;

  constructor(fonts: ShippedFonts = listShippedFonts()) {
    this.fonts = fonts;
    this.compiler = createIsolatedCompiler(fonts);
  }

  /** Maps bytes at a path of the virtual root (`/lib/brand.typ` → `VIRTUAL_ROOT/lib/brand.typ`). */
  mapFile(virtualPath: string, bytes: Uint8Array): void {
    this.compiler.mapShadow(path.posix.join(VIRTUAL_ROOT, virtualPath), Buffer.from(bytes));
  }

  unmapFile(virtualPath: string): void {
    this.compiler.unmapShadow(path.posix.join(VIRTUAL_ROOT, virtualPath));
  }

  /**
   * Compiles a mapped file with string inputs (`sys.inputs`). Synchronous: it holds the event loop,
   * which is why long documents render in a job. Errors become RENDER_FAILED with Typst's message.
   */
  compile(mainPath: string, inputs: Record<string, string>): CompiledDocument {
    let result: ReturnType<NodeCompiler['compile']>;
    try {
      result = this.compiler.compile({ mainFilePath: path.posix.join(VIRTUAL_ROOT, mainPath), inputs });
    } catch (error) {
      throw new AppError('RENDER_FAILED', { params: { reason: error instanceof Error ? error.message : String(error) }, cause: error });
    }
    const error = result.takeError();
    const document = result.result;
    if (error || !document) {
      throw new AppError('RENDER_FAILED', { params: { reason: describeDiagnostics(diagnosticsOf(error)) } });
    }
    const warnings = diagnosticsOf(result.takeWarnings()).map((warning) => describeDiagnostics([warning]));
    return { document, pageCount: document.numOfPages, warnings };
  }

  pdf(document: NodeTypstDocument): Buffer {
    return this.exporting(() => this.compiler.pdf(document));
  }

  /** Plain SVG of every page stacked (glyphs as paths: no font needed to display it). */
  svg(document: NodeTypstDocument): string {
    return this.exporting(() => this.compiler.plainSvg(document));
  }

  /** Drops cached results not used in the last `maxAge` compilations (call now and then in long-lived processes). */
  evictCache(maxAge = 30): void {
    this.compiler.evictCache(maxAge);
  }

  private exporting<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw new AppError('RENDER_FAILED', { params: { reason: error instanceof Error ? error.message : String(error) }, cause: error });
    }
  }
}
