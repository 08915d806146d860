/**
 * studio: warm render times of the rendering service (Typst in-process, one compiler reused), and
 * the same one-page bilingual A4 brief printed to PDF by headless Chromium in the same run.
 * "Warm" means the process is: compiler created, fonts and templates loaded. The data changes at
 * every render (a counter in the subtitle), as when a user types, so Typst's memoization cannot
 * answer a whole document from its cache. The file-store cache is not used: these are renders.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Renderer } from '../src/server/platform/render/renderer.js';
import type { RenderFormat, RenderText, RenderVariant } from '../src/shared/render/render.schema.js';
import { timeSerial } from './load.js';
import { note, percentile, printFigure } from './report.js';
import type { Scenario } from './run.js';

const CHROMIUM = '/usr/bin/chromium';
const ASSETS = path.resolve('test/fixtures/render-assets');
const RUNS = 20;
const REPORT_PAGES = 20;

interface BriefData {
  title: RenderText;
  subtitle?: RenderText;
  organisation?: RenderText;
  sections: Array<{ heading: RenderText; paragraphs: RenderText[] }>;
  table?: { caption?: RenderText; columns: RenderText[]; rows: RenderText[][] };
  footer?: RenderText;
}

/** A report of `sectionCount` sections of French and Arabic prose, for the multi-page figure. */
function reportData(sectionCount: number): BriefData {
  const paragraph: RenderText = {
    fr: 'Les coopératives de femmes de la région ont doublé leurs ventes depuis l’ouverture du marché solidaire. Les partenaires ont formé quarante animatrices, et chaque association tient désormais un registre de ses membres et de ses comptes, ce qui facilite les demandes de financement. ',
    ar: 'ضاعفت التعاونيات النسائية في الجهة مبيعاتها منذ افتتاح السوق التضامنية. وكوّن الشركاء أربعين منشّطة، وصارت كل جمعية تمسك سجلًّا لأعضائها وحساباتها، مما يسهّل طلبات التمويل. ',
  };
  return {
    title: { ar: 'تقرير التقييم السنوي', fr: 'Rapport d’évaluation annuel' },
    organisation: { ar: 'اتحاد ألترميد', fr: 'Consortium AlterMed' },
    sections: Array.from({ length: sectionCount }, (_, index) => ({
      heading: { ar: `المحور ${index + 1}: النتائج والدروس`, fr: `Axe ${index + 1} : résultats et enseignements` },
      paragraphs: [paragraph, paragraph, paragraph],
    })),
    footer: { ar: 'اتحاد ألترميد — تقرير 2026', fr: 'AlterMed — rapport 2026' },
  };
}

function escapeHtml(value: string | undefined): string {
  return (value ?? '').replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The bilingual brief as HTML, laid out like the Typst template (same fonts, from the system's fonts-noto-core). */
function briefHtml(data: BriefData): string {
  const side = (language: 'fr' | 'ar', value: RenderText | undefined, tag = 'p') =>
    value?.[language]
      ? `<${tag} lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">${escapeHtml(value[language])}</${tag}>`
      : '';
  const pair = (render: (language: 'fr' | 'ar') => string) =>
    `<div class="pair"><div>${render('fr')}</div><div class="ar">${render('ar')}</div></div>`;
  const table = data.table
    ? `<table><thead><tr>${data.table.columns.map((column) => `<th>${side('fr', column, 'div')}${side('ar', column, 'div')}</th>`).join('')}</tr></thead><tbody>${data.table.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${side('fr', cell, 'div')}${side('ar', cell, 'div')}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 30mm 20mm 24mm; }
body { font-family: 'Noto Serif', 'Noto Naskh Arabic', serif; font-size: 10.5pt; color: #1f2a30; margin: 0; }
[lang=ar] { font-family: 'Noto Naskh Arabic', 'Noto Serif', serif; text-align: start; }
h1, h2, th, .org { font-family: 'Noto Sans', 'Noto Sans Arabic', sans-serif; color: #0f5c63; }
h1 [lang=ar], h2 [lang=ar] { font-family: 'Noto Sans Arabic', 'Noto Sans', sans-serif; }
.org { font-size: 9pt; color: #56656d; border-bottom: 1.2pt solid #e8a33d; padding-bottom: 2mm; margin-bottom: 6mm; }
.pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 10mm; }
.pair > .ar { border-inline-start: 0.6pt solid #e8f0f0; padding-inline-start: 5mm; }
h1 { font-size: 19pt; margin: 0; } h2 { font-size: 13pt; margin: 6mm 0 2.5mm; }
.subtitle { color: #56656d; font-size: 10.5pt; }
hr { border: 0; border-top: 2pt solid #0f5c63; }
table { width: 100%; border-collapse: collapse; margin-top: 6mm; font-family: 'Noto Sans', 'Noto Sans Arabic', sans-serif; font-size: 9.5pt; }
th { background: #0f5c63; color: #fff; } th, td { border: 0.5pt solid #e8f0f0; padding: 2.2mm; text-align: start; vertical-align: top; }
</style></head><body>
<div class="org">${side('fr', data.organisation, 'div')}${side('ar', data.organisation, 'div')}</div>
${pair((language) => `${side(language, data.title, 'h1')}<div class="subtitle">${side(language, data.subtitle)}</div>`)}
<hr>
${data.sections.map((section) => pair((language) => `${side(language, section.heading, 'h2')}${section.paragraphs.map((paragraph) => side(language, paragraph)).join('')}`)).join('')}
${table}
</body></html>`;
}

/** The number of report sections that fills exactly `target` bilingual pages. */
async function sectionsForPages(renderer: Renderer, target: number): Promise<number> {
  const pagesOf = async (sections: number) =>
    (await renderer.render({ template: 'a4-brief', variant: 'bilingual', format: 'pdf', data: reportData(sections) })).pageCount;
  let sections = Math.max(1, Math.round((20 * target) / (await pagesOf(20))));
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const pages = await pagesOf(sections);
    if (pages === target) return sections;
    sections += pages < target ? 1 : -1;
  }
  throw new Error(`no section count gives ${target} pages`);
}

interface Measured {
  /** Median wall-clock time through the service's render process. */
  median: number;
  pageCount: number;
}

/**
 * Median of warm renders, the data changed at each one, through the render process the app uses
 * (the figure), then in this process, where the CPU time per render (resvg's and sharp's threads
 * included) tells the work apart from waiting on a busy machine (a note).
 */
async function measure(
  renderers: { service: Renderer; local: Renderer },
  request: { template: string; variant: RenderVariant; format: RenderFormat; assets?: Record<string, Buffer> },
  dataFor: (run: number) => unknown,
  runs = RUNS,
): Promise<Measured> {
  const timed = async (renderer: Renderer, onFirstTimedRun: () => void) => {
    let run = 0;
    let pageCount = 0;
    const samples = await timeSerial(
      async () => {
        run += 1;
        if (run === 4) onFirstTimedRun();
        pageCount = (await renderer.render({ ...request, data: dataFor(run) })).pageCount;
      },
      runs,
      3,
    );
    return { median: percentile(samples, 50), pageCount };
  };
  const service = await timed(renderers.service, () => {});
  let cpuStart: NodeJS.CpuUsage | undefined;
  const local = await timed(renderers.local, () => {
    cpuStart = process.cpuUsage();
  });
  const cpu = process.cpuUsage(cpuStart);
  note(
    `${request.template} ${request.variant} ${request.format}: ${service.median.toFixed(1)} ms through the render process; ` +
      `${local.median.toFixed(1)} ms in-process, ${((cpu.user + cpu.system) / 1000 / runs).toFixed(1)} ms CPU per render`,
  );
  return service;
}

export const studioScenario: Scenario = {
  name: 'studio',
  figures: ['studio.pdf_a4.ms', 'studio.pdf_20p.ms', 'studio.png_1080.ms', 'studio.pdf_a4.vs_chromium_ratio'],
  async run() {
    // The service's renderer (a render process, see render-backends.ts) gives the figures.
    const renderers = { service: await Renderer.create(undefined, { backend: 'child-process' }), local: await Renderer.create() };
    try {
      await measureAll(renderers);
    } finally {
      await renderers.service.close();
    }
  },
};

/** The four figures: warm renders through the service, then the same A4 brief printed by Chromium. */
async function measureAll(renderers: { service: Renderer; local: Renderer }): Promise<void> {
  const brief = renderers.local.registry.get('a4-brief').sample as BriefData;
  const post = renderers.local.registry.get('social-post').sample as { subtitle: RenderText };
  const withCounter = <T extends { subtitle?: RenderText }>(data: T, run: number): T => ({
    ...data,
    subtitle: { ar: `${data.subtitle?.ar ?? ''} — ${run}`, fr: `${data.subtitle?.fr ?? ''} — ${run}` },
  });

  const a4 = await measure(renderers, { template: 'a4-brief', variant: 'bilingual', format: 'pdf' }, (run) => withCounter(brief, run));
  if (a4.pageCount !== 1) throw new Error(`the A4 brief should be one page, got ${a4.pageCount}`);
  printFigure('studio.pdf_a4.ms', a4.median, 'ms');

  const sections = await sectionsForPages(renderers.local, REPORT_PAGES);
  note(`20-page bilingual report: ${sections} sections of three paragraphs per language`);
  const report = await measure(
    renderers,
    { template: 'a4-brief', variant: 'bilingual', format: 'pdf' },
    (run) => withCounter(reportData(sections), run),
    10,
  );
  if (report.pageCount !== REPORT_PAGES) throw new Error(`the report should have ${REPORT_PAGES} pages, got ${report.pageCount}`);
  printFigure('studio.pdf_20p.ms', report.median, 'ms');

  const images = { logo: readFileSync(path.join(ASSETS, 'logo.svg')), image: readFileSync(path.join(ASSETS, 'photo.jpg')) };
  note('1080×1080 PNG: Arabic social post with an SVG logo and a 1200×800 JPEG photo (compile, SVG, resvg, PNG encoding)');
  const png = await measure(renderers, { template: 'social-post', variant: 'ar', format: 'png', assets: images }, (run) =>
    withCounter(post, run),
  );
  printFigure('studio.png_1080.ms', png.median, 'ms');

  if (!existsSync(CHROMIUM)) {
    note(`no Chromium at ${CHROMIUM}: studio.pdf_a4.vs_chromium_ratio not measured`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const footerTemplate =
      '<div style="font-size:8px;width:100%;text-align:center;color:#56656d"><span class="pageNumber"></span> / <span class="totalPages"></span></div>';
    let run = 0;
    let chromiumPages = 0;
    const samples = await timeSerial(
      async () => {
        run += 1;
        await page.setContent(briefHtml(withCounter(brief, run)));
        await page.evaluate(() => document.fonts.ready);
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate,
        });
        chromiumPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      },
      RUNS,
      3,
    );
    const chromiumMedian = percentile(samples, 50);
    note(
      `Chromium: ${chromiumMedian.toFixed(1)} ms per warm PDF of the same brief (${chromiumPages} page(s)); Typst: ${a4.median.toFixed(1)} ms`,
    );
    printFigure('studio.pdf_a4.vs_chromium_ratio', chromiumMedian / a4.median, 'x');
  } finally {
    await browser.close();
  }
}
