#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the package needs no separate server build.
// `tawasul worker` (without options) runs from a bundle of its sources instead, which takes ~90 MiB
// less memory than tsx's loader: see bin/worker-bundle.mjs.
import { register } from 'tsx/esm/api';

if (process.argv[2] === 'worker' && process.argv.length === 3) {
  const { runBundledWorker } = await import('./worker-bundle.mjs');
  await runBundledWorker(register);
} else {
  register();
  await import('../src/server/cli.ts');
}
