/**
 * Pictures of the demo workspace, drawn here as SVG (no download, no binary in the repository):
 * the AlterMed logo, lettered partner logos, and five abstract scenes standing in for photos.
 * Text is drawn with the shipped fonts through resvg, so it looks the same on every machine.
 */
import path from 'node:path';
import { SHIPPED_FONT_FILES } from '../../../shared/studio/fonts.js';
import { resvg, sharp } from '../../platform/native-packages.js';
import { FONTS_DIR } from './shipped-fonts.js';

/** An SVG drawn to PNG with the shipped fonts only. */
export function svgToPng(svg: string): Buffer {
  const fontFiles = SHIPPED_FONT_FILES.map((file) => path.join(FONTS_DIR, file));
  return new (resvg().Resvg)(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' } }).render().asPng();
}

/** The AlterMed logo: a wave mark, the Latin name and the Arabic one; `dark` for dark backgrounds. */
export function altermedLogoSvg(dark: boolean): string {
  const ink = dark ? '#ffffff' : '#134e4a';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="880" height="240" viewBox="0 0 880 240">
  <defs><clipPath id="mark"><circle cx="120" cy="120" r="92"/></clipPath></defs>
  <g clip-path="url(#mark)">
    <rect x="20" y="20" width="200" height="200" fill="${dark ? '#14b8a6' : '#0f766e'}"/>
    <path d="M20 140 C60 100 100 180 140 140 S 200 110 230 130 L230 230 L20 230 Z" fill="#f59e0b"/>
    <path d="M20 105 C60 65 100 145 140 105 S 200 75 230 95" fill="none" stroke="#ffffff" stroke-width="12" stroke-linecap="round"/>
  </g>
  <text x="250" y="132" font-family="Noto Sans" font-weight="700" font-size="92" fill="${ink}">AlterMed</text>
  <text x="252" y="200" font-family="Noto Sans" font-size="34" fill="${ink}" opacity="0.85">Entreprendre autrement</text>
  <text x="860" y="200" text-anchor="end" direction="rtl" font-family="Noto Sans Arabic" font-weight="700" font-size="44" fill="${dark ? '#fcd34d' : '#b45309'}">ألترميد</text>
</svg>`;
}

/** A partner's stand-in logo: its acronym in white on a rounded block of its colour. */
export function letteredLogoSvg(letters: string, colour: string): string {
  const width = Math.max(240, 90 + letters.length * 62);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="200" viewBox="0 0 ${width} 200">
  <rect x="6" y="6" width="${width - 12}" height="188" rx="36" fill="${colour}"/>
  <text x="${width / 2}" y="128" text-anchor="middle" font-family="Noto Sans" font-weight="700" font-size="96" fill="#ffffff">${letters}</text>
</svg>`;
}

/** A flag-like funder mark: twelve gold dots in a circle on blue. */
export function funderLogoSvg(): string {
  const stars = Array.from({ length: 12 }, (_, index) => {
    const angle = (index / 12) * Math.PI * 2;
    return `<circle cx="${(150 + Math.cos(angle) * 62).toFixed(1)}" cy="${(100 + Math.sin(angle) * 62).toFixed(1)}" r="11" fill="#ffcc00"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200"><rect width="300" height="200" fill="#003399"/>${stars}</svg>`;
}

function person(x: number, y: number, scale: number, skin: string, cloth: string, scarf?: string): string {
  const head = scarf
    ? `<ellipse cx="${x}" cy="${y - 62 * scale}" rx="${34 * scale}" ry="${40 * scale}" fill="${scarf}"/><circle cx="${x}" cy="${y - 58 * scale}" r="${22 * scale}" fill="${skin}"/>`
    : `<circle cx="${x}" cy="${y - 60 * scale}" r="${28 * scale}" fill="${skin}"/>`;
  return `${head}<rect x="${x - 44 * scale}" y="${y - 24 * scale}" width="${88 * scale}" height="${120 * scale}" rx="${40 * scale}" fill="${cloth}"/>`;
}

const SKINS = ['#8d5524', '#c68642', '#e0ac69', '#f1c27d', '#a0522d', '#d2a679'];

/** Six people around a table with papers and a flip chart: a workshop. */
export function workshopSvg(): string {
  const people = [
    person(430, 470, 1.3, SKINS[0] as string, '#0f766e', '#7c2d12'),
    person(640, 430, 1.3, SKINS[2] as string, '#b45309'),
    person(860, 430, 1.3, SKINS[1] as string, '#1d4ed8', '#0f766e'),
    person(1080, 430, 1.3, SKINS[3] as string, '#be123c'),
    person(1270, 480, 1.3, SKINS[4] as string, '#4d7c0f', '#a21caf'),
  ].join('');
  const front = person(760, 900, 1.6, SKINS[5] as string, '#334155');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" viewBox="0 0 1600 1000">
  <defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fef3c7"/><stop offset="1" stop-color="#fde68a"/></linearGradient></defs>
  <rect width="1600" height="1000" fill="url(#wall)"/>
  <rect x="0" y="620" width="1600" height="380" fill="#d6a86a"/>
  <rect x="90" y="160" width="220" height="300" rx="10" fill="#ffffff" stroke="#475569" stroke-width="8"/>
  <path d="M120 220 H280 M120 260 H250 M120 300 H270 M120 340 H220" stroke="#0f766e" stroke-width="12" stroke-linecap="round"/>
  <path d="M200 460 L150 620 M200 460 L250 620" stroke="#475569" stroke-width="10"/>
  ${people}
  <ellipse cx="850" cy="640" rx="560" ry="150" fill="#92400e"/>
  <ellipse cx="850" cy="625" rx="540" ry="135" fill="#b45309"/>
  <rect x="560" y="580" width="120" height="80" rx="6" fill="#ffffff" transform="rotate(-8 620 620)"/>
  <rect x="820" y="570" width="130" height="85" rx="6" fill="#ffffff" transform="rotate(5 885 612)"/>
  <rect x="1060" y="590" width="110" height="75" rx="6" fill="#e0f2fe" transform="rotate(-4 1115 627)"/>
  <circle cx="740" cy="650" r="22" fill="#f59e0b"/>
  ${front}
</svg>`;
}

/** Young people from behind facing a screen with a bar chart: a training session. */
export function trainingSvg(): string {
  const rows = [0, 1]
    .flatMap((row) =>
      [0, 1, 2, 3, 4].map((column) =>
        person(
          260 + column * 270 + row * 60,
          760 + row * 180,
          1.2 + row * 0.2,
          SKINS[(column + row) % 6] as string,
          ['#1e3a8a', '#9d174d', '#065f46', '#92400e', '#4c1d95'][column] as string,
          column % 2 === 0 ? '#0e7490' : undefined,
        ),
      ),
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" viewBox="0 0 1600 1000">
  <rect width="1600" height="1000" fill="#e2e8f0"/>
  <rect x="380" y="80" width="840" height="440" rx="16" fill="#0f172a"/>
  <rect x="410" y="110" width="780" height="380" fill="#f8fafc"/>
  <rect x="470" y="340" width="90" height="120" fill="#0f766e"/><rect x="600" y="280" width="90" height="180" fill="#0f766e"/>
  <rect x="730" y="220" width="90" height="240" fill="#f59e0b"/><rect x="860" y="180" width="90" height="280" fill="#0f766e"/>
  <rect x="990" y="140" width="90" height="320" fill="#c2410c"/>
  <rect x="0" y="600" width="1600" height="400" fill="#94a3b8"/>
  ${rows}
</svg>`;
}

/** Stalls with striped awnings and crates of fruit: a solidarity market, no one in sight. */
export function marketSvg(): string {
  const stalls = [0, 1, 2]
    .map((index) => {
      const x = 120 + index * 480;
      const colours = [
        ['#0f766e', '#ffffff'],
        ['#c2410c', '#fff7ed'],
        ['#1d4ed8', '#eff6ff'],
      ][index] as [string, string];
      const stripes = Array.from(
        { length: 6 },
        (_, stripe) => `<rect x="${x + stripe * 60}" y="300" width="60" height="90" fill="${stripe % 2 ? colours[1] : colours[0]}"/>`,
      ).join('');
      const fruit = Array.from(
        { length: 8 },
        (_, item) =>
          `<circle cx="${x + 40 + item * 40}" cy="${560 - (item % 2) * 20}" r="22" fill="${['#dc2626', '#f59e0b', '#65a30d', '#ea580c'][item % 4]}"/>`,
      ).join('');
      return `${stripes}<rect x="${x}" y="390" width="360" height="20" fill="${colours[0]}"/><rect x="${x + 10}" y="410" width="14" height="300" fill="#78350f"/><rect x="${x + 336}" y="410" width="14" height="300" fill="#78350f"/><rect x="${x}" y="560" width="360" height="150" fill="#a16207"/>${fruit}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" viewBox="0 0 1600 1000">
  <rect width="1600" height="1000" fill="#fde68a"/><rect y="0" width="1600" height="260" fill="#bae6fd"/>
  <path d="M0 260 L200 180 L420 240 L640 160 L900 250 L1150 170 L1400 230 L1600 190 L1600 260 Z" fill="#fef3c7"/>
  <rect y="710" width="1600" height="290" fill="#d6d3d1"/>
  ${stalls}
</svg>`;
}

/** Repeated eight-pointed stars: a Mediterranean tile pattern for backgrounds. */
export function tilePatternSvg(): string {
  const tiles: string[] = [];
  for (let row = 0; row < 5; row += 1) {
    for (let column = 0; column < 8; column += 1) {
      const x = column * 200 + 100;
      const y = row * 200 + 100;
      const colour = (row + column) % 2 ? '#0f766e' : '#b45309';
      tiles.push(
        `<rect x="${x - 60}" y="${y - 60}" width="120" height="120" fill="${colour}"/><rect x="${x - 60}" y="${y - 60}" width="120" height="120" fill="${colour}" transform="rotate(45 ${x} ${y})"/><circle cx="${x}" cy="${y}" r="34" fill="#fef3c7"/>`,
      );
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" viewBox="0 0 1600 1000"><rect width="1600" height="1000" fill="#134e4a"/>${tiles.join('')}</svg>`;
}

/** Rows of solar panels under the sun on a hillside. */
export function solarSvg(): string {
  const panels = Array.from({ length: 12 }, (_, index) => {
    const row = Math.floor(index / 4);
    const x = 180 + (index % 4) * 330 + row * 40;
    const y = 560 + row * 140;
    return `<path d="M${x} ${y} L${x + 280} ${y} L${x + 250} ${y + 110} L${x - 30} ${y + 110} Z" fill="#1e3a8a" stroke="#e2e8f0" stroke-width="6"/><path d="M${x + 93} ${y} L${x + 73} ${y + 110} M${x + 186} ${y} L${x + 166} ${y + 110} M${x - 15} ${y + 55} L${x + 265} ${y + 55}" stroke="#93c5fd" stroke-width="4"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000" viewBox="0 0 1600 1000">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#38bdf8"/><stop offset="1" stop-color="#e0f2fe"/></linearGradient></defs>
  <rect width="1600" height="1000" fill="url(#sky)"/><circle cx="1330" cy="170" r="90" fill="#fde047"/>
  <path d="M0 520 C300 420 600 480 900 440 S1400 400 1600 470 L1600 1000 L0 1000 Z" fill="#84cc16"/>
  ${panels}
</svg>`;
}

/** A scene as a JPEG "photo" (the upload pipeline cleans and thumbnails it like any other). */
export function sceneJpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
