/**
 * Public pages of the newsletter composer, in the public site's shell: the archive of sent issues
 * (newest first), one sent issue as a web page (no tracking, merge fields filled with neutral
 * values), and the page a test email's unsubscribe and preferences links lead to.
 */
import { type LocalizedText, pickLocalized } from '../../../shared/localized-text.js';
import type { Variant } from '../../../shared/newsletter/newsletter.schema.js';
import { html, SafeHtml } from '../../public-site/html.js';
import { inLanguage, pageUrl, renderLayout } from '../../public-site/layout.js';
import type { PublicContext } from '../../public-site/public-context.js';
import type { NewsletterIssueRow } from './issues.repo.js';
import { ARCHIVE_EMAIL_CLASS, embedEmail } from './render/archive-embed.js';
import { issueLanguages, issueVariants } from './render/issue-render.js';

export const ARCHIVE_PATH = '/newsletter/archive';

/** The archive's own rules, in logical properties (STYLE G11); the email keeps its own stylesheet. */
const ARCHIVE_CSS = `.archive-list{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}
.archive-list li{background:#fff;border:1px solid #d9e2ec;border-inline-start:.3rem solid var(--brand);border-radius:.5rem;padding:.75rem 1rem}
.archive-list a{font-weight:700;font-size:1.1rem}
.archive-list p{margin:.25rem 0 0;color:#52606d}
.${ARCHIVE_EMAIL_CLASS}{margin-block:1rem 2rem;overflow-x:auto}`;

export interface ArchiveEntry {
  id: string;
  subject: LocalizedText;
  preheader: LocalizedText;
  finishedAt: Date | null;
}

function others(ctx: PublicContext): string[] {
  return ctx.languages.filter((language) => language !== ctx.lang);
}

export function renderArchiveListPage(ctx: PublicContext, entries: ArchiveEntry[], nextCursor: string | null): string {
  const items = entries.map((entry) => {
    const subject = pickLocalized(entry.subject, ctx.lang, others(ctx)) ?? { value: '—', language: ctx.lang };
    const preheader = pickLocalized(entry.preheader, subject.language);
    const date = entry.finishedAt
      ? html`<p><time datetime="${entry.finishedAt.toISOString()}">${ctx.formatDate(entry.finishedAt)}</time></p>`
      : '';
    return html`<li><a href="${pageUrl(`${ARCHIVE_PATH}/${entry.id}`, ctx.lang)}">${inLanguage(subject, ctx.lang)}</a>${date}${
      preheader ? html`<p>${inLanguage(preheader, ctx.lang)}</p>` : ''
    }</li>`;
  });
  const more = nextCursor
    ? html`<p><a href="${`${pageUrl(ARCHIVE_PATH, ctx.lang)}&cursor=${encodeURIComponent(nextCursor)}`}">${ctx.t('newsletter.archive.older')}</a></p>`
    : '';
  const body = html`<h1>${ctx.t('newsletter.archive.title')}</h1>
<p class="lead">${ctx.t('newsletter.archive.lead')}</p>
${entries.length > 0 ? html`<ul class="archive-list">${items}</ul>` : html`<p>${ctx.t('newsletter.archive.empty')}</p>`}${more}
<p><a href="${pageUrl('/newsletter', ctx.lang)}">${ctx.t('newsletter.archive.subscribe')}</a></p>`;
  return renderLayout(ctx, {
    path: ARCHIVE_PATH,
    title: `${ctx.t('newsletter.archive.title')} — ${ctx.siteName.value}`,
    description: ctx.t('newsletter.archive.lead'),
    body,
    extraCss: ARCHIVE_CSS,
  });
}

/** The variant a visitor reading in `lang` sees: the bilingual email, or that language's, or the closest one. */
export function archiveVariantFor(issue: NewsletterIssueRow, lang: string): Variant {
  const variants = issueVariants(issue);
  if (issue.sendMode === 'bilingual') return 'bilingual';
  if ((variants as string[]).includes(lang)) return lang as Variant;
  if (variants.includes('bilingual')) return 'bilingual';
  return issueLanguages(issue)[0] ?? 'fr';
}

export function renderArchiveIssuePage(ctx: PublicContext, issue: NewsletterIssueRow, email: { subject: string; html: string }): string {
  const { css, body } = embedEmail(email.html);
  const subject = pickLocalized(issue.subject as LocalizedText, ctx.lang, others(ctx)) ?? { value: email.subject, language: ctx.lang };
  const date = issue.finishedAt
    ? html`<p class="summary"><time datetime="${issue.finishedAt.toISOString()}">${ctx.formatDate(issue.finishedAt)}</time></p>`
    : '';
  const page = html`<p><a href="${pageUrl(ARCHIVE_PATH, ctx.lang)}">${ctx.t('newsletter.archive.back')}</a></p>
<h1>${inLanguage(subject, ctx.lang)}</h1>
${date}<div class="${ARCHIVE_EMAIL_CLASS}">${new SafeHtml(body)}</div>`;
  return renderLayout(ctx, {
    path: `${ARCHIVE_PATH}/${issue.id}`,
    title: `${subject.value} — ${ctx.siteName.value}`,
    description: pickLocalized(issue.preheader as LocalizedText, subject.language)?.value ?? subject.value,
    body: page,
    // The email's scoped rules first, so the archive's own spacing around it wins.
    extraCss: css + ARCHIVE_CSS,
  });
}

/** Where a test email's per-person links lead: nothing happens, and the page says why. */
export function renderTestLinkPage(ctx: PublicContext): string {
  const body = html`<h1>${ctx.t('newsletter.testLink.title')}</h1>
<p class="lead">${ctx.t('newsletter.testLink.body')}</p>`;
  return renderLayout(ctx, {
    path: '/n/test-link',
    title: `${ctx.t('newsletter.testLink.title')} — ${ctx.siteName.value}`,
    description: ctx.t('newsletter.testLink.body'),
    body,
    isIndexable: false,
  });
}
