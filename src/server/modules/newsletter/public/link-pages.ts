/**
 * Pages reached from the links of our emails (confirmation, preferences, unsubscribe), in the public
 * site's shell. The signed token in the path is the credential: no sign-in, no cookie, no script.
 */
import { directionOf } from '../../../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { html, SafeHtml } from '../../../public-site/html.js';
import { inLanguage, pageUrl, renderLayout } from '../../../public-site/layout.js';
import type { PublicContext } from '../../../public-site/public-context.js';
import { NEWSLETTER_PUBLIC_PATHS } from '../newsletter-links.js';
import { NEWSLETTER_FORM_CSS } from './newsletter-forms.css.js';
import { SIGN_UP_PATH } from './sign-up.page.js';

/** A page of one message: a title, a paragraph, links; never indexed (its path carries a token). */
export function renderMessagePage(
  ctx: PublicContext,
  input: { path: string; titleKey: string; bodyKey: string; params?: Record<string, unknown>; links?: SafeHtml[] },
): string {
  const title = ctx.t(input.titleKey, input.params);
  const body = html`<h1>${title}</h1>
<p class="lead">${ctx.t(input.bodyKey, input.params)}</p>
${input.links?.length ? html`<p class="nl-actions">${input.links}</p>` : ''}`;
  return renderLayout(ctx, {
    path: input.path,
    title: `${title} — ${ctx.siteName.value}`,
    description: title,
    body,
    isIndexable: false,
    extraCss: NEWSLETTER_FORM_CSS,
  });
}

export function signUpLink(ctx: PublicContext): SafeHtml {
  return html`<a href="${pageUrl(SIGN_UP_PATH, ctx.lang)}">${ctx.t('newsletterPublic.signUpAgain')}</a>`;
}

export function homeLink(ctx: PublicContext): SafeHtml {
  return html`<a href="${pageUrl('/', ctx.lang)}">${ctx.t('public.notFound.home')}</a>`;
}

/** A link to the preferences page at `path` (`/n/preferences/<token>`). */
export function preferencesLink(ctx: PublicContext, path: string): SafeHtml {
  return html`<a href="${pageUrl(path, ctx.lang)}">${ctx.t('newsletterPublic.preferences.link')}</a>`;
}

/** A link that is not one of ours, or whose subscriber is gone. */
export function renderInvalidLinkPage(ctx: PublicContext, path: string): string {
  return renderMessagePage(ctx, {
    path,
    titleKey: 'newsletterPublic.link.invalid.title',
    bodyKey: 'newsletterPublic.link.invalid.body',
    links: [signUpLink(ctx), homeLink(ctx)],
  });
}

export interface PreferencesView {
  token: string;
  email: string;
  /** Subscriber languages: one language, or every site language (`both`). */
  languages: string[];
  isActive: boolean;
  lists: Array<{ id: string; name: LocalizedText; isOn: boolean }>;
  /** After a save: `saved` or `pending` (a confirmation email went out). */
  notice?: 'saved' | 'pending';
}

function choiceOf(ctx: PublicContext, languages: string[]): string {
  return languages.length > 1 && ctx.languages.every((language) => languages.includes(language)) ? 'both' : (languages[0] ?? ctx.lang);
}

/** Language and lists, and a separate form to leave everything. */
export function renderPreferencesPage(ctx: PublicContext, view: PreferencesView): string {
  const path = NEWSLETTER_PUBLIC_PATHS.preferences.replace(':token', view.token);
  const others = ctx.languages.filter((language) => language !== ctx.lang);
  const current = choiceOf(ctx, view.languages);
  const choices = [...ctx.languages, ...(ctx.languages.length > 1 ? ['both'] : [])].map((choice) => {
    const label = choice === 'both' ? ctx.t('newsletterPublic.language.both') : ctx.t(`public.languageName.${choice}`);
    const attributes = choice === 'both' ? '' : ` lang="${choice}" dir="${directionOf(choice)}"`;
    return html`<label class="nl-choice"><input type="radio" name="language" value="${choice}"${new SafeHtml(current === choice ? ' checked' : '')}><span${new SafeHtml(attributes)}>${label}</span></label>`;
  });
  const lists = view.lists.map((list) => {
    const name = pickLocalized(list.name, ctx.lang, others);
    return html`<label class="nl-choice"><input type="checkbox" name="lists" value="${list.id}"${new SafeHtml(list.isOn ? ' checked' : '')}><span>${name ? inLanguage(name, ctx.lang) : ''}</span></label>`;
  });
  const notice = view.notice
    ? html`<p class="nl-notice" role="status">${ctx.t(`newsletterPublic.preferences.${view.notice}`)}</p>`
    : view.isActive
      ? ''
      : html`<p class="nl-notice">${ctx.t('newsletterPublic.preferences.unsubscribedNote')}</p>`;
  const action = pageUrl(path, ctx.lang);
  const body = html`<h1>${ctx.t('newsletterPublic.preferences.title')}</h1>
<p class="lead">${ctx.t('newsletterPublic.preferences.intro')} <bdi dir="ltr">${view.email}</bdi></p>
${notice}
<form class="nl-form" method="post" action="${action}">
<input type="hidden" name="action" value="save">
<fieldset class="nl-field"><legend class="nl-legend">${ctx.t('newsletterPublic.field.language')}</legend><div class="nl-choices">${choices}</div></fieldset>
<fieldset class="nl-field"><legend class="nl-legend">${ctx.t('newsletterPublic.field.lists')}</legend><div class="nl-choices">${lists}</div></fieldset>
<button class="nl-button" type="submit">${ctx.t('newsletterPublic.preferences.save')}</button>
</form>
${
  view.isActive
    ? html`<h2>${ctx.t('newsletterPublic.preferences.unsubscribeAll')}</h2>
<form class="nl-form" method="post" action="${action}">
<input type="hidden" name="action" value="unsubscribe">
<p class="nl-hint">${ctx.t('newsletterPublic.preferences.unsubscribeAllHint')}</p>
<button class="nl-button nl-secondary" type="submit">${ctx.t('newsletterPublic.preferences.unsubscribeAll')}</button>
</form>`
    : ''
}`;
  return renderLayout(ctx, {
    path,
    title: `${ctx.t('newsletterPublic.preferences.title')} — ${ctx.siteName.value}`,
    description: ctx.t('newsletterPublic.preferences.title'),
    body,
    isIndexable: false,
    extraCss: NEWSLETTER_FORM_CSS,
  });
}

/** One question and one button; the button posts (RFC 8058 one-click posts to the same URL). */
export function renderUnsubscribePage(ctx: PublicContext, input: { token: string; email: string }): string {
  const path = NEWSLETTER_PUBLIC_PATHS.unsubscribe.replace(':token', input.token);
  const body = html`<h1>${ctx.t('newsletterPublic.unsubscribe.title')}</h1>
<form class="nl-form" method="post" action="${pageUrl(path, ctx.lang)}">
<p>${ctx.t('newsletterPublic.unsubscribe.question', { site: ctx.siteName.value })} <bdi dir="ltr">${input.email}</bdi></p>
<button class="nl-button" type="submit">${ctx.t('newsletterPublic.unsubscribe.button')}</button>
</form>`;
  return renderLayout(ctx, {
    path,
    title: `${ctx.t('newsletterPublic.unsubscribe.title')} — ${ctx.siteName.value}`,
    description: ctx.t('newsletterPublic.unsubscribe.title'),
    body,
    isIndexable: false,
    extraCss: NEWSLETTER_FORM_CSS,
  });
}
