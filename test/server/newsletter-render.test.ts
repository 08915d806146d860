/**
 * Rendering of newsletter issues with MJML: each variant's language and direction, the bilingual
 * email's sections in order, every block type, escaping of what officers type, UTM parameters on
 * their links only, the plain-text part, merge placeholders left for the engine, and signed images.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterIssues, newsletterSettings } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { newsletterImageUrl } from '../../src/server/modules/newsletter/render/image-links.js';
import { issueLanguages, issueVariants, renderIssueVariants } from '../../src/server/modules/newsletter/render/issue-render.js';
import { workspaces } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { compileMergeTemplate, escapeHtml } from '../../src/shared/newsletter/merge-fields.js';
import { bilingualIssue, createIssue, everyBlock, pngBytes, uploadFile } from '../helpers/newsletter-issue-fixture.js';
import { createTestApp, type Session, TEST_ORIGIN, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let officer: Session;
let imageId: string;
let logoId: string;
let svgId: string;

const UTM = 'utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=dec-2026';

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace({ name: localized({ ar: 'ألترميد', fr: 'AlterMed' }) })).id;
  const member = await t.make.member(workspaceId, 'officer');
  officer = await t.signIn(member.email);
  imageId = await uploadFile(t, workspaceId, member.userId, 'forum.png', await pngBytes());
  logoId = await uploadFile(t, workspaceId, member.userId, 'logo.png', await pngBytes(64, 64));
  svgId = await uploadFile(
    t,
    workspaceId,
    member.userId,
    'logo.svg',
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  );
  await t.platform.database.db
    .update(workspaces)
    .set({ brandColor: '#8a1538', logoFileId: logoId, timeZone: 'Africa/Tunis' })
    .where(eq(workspaces.id, workspaceId));
  await t.platform.database.db
    .insert(newsletterSettings)
    .values({ workspaceId, postalAddress: 'Association AlterMed\n12 rue de la Paix, 75002 Paris' });
});
afterAll(() => t.close());

async function rowOf(payload: object) {
  const { id } = await createIssue(t, officer, workspaceId, payload);
  const [row] = await t.platform.database.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
  return row as typeof newsletterIssues.$inferSelect;
}

async function render(payload: object) {
  return renderIssueVariants(t.platform, await rowOf(payload));
}

describe('variants', () => {
  it('renders one email per language in per-language mode (plus the bilingual one), and only the bilingual one in bilingual mode', async () => {
    const perLanguage = await render({ ...bilingualIssue(imageId), sendMode: 'per_language' });
    expect(Object.keys(perLanguage).sort()).toEqual(['ar', 'bilingual', 'fr']);
    expect(Object.keys(await render(bilingualIssue(imageId)))).toEqual(['bilingual']);
    const frenchOnly = { subject: localized({ fr: 'Lettre de décembre' }), blocks: everyBlock() };
    expect(Object.keys(await render(frenchOnly))).toEqual(['fr']);
    expect(issueLanguages({ subject: localized({ fr: 'a', ar: 'ب' }), bilingualOrder: ['fr', 'ar'] })).toEqual(['fr', 'ar']);
    expect(issueVariants({ subject: {}, bilingualOrder: ['ar', 'fr'], sendMode: 'per_language' })).toEqual([]);
  });

  it('gives the Arabic email an Arabic, right-to-left document with its text intact and right-aligned', async () => {
    const { ar } = await render({ ...bilingualIssue(imageId), sendMode: 'per_language' });
    expect(ar?.subject).toBe('نشرة ألترميد — ديسمبر 2026');
    expect(ar?.html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(ar?.html).toContain('class="tw-lang-ar" lang="ar" dir="rtl"');
    expect(ar?.html).toContain('منتدى المتوسط للتضامن');
    expect(ar?.html).toContain('يسعدنا دعوتك إلى <strong>المنتدى</strong> في صفاقس');
    expect(ar?.html).toContain("font-family:'Noto Naskh Arabic', 'Noto Sans Arabic', Tahoma, Arial, sans-serif");
    expect(ar?.html).toContain('text-align:right');
    expect(ar?.html).not.toContain('Forum méditerranéen');
    expect(ar?.html).not.toContain('text-align:left;color');
  });

  it('gives the French email a French, left-to-right document', async () => {
    const { fr } = await render({ ...bilingualIssue(imageId), sendMode: 'per_language' });
    expect(fr?.html).toMatch(/<html lang="fr" dir="ltr"/);
    expect(fr?.html).toContain('Forum méditerranéen de la solidarité');
    expect(fr?.html).not.toContain('منتدى');
  });

  it('puts both sections in the bilingual email, each with its own language and direction, in the chosen order', async () => {
    const { bilingual } = await render(bilingualIssue(imageId));
    const html = bilingual?.html ?? '';
    expect(bilingual?.subject).toBe('نشرة ألترميد — ديسمبر 2026 | Lettre AlterMed — décembre 2026');
    const arabic = html.indexOf('class="tw-lang-ar" lang="ar" dir="rtl"');
    const french = html.indexOf('class="tw-lang-fr" lang="fr" dir="ltr"');
    expect(arabic).toBeGreaterThan(0);
    expect(french).toBeGreaterThan(arabic);
    expect(html.indexOf('منتدى المتوسط')).toBeGreaterThan(arabic);
    expect(html.indexOf('منتدى المتوسط')).toBeLessThan(french);
    expect(html.indexOf('Forum méditerranéen')).toBeGreaterThan(french);
    // Footers too, one per language, after both sections.
    expect(html).toContain('class="tw-lang-ar tw-footer" lang="ar" dir="rtl"');
    expect(html).toContain('class="tw-lang-fr tw-footer" lang="fr" dir="ltr"');

    const reversed = (await render({ ...bilingualIssue(imageId), bilingualOrder: ['fr', 'ar'] })).bilingual;
    expect(reversed?.subject).toBe('Lettre AlterMed — décembre 2026 | نشرة ألترميد — ديسمبر 2026');
    expect(reversed?.html).toMatch(/<html lang="fr" dir="ltr"/);
    expect(reversed?.html.indexOf('lang="fr" dir="ltr"')).toBeLessThan(reversed?.html.indexOf('class="tw-lang-ar"') ?? 0);
  });
});

describe('blocks', () => {
  it('renders every block type with the brand, the logo and the footer', async () => {
    const { ar, fr } = await render({ ...bilingualIssue(imageId), sendMode: 'per_language' });
    const html = fr?.html ?? '';
    expect(html).toMatch(/<h1 [^>]*>Forum méditerranéen de la solidarité<\/h1>/);
    expect(html).toContain('<p style="margin:0 0 12px;">Bonjour {{first_name|ami·e}},</p>');
    expect(html).toMatch(new RegExp(`src="${TEST_ORIGIN}/n/image/[^"]+" `));
    expect(html).toContain('alt="Photo du forum"');
    expect(html).toContain('L’édition précédente à Tunis');
    expect(html).toContain(`href="https://altermed.org/inscription?from=mail&amp;${UTM}"`);
    expect(html).toMatch(/>\s*S’inscrire\s*</);
    expect(html).toContain('background:#8a1538');
    expect(html).toContain('Rapport annuel');
    expect(html).toContain('Lire l’article');
    // 08:00 UTC is 09:00 in Tunis, the workspace's time zone, in each language with Western digits.
    expect(html).toContain('mardi 8 décembre 2026, 09:00\u2009–\u200917:00');
    expect(ar?.html).toMatch(/الثلاثاء، 8 [^ ]+ 2026، 09:00–17:00/);
    expect(html).toContain('border-top:solid 1px #d9dde3');
    expect(html.match(/mj-column-per-50/g)?.length).toBeGreaterThanOrEqual(2);
    // In Arabic the two columns flow right to left: the first column sits on the right.
    expect(ar?.html).toMatch(/direction:rtl;font-size:0px;padding:0 12px/);
    expect(html).toContain(`${TEST_ORIGIN}/n/image/`);
    expect((html.match(/\/n\/image\//g) ?? []).length).toBe(2);
    expect(html).toContain('Association AlterMed<br>12 rue de la Paix, 75002 Paris');
    expect(html).toContain('Vous recevez cet e-mail parce que vous êtes abonné·e à la lettre d’information');
  });

  it('shows Eastern Arabic digits in Arabic dates when the workspace chose them', async () => {
    const local = (await t.make.workspace()).id;
    await t.platform.database.db.update(workspaces).set({ arabicDigits: 'arab', timeZone: 'Africa/Tunis' }).where(eq(workspaces.id, local));
    const member = await t.signIn((await t.make.member(local, 'officer')).email);
    const { id } = await createIssue(t, member, local, { ...bilingualIssue(), sendMode: 'per_language' });
    const [row] = await t.platform.database.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
    const { ar, fr } = await renderIssueVariants(t.platform, row as typeof newsletterIssues.$inferSelect);
    expect(ar?.html).toMatch(/الثلاثاء، ٨ [^ ]+ ٢٠٢٦/);
    expect(fr?.html).toContain('8 décembre 2026');
  });

  it('escapes what officers type and keeps only known merge fields', async () => {
    const hostile =
      'Salut {{name|<b>toi</b>}} <script>alert(1)</script> {{unsubscribe_url}} {{ secret }} **gras** javascript:alert(1) & co';
    const payload = {
      subject: localized({ fr: 'Sujet <i>{{name}}</i> {{password}}' }),
      blocks: [
        { type: 'text', id: 't', text: localized({ fr: hostile }) },
        { type: 'image', id: 'i', fileId: imageId, alt: localized({ fr: '" onerror="alert(1)' }), caption: {} },
      ],
    };
    const { fr } = await render(payload);
    const html = fr?.html ?? '';
    expect(html).not.toMatch(/<script|<b>toi|<i>|onerror="alert/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('{{name|btoi/b}}');
    expect(html).toContain('&#123;&#123;unsubscribe_url}}');
    expect(html).toContain('&#123;&#123; secret }}');
    expect(html).toContain('<strong>gras</strong>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&amp; co');
    expect(html).toContain('alt="&quot; onerror=&quot;alert(1)"');
    expect(fr?.subject).toBe('Sujet <i>{{name}}</i> {\u2060{password}}');
    expect(fr?.text).toContain('{\u2060{unsubscribe_url}}');
    // The engine's fill leaves the unknown fields as typed and escapes the values it puts in.
    const filled = compileMergeTemplate(html)({ name: '<Amal>', unsubscribe_url: 'https://evil.example' }, escapeHtml);
    expect(filled).toContain('Salut &lt;Amal&gt;');
    // Only the footer's own link takes the unsubscribe URL; the typed one stays text.
    expect(filled.match(/https:\/\/evil\.example/g)).toHaveLength(1);
    expect(filled).toContain('&#123;&#123;unsubscribe_url}}');
  });
});

describe('links, text part and placeholders', () => {
  it('adds UTM parameters to every link the officer added, but not to the footer links or images', async () => {
    const { bilingual } = await render({
      ...bilingualIssue(imageId),
      blocks: [
        ...everyBlock(imageId),
        { type: 'button', id: 'm', label: localized({ fr: 'Écrire' }), url: localized({ fr: 'mailto:contact@altermed.org' }) },
      ],
      utmSource: 'lettre',
      utmCampaign: '',
    });
    const html = bilingual?.html ?? '';
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1] as string);
    const officerLinks = hrefs.filter((href) => href.startsWith('https://altermed.org'));
    expect(officerLinks.length).toBeGreaterThanOrEqual(10);
    for (const href of officerLinks) expect(href).toContain('utm_source=lettre&amp;utm_medium=email');
    expect(html).not.toContain('utm_campaign');
    expect(hrefs).toContain('https://altermed.org/forum?utm_source=lettre&amp;utm_medium=email');
    expect(hrefs).toContain('mailto:contact@altermed.org');
    expect(hrefs).toContain('{{unsubscribe_url}}');
    expect(hrefs).toContain('{{preferences_url}}');
    for (const src of [...html.matchAll(/src="([^"]+)"/g)].map((match) => match[1] as string)) expect(src).not.toContain('utm_');
  });

  it('writes the text part from the blocks: Arabic intact, links listed, placeholders kept, no markup', async () => {
    const { bilingual } = await render(bilingualIssue(imageId));
    const text = bilingual?.text ?? '';
    expect(text).not.toMatch(/<[a-z]/i);
    expect(text).toContain('يسعدنا دعوتك إلى المنتدى في صفاقس. التفاصيل على https://altermed.org/forum?utm_source=newsletter');
    expect(text).toContain('مرحباً {{first_name|صديقنا}}،');
    expect(text).toContain('سجّل الآن [2]');
    expect(text).toContain('[2] https://altermed.org/inscription?from=mail&utm_source=newsletter&utm_medium=email&utm_campaign=dec-2026');
    expect(text).toContain('الروابط:');
    expect(text).toContain('Liens :');
    expect(text.indexOf('العربية')).toBeLessThan(text.indexOf('Français'));
    expect(text).toContain('إلغاء الاشتراك: {{unsubscribe_url}}');
    expect(text).toContain('Se désabonner\u00a0: {{unsubscribe_url}}');
    expect(text).toContain('12 rue de la Paix, 75002 Paris');
    const { bilingual: html } = await render(bilingualIssue(imageId));
    for (const placeholder of ['{{unsubscribe_url}}', '{{preferences_url}}', '{{first_name|صديقنا}}', '{{first_name|ami·e}}']) {
      expect(html?.html).toContain(placeholder);
    }
  });

  it('serves the images it signed, and nothing else of the file store', async () => {
    const { fr } = await render({
      subject: localized({ fr: 'Images' }),
      blocks: [{ type: 'image', id: 'i', fileId: imageId, alt: {}, caption: {} }],
    });
    const srcs = [...(fr?.html ?? '').matchAll(/src="([^"]+\/n\/image\/[^"]+)"/g)].map((match) =>
      (match[1] as string).replace(TEST_ORIGIN, ''),
    );
    expect(srcs).toHaveLength(2);
    for (const src of srcs) {
      const image = await t.request(undefined, { method: 'GET', url: src });
      expect(image.statusCode).toBe(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect(image.headers['cache-control']).toContain('public');
    }
    const imageSrc = srcs.find((src) => src.includes(imageId)) as string;
    const forged = `${imageSrc.slice(0, -3)}AAA`;
    expect((await t.request(undefined, { method: 'GET', url: forged })).statusCode).toBe(404);
    // A signature made for one file does not open another.
    const signature = imageSrc.split('/').at(-1);
    expect((await t.request(undefined, { method: 'GET', url: `/n/image/${logoId}/${signature}` })).statusCode).toBe(404);
    // An SVG is never served as a newsletter image, even signed.
    const svgUrl = newsletterImageUrl({ secretKey: t.platform.config.secretKey, publicUrl: '' }, workspaceId, svgId);
    expect((await t.request(undefined, { method: 'GET', url: svgUrl })).statusCode).toBe(404);
    const unsigned = await t.request(undefined, { method: 'GET', url: `/api/workspaces/${workspaceId}/files/${imageId}` });
    expect(unsigned.statusCode).toBe(401);
  });
});

describe('demo drafts', () => {
  it('seeds a bilingual draft with every block type (its banner drawn and stored) and a French-only draft, both renderable', async () => {
    const { seedDemoNewsletterIssues } = await import('../../src/server/modules/newsletter/issues.seed.js');
    const local = (await t.make.workspace()).id;
    const member = await t.make.member(local, 'officer');
    const ids = await seedDemoNewsletterIssues(t.platform.database.db, local, { storage: t.platform.storage, officerEmail: member.email });
    const rows = await t.platform.database.db.select().from(newsletterIssues).where(eq(newsletterIssues.workspaceId, local));
    const december = rows.find((row) => row.id === ids.bilingualIssueId);
    const call = rows.find((row) => row.id === ids.frenchIssueId);
    expect(december?.status).toBe('draft');
    expect(december?.createdBy).toBe(member.userId);
    const types = new Set(
      december?.blocks.flatMap((block) =>
        block.type === 'columns' ? ['columns', ...block.columns.flat().map((leaf) => leaf.type)] : [block.type],
      ),
    );
    expect([...types].sort()).toEqual(['article', 'button', 'columns', 'divider', 'event', 'heading', 'image', 'text']);
    const rendered = await renderIssueVariants(t.platform, december as typeof newsletterIssues.$inferSelect);
    expect(rendered.bilingual?.subject).toBe('نشرة ألترميد — ديسمبر 2026 | Lettre AlterMed — décembre 2026');
    expect(rendered.bilingual?.html).toContain('/n/image/');
    expect(Object.keys(await renderIssueVariants(t.platform, call as typeof newsletterIssues.$inferSelect))).toEqual(['fr']);
  });
});
