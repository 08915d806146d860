/**
 * The native image and render packages, loaded the first time they are used. A process that never
 * touches an image or a template (a `tawasul worker` that only sends newsletters) then does not carry
 * libvips (~20 MiB resident), resvg (~6 MiB) or Typst (~8 MiB): see docs/newsletter/sending.md,
 * Performance. `require` keeps the callers synchronous; each package is loaded once per process.
 */
import { createRequire } from 'node:module';
import type * as TypstCompiler from '@myriaddreamin/typst-ts-node-compiler';
import type * as Resvg from '@resvg/resvg-js';
import type SharpConstructor from 'sharp';

// Not named `require`: the worker's bundler (bin/worker-bundle.mjs) must leave these calls to run time.
const requirePackage = createRequire(import.meta.url);

let sharpModule: typeof SharpConstructor | undefined;

/**
 * `sharp(input, options)`, loading libvips on the first call. Only the call: the package's static
 * settings (`sharp.cache`, `sharp.concurrency`) are not on it, and its type says so.
 */
export function sharp(...args: Parameters<typeof SharpConstructor>): ReturnType<typeof SharpConstructor> {
  sharpModule ??= requirePackage('sharp') as typeof SharpConstructor;
  return sharpModule(...args);
}

export function resvg(): typeof Resvg {
  return requirePackage('@resvg/resvg-js') as typeof Resvg;
}

export function typstCompiler(): typeof TypstCompiler {
  return requirePackage('@myriaddreamin/typst-ts-node-compiler') as typeof TypstCompiler;
}
