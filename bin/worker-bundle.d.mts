/** Types of bin/worker-bundle.mjs, for the tests that build the worker's bundle. */
/** Bundles src/server/worker.ts and its imports into one file of the temporary folder; resolves its file URL. */
export function bundleWorker(): Promise<string>;
/** Runs `tawasul worker` from the bundle (or through tsx if the bundle fails), registering tsx once it is loaded. */
export function runBundledWorker(registerTsx: () => void): Promise<void>;
