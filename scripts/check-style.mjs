// House rules that Biome cannot express (STYLE G8, G11): configuration is read in one file, and
// layout uses logical CSS properties only. Prints each offence and exits 1.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const offences = [];

function walk(folder, visit) {
  for (const name of readdirSync(folder)) {
    const entry = path.join(folder, name);
    if (statSync(entry).isDirectory()) walk(entry, visit);
    else visit(entry);
  }
}

const CONFIG_FILE = path.normalize('src/server/platform/config.ts');
walk('src', (file) => {
  if (!/\.(ts|tsx)$/.test(file) || file.endsWith('.test.ts') || file.endsWith('.test.tsx')) return;
  const text = readFileSync(file, 'utf8');
  if (file !== CONFIG_FILE && /process\.env\b/.test(text)) offences.push(`${file}: reads process.env (only ${CONFIG_FILE} may)`);
  if (!/src\/(web|server\/public-site)\//.test(file) && !file.endsWith('.css')) return;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (/\[dir=["']?rtl/.test(line)) offences.push(`${file}:${index + 1}: [dir=rtl] override (derive direction instead)`);
    if (
      /(?:^|[\s{;"'`])(?:margin|padding|border)-(?:left|right)\s*:|(?:^|[\s{;"'`])(?:left|right)\s*:\s*[-\d]|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)/.test(
        line,
      )
    ) {
      offences.push(`${file}:${index + 1}: physical CSS property (use margin-inline-start, inset-inline-end, text-align: start…)`);
    }
    if (/\b(?:marginLeft|marginRight|paddingLeft|paddingRight|borderLeft|borderRight)\b|textAlign:\s*['"](?:left|right)['"]/.test(line)) {
      offences.push(`${file}:${index + 1}: physical style property in JSX (use marginInlineStart, textAlign: 'start'…)`);
    }
  });
});

walk('src', (file) => {
  if (!file.endsWith('.css')) return;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (/(?:margin|padding|border)-(?:left|right)\s*:|(?:^|\s)(?:left|right)\s*:|text-align\s*:\s*(?:left|right)|\[dir=/.test(line)) {
        offences.push(`${file}:${index + 1}: physical CSS property or [dir] override`);
      }
    });
});

if (offences.length > 0) {
  console.error(offences.join('\n'));
  process.exit(1);
}
console.log('House style: configuration read in one file, logical CSS only.');
