// `tawasul worker` from a bundle of its own TypeScript sources, made by esbuild at every start (about
// half a second). Through tsx's loader a worker held ~90 MiB more: the loader's thread (a second V8
// heap that every module's source passes through) and the transformed sources. The bundle is plain
// JavaScript in the temporary folder: every package import points at its file in node_modules, every
// `import.meta.url` is the URL of the source file it was written in (migrations, catalogs, fonts and
// templates are found beside the sources, as under tsx), and a source map points stack traces at the
// TypeScript. The template manifests, which the sources import at run time by path, are compiled in
// too, so the worker runs without tsx (its loader thread alone holds ~35 MiB).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = path.join(ROOT, 'src/server/worker.ts');
const MANIFESTS_MODULE = path.join(ROOT, 'src/server/platform/render/bundled-manifests.ts');
const TEMPLATES_DIR = path.join(ROOT, 'templates/typst');

/** `bundled-manifests.ts` becomes imports of every template's `manifest.ts`, as the registry finds them. */
const bundledManifests = {
  name: 'tawasul-bundled-manifests',
  setup(build) {
    build.onLoad({ filter: /bundled-manifests\.ts$/ }, (args) => {
      if (args.path !== MANIFESTS_MODULE) return undefined;
      const files = readdirSync(TEMPLATES_DIR)
        .sort()
        .map((name) => path.join(TEMPLATES_DIR, name, 'manifest.ts'))
        .filter((file) => existsSync(file));
      const imports = files.map((file, index) => `import * as manifest${index} from ${JSON.stringify(file)};`);
      const entries = files.map((file, index) => `[${JSON.stringify(file)}, manifest${index}]`);
      return {
        contents: `${imports.join('\n')}\nexport const BUNDLED_MANIFESTS = new Map([${entries.join(', ')}]);\n`,
        loader: 'ts',
        resolveDir: ROOT,
      };
    });
  },
};

/** `import.meta.url` replaced by its file's URL in every source; any other use of `import.meta` is refused. */
const ownUrls = {
  name: 'tawasul-own-urls',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const text = (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      if (/\bimport\.meta\b/.test(text)) {
        return { errors: [{ text: `${path.relative(ROOT, args.path)} uses import.meta beyond import.meta.url` }] };
      }
      return { contents: text, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** Packages stay outside the bundle, imported by the file URL Node resolves for them from here. */
const packagesByUrl = {
  name: 'tawasul-packages-by-url',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      return { path: import.meta.resolve(args.path), external: true };
    });
  },
};

/** Bundles the worker's sources; resolves the bundle's file URL. */
export async function bundleWorker() {
  // esbuild as tsx has it (tsx transforms with it too).
  const esbuild = createRequire(import.meta.resolve('tsx'))('esbuild');
  const outfile = path.join(tmpdir(), 'tawasul-worker.mjs');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    write: false,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [bundledManifests, ownUrls, packagesByUrl],
  });
  await esbuild.stop();
  const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'));
  const map = result.outputFiles.find((file) => file.path.endsWith('.map'));
  if (!code || !map) throw new Error('esbuild wrote no bundle');
  // Named by content, so workers started together from the same sources share one file.
  const name = `tawasul-worker-${createHash('sha256').update(code.contents).digest('hex').slice(0, 16)}.mjs`;
  const file = path.join(tmpdir(), name);
  const text = code.text.replace(/\/\/# sourceMappingURL=.*\n?$/, `//# sourceMappingURL=${name}.map\n`);
  await writeAtomically(`${file}.map`, map.contents);
  await writeAtomically(file, text);
  return pathToFileURL(file).href;
}

async function writeAtomically(file, contents) {
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, contents);
  await rename(partial, file);
}

/**
 * Runs `tawasul worker` from the bundle; if the bundle cannot be made or loaded, says so and runs it
 * through tsx like every other command.
 */
export async function runBundledWorker(registerTsx) {
  let worker;
  try {
    process.setSourceMapsEnabled(true);
    worker = await import(await bundleWorker());
  } catch (error) {
    process.stderr.write(`tawasul worker: running through tsx, the bundle failed: ${error instanceof Error ? error.message : error}\n`);
    registerTsx();
    worker = await import('../src/server/worker.ts');
  }
  await worker.runWorkerCommand();
}
