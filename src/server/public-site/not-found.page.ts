/** The public 404 page, in the same shell as every other public page. */
import { html } from './html.js';
import { pageUrl, renderLayout } from './layout.js';
import type { PublicContext } from './public-context.js';

export function renderNotFoundPage(ctx: PublicContext, path: string): string {
  const body = html`<h1>${ctx.t('public.notFound.title')}</h1>
<p class="lead">${ctx.t('public.notFound.body')}</p>
<p><a href="${pageUrl('/', ctx.lang)}">${ctx.t('public.notFound.home')}</a></p>`;
  return renderLayout(ctx, {
    path,
    title: `${ctx.t('public.notFound.title')} — ${ctx.siteName.value}`,
    description: ctx.t('public.notFound.body'),
    body,
    isIndexable: false,
  });
}
