// Builds the web app when its sources changed since the last build (hash kept in dist/web/.build-hash).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const INPUTS = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];
const STAMP = 'dist/web/.build-hash';

function hashInputs() {
  const hash = createHash('sha256');
  const visit = (entry) => {
    if (!existsSync(entry)) return;
    if (statSync(entry).isDirectory()) {
      for (const name of readdirSync(entry).sort()) visit(path.join(entry, name));
    } else {
      hash.update(entry);
      hash.update(readFileSync(entry));
    }
  };
  for (const input of INPUTS) visit(input);
  return hash.digest('hex');
}

export function buildWebIfNeeded() {
  if (!existsSync('vite.config.ts')) return;
  const current = hashInputs();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === current && existsSync('dist/web/index.html')) return;
  console.log('Building the web app…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  writeFileSync(STAMP, current);
}

if (import.meta.url === `file://${process.argv[1]}`) buildWebIfNeeded();
