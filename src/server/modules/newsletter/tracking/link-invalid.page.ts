/** The page of a tracked link that does not verify: in the visitor's language, never a redirect. */
import { html } from '../../../public-site/html.js';
import { pageUrl, renderLayout } from '../../../public-site/layout.js';
import type { PublicContext } from '../../../public-site/public-context.js';

export function renderLinkInvalidPage(ctx: PublicContext, path: string): string {
  const body = html`<h1>${ctx.t('newsletterStats.linkInvalid.title')}</h1>
<p class="lead">${ctx.t('newsletterStats.linkInvalid.body')}</p>
<p><a href="${pageUrl('/', ctx.lang)}">${ctx.t('newsletterStats.linkInvalid.home')}</a></p>`;
  return renderLayout(ctx, {
    path,
    title: `${ctx.t('newsletterStats.linkInvalid.title')} — ${ctx.siteName.value}`,
    description: ctx.t('newsletterStats.linkInvalid.body'),
    body,
    isIndexable: false,
  });
}
