/**
 * The public sign-up form, in the site's shell (`/newsletter`) or alone for an iframe
 * (`/newsletter/embed`): address, name, language, country, the public lists, the consent text shown
 * (and stored) word for word, and a honeypot field people never see. No script.
 */

import { directionOf } from '../../../../shared/languages.js';
import { CONSORTIUM_COUNTRIES } from '../../../../shared/limits.js';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { html, SafeHtml } from '../../../public-site/html.js';
import { inLanguage, pageUrl, renderLayout } from '../../../public-site/layout.js';
import type { PublicContext } from '../../../public-site/public-context.js';
import { NEWSLETTER_PUBLIC_PATHS } from '../newsletter-links.js';
import { NEWSLETTER_EMBED_CSS, NEWSLETTER_FORM_CSS } from './newsletter-forms.css.js';

export const SIGN_UP_PATH = NEWSLETTER_PUBLIC_PATHS.signUp;
export const EMBED_PATH = '/newsletter/embed';
/** The honeypot's name: a field bots fill in and people never see. */
export const HONEYPOT_FIELD = 'website';

const OTHER_COUNTRIES = ['BE', 'CA', 'CH', 'DE', 'EG', 'ES', 'GB', 'IT', 'JO', 'LB', 'LY', 'MR', 'NL', 'PS', 'PT', 'SN', 'US'];

export interface PublicList {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  optIn: string;
}

export interface SignUpValues {
  email: string;
  name: string;
  /** A content language, or `both`. */
  language: string;
  country: string;
  listIds: string[];
  hasConsented: boolean;
}

/** Field name → catalog key of its error message. */
export type SignUpErrors = Partial<Record<'email' | 'language' | 'country' | 'lists' | 'consent', string>>;

/** The consent text, exactly as shown on the page in its language (and stored so). */
export function consentTextFor(ctx: PublicContext): string {
  return ctx.t('newsletterPublic.consent.text', { site: ctx.siteName.value });
}

/** `both` means every language of the site, the page's first. */
export function languagesOfChoice(ctx: PublicContext, choice: string): string[] {
  if (choice === 'both') return [ctx.lang, ...ctx.languages.filter((language) => language !== ctx.lang)];
  return [choice];
}

function text(ctx: PublicContext, value: LocalizedText) {
  return pickLocalized(
    value,
    ctx.lang,
    ctx.languages.filter((language) => language !== ctx.lang),
  );
}

function errorOf(ctx: PublicContext, errors: SignUpErrors, field: keyof SignUpErrors): SafeHtml | '' {
  const key = errors[field];
  return key ? html`<p class="nl-error" id="${field}-error">${ctx.t(key)}</p>` : '';
}

const describedBy = (errors: SignUpErrors, field: keyof SignUpErrors, hint?: string) => {
  const ids = [hint, errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ');
  return new SafeHtml(ids ? ` aria-describedby="${ids}"${errors[field] ? ' aria-invalid="true"' : ''}` : '');
};

function languageChoices(ctx: PublicContext, values: SignUpValues, errors: SignUpErrors): SafeHtml {
  const choices = [...ctx.languages, ...(ctx.languages.length > 1 ? ['both'] : [])];
  const options = choices.map((choice) => {
    const label = choice === 'both' ? ctx.t('newsletterPublic.language.both') : ctx.t(`public.languageName.${choice}`);
    const attributes = choice === 'both' ? '' : ` lang="${choice}" dir="${directionOf(choice)}"`;
    const checked = values.language === choice ? ' checked' : '';
    return html`<label class="nl-choice"><input type="radio" name="language" value="${choice}"${new SafeHtml(checked)} required><span${new SafeHtml(attributes)}>${label}</span></label>`;
  });
  return html`<fieldset class="nl-field"${describedBy(errors, 'language')}><legend class="nl-legend">${ctx.t('newsletterPublic.field.language')}</legend>
<div class="nl-choices">${options}</div>${errorOf(ctx, errors, 'language')}</fieldset>`;
}

function countrySelect(ctx: PublicContext, values: SignUpValues, errors: SignUpErrors): SafeHtml {
  const others = OTHER_COUNTRIES.map((code) => ({ code, label: ctx.regionName(code) })).sort((a, b) => ctx.compare(a.label, b.label));
  const all = [...CONSORTIUM_COUNTRIES.map((code) => ({ code, label: ctx.regionName(code) })), ...others];
  const options = all.map(
    ({ code, label }) => html`<option value="${code}"${new SafeHtml(values.country === code ? ' selected' : '')}>${label}</option>`,
  );
  return html`<div class="nl-field"><label for="nl-country">${ctx.t('newsletterPublic.field.country')}</label>
<select id="nl-country" name="country"${describedBy(errors, 'country')}><option value="">${ctx.t('newsletterPublic.country.none')}</option>${options}</select>${errorOf(ctx, errors, 'country')}</div>`;
}

function listChoices(ctx: PublicContext, lists: PublicList[], values: SignUpValues, errors: SignUpErrors): SafeHtml {
  const items = lists.map((list) => {
    const name = text(ctx, list.name);
    const description = text(ctx, list.description);
    const checked = values.listIds.includes(list.id) ? ' checked' : '';
    return html`<label class="nl-choice"><input type="checkbox" name="lists" value="${list.id}"${new SafeHtml(checked)}><span><strong>${name ? inLanguage(name, ctx.lang) : ''}</strong>${
      description ? html`<br><span class="nl-hint">${inLanguage(description, ctx.lang)}</span>` : ''
    }</span></label>`;
  });
  return html`<fieldset class="nl-field"${describedBy(errors, 'lists')}><legend class="nl-legend">${ctx.t('newsletterPublic.field.lists')}</legend>
<div class="nl-choices">${items}</div>${errorOf(ctx, errors, 'lists')}</fieldset>`;
}

/** The form itself (shared by the page and the embed); `action` is where it posts. */
export function renderSignUpForm(
  ctx: PublicContext,
  input: { lists: PublicList[]; values: SignUpValues; errors: SignUpErrors; action: string },
): SafeHtml {
  const { lists, values, errors } = input;
  if (lists.length === 0) return html`<p class="nl-notice">${ctx.t('newsletterPublic.signUp.noLists')}</p>`;
  const hasErrors = Object.keys(errors).length > 0;
  return html`<form class="nl-form" method="post" action="${pageUrl(input.action, ctx.lang)}" novalidate>
${hasErrors ? html`<p class="nl-alert" role="alert">${ctx.t('newsletterPublic.error.summary')}</p>` : ''}
<div class="nl-field"><label for="nl-email">${ctx.t('newsletterPublic.field.email')}</label>
<input id="nl-email" type="email" name="email" value="${values.email}" required autocomplete="email" dir="ltr" maxlength="254"${describedBy(errors, 'email')}>${errorOf(ctx, errors, 'email')}</div>
<div class="nl-field"><label for="nl-name">${ctx.t('newsletterPublic.field.name')}</label>
<input id="nl-name" type="text" name="name" value="${values.name}" autocomplete="name" dir="auto" maxlength="200" aria-describedby="nl-name-hint">
<p class="nl-hint" id="nl-name-hint">${ctx.t('newsletterPublic.field.optional')}</p></div>
${languageChoices(ctx, values, errors)}
${countrySelect(ctx, values, errors)}
${listChoices(ctx, lists, values, errors)}
<div class="nl-field nl-consent"><label class="nl-choice"><input type="checkbox" name="consent" value="yes"${new SafeHtml(values.hasConsented ? ' checked' : '')} required${describedBy(errors, 'consent')}><span>${consentTextFor(ctx)}</span></label>${errorOf(ctx, errors, 'consent')}</div>
<div class="nl-hp" aria-hidden="true"><label for="nl-${HONEYPOT_FIELD}">${ctx.t('newsletterPublic.honeypot')}</label><input id="nl-${HONEYPOT_FIELD}" type="text" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>
<button class="nl-button" type="submit">${ctx.t('newsletterPublic.signUp.submit')}</button>
</form>`;
}

export function renderSignUpPage(ctx: PublicContext, form: SafeHtml, status: 'form' | 'error' = 'form'): string {
  const body = html`<h1>${ctx.t('newsletterPublic.signUp.title')}</h1>
<p class="lead">${ctx.t('newsletterPublic.signUp.intro', { site: ctx.siteName.value })}</p>
${form}
<p><a href="${pageUrl(NEWSLETTER_PUBLIC_PATHS.archive, ctx.lang)}">${ctx.t('newsletterPublic.signUp.archive')}</a></p>`;
  return renderLayout(ctx, {
    path: SIGN_UP_PATH,
    title: `${ctx.t('newsletterPublic.signUp.title')} — ${ctx.siteName.value}`,
    description: ctx.t('newsletterPublic.signUp.intro', { site: ctx.siteName.value }),
    body,
    isIndexable: status === 'form',
    extraCss: NEWSLETTER_FORM_CSS,
  });
}

/** A bare page for an iframe: no header or footer, the form's language and direction. */
export function renderEmbedPage(ctx: PublicContext, content: SafeHtml): string {
  return html`<!doctype html>
<html lang="${ctx.lang}" dir="${ctx.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${ctx.t('newsletterPublic.signUp.title')} — ${ctx.siteName.value}</title>
<style>${new SafeHtml(NEWSLETTER_EMBED_CSS + NEWSLETTER_FORM_CSS)}:root{--brand:${ctx.brandColor}}</style></head>
<body><main>
<h1>${ctx.t('newsletterPublic.signUp.title')}</h1>
${content}
</main></body>
</html>
`.value;
}

/** What the visitor reads after posting: depends only on the lists chosen, never on whether the address was known. */
export function signUpResult(ctx: PublicContext, needsConfirmation: boolean): SafeHtml {
  const key = needsConfirmation ? 'pending' : 'done';
  return html`<div class="nl-notice" role="status"><h2>${ctx.t(`newsletterPublic.result.${key}.title`)}</h2>
<p>${ctx.t(`newsletterPublic.result.${key}.body`, { days: 7 })}</p></div>`;
}

export function rateLimitedMessage(ctx: PublicContext): SafeHtml {
  return html`<div class="nl-alert" role="alert"><h2>${ctx.t('newsletterPublic.rateLimited.title')}</h2>
<p>${ctx.t('newsletterPublic.rateLimited.body')}</p></div>`;
}
