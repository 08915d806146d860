/**
 * Template manifests compiled into the worker's bundle, by file path. Empty when the code runs from
 * its sources through tsx: the registry then imports each `manifest.ts` itself. `bin/worker-bundle.mjs`
 * replaces this file, in the bundle, with imports of every `templates/typst/<name>/manifest.ts`, so a
 * worker needs no TypeScript loader at run time (tsx's loader thread holds ~35 MiB).
 */
export const BUNDLED_MANIFESTS: ReadonlyMap<string, unknown> = new Map();
