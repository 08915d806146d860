/**
 * The public home page: the consortium's organisations grouped by country, names in the page
 * language (falling back to another language, marked as such), counts with ICU plurals.
 */
import { directionOf } from '../../shared/languages.js';
import { pickLocalized } from '../../shared/localized-text.js';
import { findAllOrganisations, type OrganisationRow } from '../modules/directory/organisations.repo.js';
import type { Db } from '../platform/db/database.js';
import { html, type SafeHtml } from './html.js';
import { inLanguage, renderLayout } from './layout.js';
import type { PublicContext } from './public-context.js';

interface Listed {
  row: OrganisationRow;
  name: { value: string; language: string };
}

/** Only http(s) links are shown: escaping alone would not stop a `javascript:` URL. */
function safeWebsite(website: string | null): URL | undefined {
  if (!website) return undefined;
  try {
    const url = new URL(website);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function renderOrganisation(ctx: PublicContext, { row, name }: Listed): SafeHtml {
  const others = ctx.languages.filter((language) => language !== ctx.lang);
  const city = pickLocalized(row.city, ctx.lang, others);
  const website = safeWebsite(row.website);
  const type = ctx.t(`directory.type.${row.type}`);
  const link = website
    ? html`<p class="site"><a href="${website.href}" rel="noopener" dir="ltr" lang="en">${website.host}${website.pathname === '/' ? '' : website.pathname}</a></p>`
    : '';
  // The name's own lang/dir are always set: a French name in an Arabic list keeps its order and font.
  return html`<li class="org"><h4 lang="${name.language}" dir="${directionOf(name.language)}">${name.value}</h4>
<p class="meta">${type}${city ? html` · <bdi>${inLanguage(city, ctx.lang)}</bdi>` : ''}</p>${link}</li>`;
}

function groupByCountry(ctx: PublicContext, listed: Listed[]): Array<{ country: string; label: string; members: Listed[] }> {
  const groups = new Map<string, Listed[]>();
  for (const item of listed) groups.set(item.row.country, [...(groups.get(item.row.country) ?? []), item]);
  return [...groups.entries()]
    .map(([country, members]) => ({
      country,
      label: ctx.regionName(country),
      members: members.sort((a, b) => ctx.compare(a.name.value, b.name.value)),
    }))
    .sort((a, b) => ctx.compare(a.label, b.label));
}

/** Renders the home page of the published workspace. */
export async function renderHomePage(db: Db, ctx: PublicContext): Promise<string> {
  const rows = ctx.workspace ? await findAllOrganisations(db, ctx.workspace.id, { archived: 'false' }) : [];
  const others = ctx.languages.filter((language) => language !== ctx.lang);
  const listed = rows.flatMap((row) => {
    const name = pickLocalized(row.name, ctx.lang, others);
    return name ? [{ row, name }] : [];
  });
  const groups = groupByCountry(ctx, listed);
  const lastUpdate = rows.reduce<Date | undefined>(
    (latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest),
    undefined,
  );
  const sections = groups.map(
    (group) => html`<section class="country" aria-labelledby="country-${group.country}">
<h3 id="country-${group.country}">${group.label} <small>${ctx.t('directory.organisationCount', { count: group.members.length })}</small></h3>
<ul class="orgs">${group.members.map((item) => renderOrganisation(ctx, item))}</ul>
</section>`,
  );
  const summary =
    listed.length === 0
      ? html`<p class="summary">${ctx.t('public.home.empty')}</p>`
      : html`<p class="summary">${ctx.t('public.home.summary', { organisations: listed.length, countries: groups.length })}${
          lastUpdate ? html` · ${ctx.t('public.home.updated', { date: ctx.formatDate(lastUpdate) })}` : ''
        }</p>`;
  const body = html`<h1>${ctx.t('public.home.title')}</h1>
<p class="lead">${ctx.t('public.home.intro')}</p>
<h2>${ctx.t('public.home.members')}</h2>
${summary}
${sections}`;
  return renderLayout(ctx, {
    path: '/',
    title: `${ctx.t('public.home.members')} — ${ctx.siteName.value}`,
    description: ctx.t('public.home.intro'),
    body,
  });
}
