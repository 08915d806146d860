/**
 * Templates are folders: `templates/typst/<name>/` holds `template.typ`, `manifest.ts` (see
 * `defineTemplate` in src/shared/render/render.schema.ts), `sample.json`, and any file the template
 * reads (a pattern, a default picture). `templates/typst/lib/` holds what templates share
 * (`#import "/lib/brand.typ": *`). The registry finds them by listing the folders: adding a template
 * touches no code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RENDER_VARIANTS, type TemplateManifest } from '../../../shared/render/render.schema.js';
import { AppError } from '../errors.js';
import { BUNDLED_MANIFESTS } from './bundled-manifests.js';
import { REPO_ROOT } from './typst-engine.js';

export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates', 'typst');
const LIB_FOLDER = 'lib';
/** Files of a template folder that are not given to the compiler. */
const NOT_MAPPED = /^(manifest\.ts|sample.*\.json|README\.md)$/;

export interface RegisteredTemplate {
  readonly manifest: TemplateManifest;
  readonly folder: string;
  /** Virtual path of the entry file (`/templates/<name>/template.typ`). */
  readonly mainPath: string;
  /** Virtual path → bytes of the template's own files. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** SHA-256 of the template's files and of the shared lib: part of every cache key. */
  readonly sourceHash: string;
  /** The sample data shipped with the template (tests, CLI examples, reference images). */
  readonly sample: unknown;
}

/** Every file under a folder, relative paths sorted (so hashes do not depend on listing order). */
function listFiles(folder: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, `${prefix}${name}/`));
    else out.push(`${prefix}${name}`);
  }
  return out;
}

function readFolder(folder: string, virtualFolder: string, filter: (relative: string) => boolean): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const relative of listFiles(folder)) {
    if (filter(relative)) files.set(path.posix.join(virtualFolder, relative), readFileSync(path.join(folder, relative)));
  }
  return files;
}

function hashFiles(...groups: ReadonlyMap<string, Buffer>[]): string {
  const hash = createHash('sha256');
  for (const files of groups) {
    for (const [virtualPath, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      hash.update(virtualPath).update('\0').update(bytes).update('\0');
    }
  }
  return hash.digest('hex');
}

function checkManifest(manifest: TemplateManifest | undefined, folderName: string, file: string): TemplateManifest {
  const problems: string[] = [];
  if (!manifest || typeof manifest !== 'object') throw new Error(`${file}: export \`manifest = defineTemplate({...})\``);
  if (manifest.name !== folderName) problems.push(`name "${manifest.name}" must be the folder name "${folderName}"`);
  if (!Number.isInteger(manifest.version) || manifest.version < 1) problems.push('version must be a positive integer');
  if (manifest.variants.length === 0 || manifest.variants.some((variant) => !RENDER_VARIANTS.includes(variant)))
    problems.push(`variants must be among ${RENDER_VARIANTS.join(', ')}`);
  if (!manifest.outputs.pdf && !manifest.outputs.svg && !manifest.outputs.png) problems.push('declare at least one output');
  if (typeof manifest.data?.safeParse !== 'function') problems.push('data must be a zod schema');
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return manifest;
}

/** The templates found in some folders (the repository's by default), with the shared lib. */
export class TemplateRegistry {
  private readonly byName = new Map<string, RegisteredTemplate>();
  /** Virtual path → bytes of `lib/`. */
  readonly libFiles: ReadonlyMap<string, Buffer>;

  private constructor(libFiles: Map<string, Buffer>, templates: RegisteredTemplate[]) {
    this.libFiles = libFiles;
    for (const template of templates) this.byName.set(template.manifest.name, template);
  }

  /** Reads every `<folder>/<name>/manifest.ts`; the lib comes from the first folder. */
  static async load(folders: readonly string[] = [TEMPLATES_DIR]): Promise<TemplateRegistry> {
    const libFolder = path.join(folders[0] ?? TEMPLATES_DIR, LIB_FOLDER);
    const libFiles = existsSync(libFolder) ? readFolder(libFolder, `/${LIB_FOLDER}`, (relative) => relative.endsWith('.typ')) : new Map();
    const templates: RegisteredTemplate[] = [];
    const seen = new Set<string>();
    for (const root of folders) {
      for (const name of readdirSync(root).sort()) {
        const folder = path.join(root, name);
        const manifestFile = path.join(folder, 'manifest.ts');
        if (name === LIB_FOLDER || !statSync(folder).isDirectory() || !existsSync(manifestFile)) continue;
        if (seen.has(name)) throw new Error(`Two templates are named ${name}`);
        seen.add(name);
        const module = (BUNDLED_MANIFESTS.get(manifestFile) ?? (await import(pathToFileURL(manifestFile).href))) as {
          manifest?: TemplateManifest;
        };
        const manifest = checkManifest(module.manifest, name, manifestFile);
        if (!existsSync(path.join(folder, 'template.typ'))) throw new Error(`${folder}: template.typ is missing`);
        const files = readFolder(folder, `/templates/${name}`, (relative) => !NOT_MAPPED.test(relative));
        const sampleFile = path.join(folder, 'sample.json');
        templates.push({
          manifest,
          folder,
          mainPath: `/templates/${name}/template.typ`,
          files,
          sourceHash: hashFiles(files, libFiles),
          sample: existsSync(sampleFile) ? JSON.parse(readFileSync(sampleFile, 'utf8')) : undefined,
        });
      }
    }
    return new TemplateRegistry(libFiles, templates);
  }

  list(): RegisteredTemplate[] {
    return [...this.byName.values()];
  }

  /** The template of that name, or NOT_FOUND. */
  get(name: string): RegisteredTemplate {
    const template = this.byName.get(name);
    if (!template) throw new AppError('NOT_FOUND', { params: { template: name } });
    return template;
  }
}
