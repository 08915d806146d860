/** The public home page: the consortium's organisations in the chosen language, with a language switch. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { directionOf } from '../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../shared/localized-text.js';
import { organisations } from '../modules/directory/directory.tables.js';
import { findAllWorkspaces } from '../modules/workspaces/workspaces.repo.js';
import type { Db } from '../platform/db/database.js';
import { translatorFor } from '../platform/i18n.js';
import { html, SafeHtml } from './html.js';
import { PUBLIC_CSS } from './public-site.css.js';

export async function renderHomePage(db: Db, options: { lang?: string; acceptLanguage?: string; publicUrl: string }) {
  const [workspace] = await findAllWorkspaces(db).limit(1);
  const languages = workspace?.contentLanguages ?? ['ar', 'fr'];
  const requested = [options.lang, ...(options.acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]?.trim().slice(0, 2))];
  const lang = requested.find((candidate) => candidate && languages.includes(candidate)) ?? languages[0] ?? 'fr';
  const uiLocale = lang === 'ar' || lang === 'fr' || lang === 'en' ? lang : 'fr';
  const t = translatorFor(uiLocale, workspace?.arabicDigits === 'arab' ? 'arab' : 'latn');
  const dir = directionOf(lang);
  const rows = workspace
    ? await db
        .select()
        .from(organisations)
        .where(and(eq(organisations.workspaceId, workspace.id), isNull(organisations.archivedAt)))
        .orderBy(asc(organisations.sortName))
    : [];
  const siteName = pickLocalized(workspace?.name, lang, languages)?.value ?? 'Tawasul';
  const items: SafeHtml[] = rows.map((row) => {
    const name = pickLocalized(row.name as LocalizedText, lang, languages);
    const city = pickLocalized(row.city as LocalizedText, lang, languages);
    const country = new Intl.DisplayNames([lang], { type: 'region' }).of(row.country) ?? row.country;
    return html`<li class="org"><h3 lang="${name?.language ?? lang}" dir="${directionOf(name?.language ?? lang)}">${name?.value ?? ''}</h3>
<p class="meta"><span>${t(`directory.type.${row.type}`)}</span> · <bdi>${city ? `${city.value}, ` : ''}${country}</bdi></p></li>`;
  });
  const alternates = languages.map(
    (language) => html`<link rel="alternate" hreflang="${language}" href="${options.publicUrl}/?lang=${language}">`,
  );
  const switcher = languages
    .filter((language) => language !== lang)
    .map(
      (language) =>
        html`<a href="/?lang=${language}" hreflang="${language}" lang="${language}">${t(`public.languageName.${language}`)}</a>`,
    );
  const page = html`<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${siteName}</title>
${alternates}
<link rel="alternate" hreflang="x-default" href="${options.publicUrl}/">
<style>${new SafeHtml(PUBLIC_CSS)}</style>
<style>:root{--brand:${/^#[0-9a-f]{6}$/i.test(workspace?.brandColor ?? '') ? workspace?.brandColor : '#0f766e'}}</style>
</head>
<body>
<header class="site-header"><div class="wrap"><strong class="brand">${siteName}</strong><nav aria-label="${t('public.languageSwitch')}">${switcher}</nav></div></header>
<main class="wrap">
<h1>${t('public.home.title')}</h1>
<p class="lead">${t('public.home.intro')}</p>
<h2>${t('public.home.members')} <small>(${t('directory.organisationCount', { count: rows.length })})</small></h2>
<ul class="orgs">${items}</ul>
</main>
<footer class="wrap"><p>${t('public.footer')}</p></footer>
</body>
</html>`;
  return { lang, html: page.value };
}
