/**
 * The two emails of a public sign-up, rendered per call in the person's language (STYLE G10): the
 * double opt-in confirmation, and the note sent when the address is already subscribed (so the page
 * answers the same whether the address exists or not, and the owner of the mailbox still learns).
 */
import { type ContentLanguage, directionOf, pickUiLocale } from '../../../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { translatorFor } from '../../../platform/i18n.js';
import type { MailMessage } from '../../../platform/mail/mailer.js';
import { html } from '../../../public-site/html.js';

export const CONFIRMATION_VALID_DAYS = 7;

interface MailInput {
  to: string;
  workspaceId: string;
  language: string;
  siteName: LocalizedText;
  lists: Array<{ name: LocalizedText }>;
}

function wordsOf(input: MailInput) {
  const t = translatorFor(pickUiLocale(input.language));
  const others = ['ar', 'fr', 'en'].filter((language) => language !== input.language);
  const site = pickLocalized(input.siteName, input.language, others)?.value ?? 'Tawasul';
  const lists = input.lists.map((list) => pickLocalized(list.name, input.language, others)?.value ?? '').filter(Boolean);
  return { t, site, lists };
}

/** A short HTML part with the right direction; the text part carries the same words. */
function htmlBody(language: string, paragraphs: string[], link: { url: string; label: string }): string {
  const dir = directionOf(language);
  return html`<!doctype html><html lang="${language}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.6">
${paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}
<p><a href="${link.url}" style="display:inline-block;padding:.6em 1.2em;background:#0f766e;color:#fff;text-decoration:none;border-radius:.3em">${link.label}</a></p>
<p style="font-size:.85em;color:#52606d" dir="ltr">${link.url}</p>
</body></html>`.value;
}

/** "Confirm your subscription", with a link valid for a week. */
export function confirmationMail(input: MailInput & { confirmUrl: string }): MailMessage {
  const { t, site, lists } = wordsOf(input);
  const listText = lists.join(' · ');
  const intro = t('newsletterPublic.mail.confirm.intro', { site, lists: listText });
  const action = t('newsletterPublic.mail.confirm.action');
  const validity = t('newsletterPublic.mail.confirm.validity', { days: CONFIRMATION_VALID_DAYS });
  const ignore = t('newsletterPublic.mail.ignore');
  return {
    to: input.to,
    workspaceId: input.workspaceId,
    subject: t('newsletterPublic.mail.confirm.subject', { site }),
    text: [intro, `${action}:\n${input.confirmUrl}`, validity, ignore].join('\n\n'),
    html: htmlBody(input.language, [intro, validity, ignore], { url: input.confirmUrl, label: action }),
  };
}

/** "You are already subscribed", with the preferences link. */
export function alreadySubscribedMail(input: MailInput & { preferencesUrl: string }): MailMessage {
  const { t, site, lists } = wordsOf(input);
  const intro = t('newsletterPublic.mail.already.intro', { site, lists: lists.join(' · ') });
  const action = t('newsletterPublic.mail.already.action');
  const ignore = t('newsletterPublic.mail.ignore');
  return {
    to: input.to,
    workspaceId: input.workspaceId,
    subject: t('newsletterPublic.mail.already.subject', { site }),
    text: [intro, `${action}:\n${input.preferencesUrl}`, ignore].join('\n\n'),
    html: htmlBody(input.language, [intro, ignore], { url: input.preferencesUrl, label: action }),
  };
}

/** The language to write to someone in: the page's when they chose it too, else their first choice. */
export function mailLanguageFor(chosen: readonly string[], pageLanguage: string): ContentLanguage | string {
  return chosen.includes(pageLanguage) ? pageLanguage : (chosen[0] ?? pageLanguage);
}
