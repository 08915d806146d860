#!/usr/bin/env node
// Runs the benchmark scenarios through tsx's loader, like bin/tawasul.mjs, so they need no build step.
// `npm run bench -- PREFIX` runs only the scenarios whose names (or figure names) start with PREFIX.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
