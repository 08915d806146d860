/**
 * Public pages of the newsletter, server-rendered in the site's shell (no script, no sign-in): the
 * sign-up page and its embeddable twin, and the pages behind our emails' signed links (confirm,
 * preferences, unsubscribe — including RFC 8058 one-click). Forms post `application/x-www-form-urlencoded`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isPlausibleEmail } from '../../../shared/newsletter/subscriber-identity.js';
import type { Platform } from '../../platform/platform.js';
import { renderNotFoundPage } from '../../public-site/not-found.page.js';
import { createPublicContext, type PublicContext } from '../../public-site/public-context.js';
import { findPublicLists } from './lists.repo.js';
import {
  NEWSLETTER_PUBLIC_PATHS,
  preferencesUrl,
  readConfirmToken,
  readPreferencesToken,
  readUnsubscribeToken,
} from './newsletter-links.js';
import {
  homeLink,
  preferencesLink,
  renderInvalidLinkPage,
  renderMessagePage,
  renderUnsubscribePage,
  signUpLink,
} from './public/link-pages.js';
import { loadPreferencesView, savePreferencesForm } from './public/preferences-form.js';
import { SlidingWindowLimiter } from './public/rate-limit.js';
import {
  consentTextFor,
  EMBED_PATH,
  HONEYPOT_FIELD,
  languagesOfChoice,
  type PublicList,
  rateLimitedMessage,
  renderEmbedPage,
  renderSignUpForm,
  renderSignUpPage,
  SIGN_UP_PATH,
  type SignUpErrors,
  type SignUpValues,
  signUpResult,
} from './public/sign-up.page.js';
import { findSubscriberAnywhere } from './subscribers.repo.js';
import { confirmSubscription, signUpFromForm, unsubscribeSubscriber } from './subscriptions.service.js';

/** Sign-up posts allowed per IP: 5 in 10 minutes. */
export const SIGN_UP_LIMIT = { limit: 5, windowMs: 10 * 60_000 };
const FORM_BODY_LIMIT = 32 * 1024;
const COUNTRY = /^[A-Z]{2}$/;

type Mode = 'page' | 'embed';

/** Our pages may be framed only by ourselves; the embed by anyone. Tokens never leave in a Referer. */
function sendHtml(reply: FastifyReply, ctx: PublicContext, body: string, options: { status?: number; mode?: Mode } = {}) {
  const ancestors = options.mode === 'embed' ? '*' : "'self'";
  return reply
    .status(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('content-language', ctx.lang)
    .header('vary', 'Accept-Language')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ${ancestors}`,
    )
    .send(body);
}

function formOf(request: FastifyRequest): URLSearchParams {
  return request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
}

function clientOf(request: FastifyRequest) {
  return { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
}

function readSignUp(form: URLSearchParams): SignUpValues {
  return {
    email: (form.get('email') ?? '').trim().slice(0, 254),
    name: (form.get('name') ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200),
    language: form.get('language') ?? '',
    country: (form.get('country') ?? '').trim().toUpperCase(),
    listIds: form.getAll('lists'),
    hasConsented: form.get('consent') === 'yes',
  };
}

function validate(ctx: PublicContext, values: SignUpValues, lists: PublicList[]): SignUpErrors {
  const errors: SignUpErrors = {};
  if (!isPlausibleEmail(values.email)) errors.email = 'newsletterPublic.error.email';
  if (!(values.language === 'both' || ctx.languages.includes(values.language))) errors.language = 'newsletterPublic.error.language';
  if (values.country && !COUNTRY.test(values.country)) errors.country = 'newsletterPublic.error.country';
  if (!values.listIds.some((id) => lists.some((list) => list.id === id))) errors.lists = 'newsletterPublic.error.lists';
  if (!values.hasConsented) errors.consent = 'newsletterPublic.error.consent';
  return errors;
}

export async function newsletterPublicRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const limiter = new SlidingWindowLimiter(SIGN_UP_LIMIT);
  // Plain HTML forms (and RFC 8058 one-click) post url-encoded bodies; only this plugin reads them.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) =>
    done(null, new URLSearchParams(String(body))),
  );
  /** The path of a subscriber's preferences page (its link in our emails, without the origin). */
  const preferencesPath = (subscriberId: string) => new URL(preferencesUrl(platform.config, subscriberId)).pathname;
  const contextOf = (request: FastifyRequest) =>
    createPublicContext(db, {
      lang: (request.query as Record<string, unknown> | undefined)?.lang,
      acceptLanguage: request.headers['accept-language'],
      publicUrl: platform.config.publicUrl,
    });

  /** The public lists of the published workspace (the embed may name a subset with `?lists=id,id`). */
  async function publicListsOf(ctx: PublicContext, request: FastifyRequest): Promise<PublicList[]> {
    if (!ctx.workspace) return [];
    const only = (request.query as Record<string, unknown> | undefined)?.lists;
    const wanted = typeof only === 'string' && only ? new Set(only.split(',')) : undefined;
    return (await findPublicLists(db, ctx.workspace.id)).filter((list) => !wanted || wanted.has(list.id));
  }

  function respond(reply: FastifyReply, ctx: PublicContext, mode: Mode, content: Parameters<typeof renderSignUpPage>[1], status = 200) {
    const body = mode === 'embed' ? renderEmbedPage(ctx, content) : renderSignUpPage(ctx, content, status === 200 ? 'form' : 'error');
    return sendHtml(reply, ctx, body, { status, mode });
  }

  async function showForm(request: FastifyRequest, reply: FastifyReply, mode: Mode) {
    const ctx = await contextOf(request);
    if (!ctx.workspace) return sendHtml(reply, ctx, renderNotFoundPage(ctx, request.url.split('?')[0] ?? '/'), { status: 404 });
    const lists = await publicListsOf(ctx, request);
    const values: SignUpValues = {
      email: '',
      name: '',
      language: ctx.lang,
      country: '',
      listIds: lists.length === 1 ? lists.map((list) => list.id) : [],
      hasConsented: false,
    };
    const action = mode === 'embed' ? EMBED_PATH : SIGN_UP_PATH;
    return respond(reply, ctx, mode, renderSignUpForm(ctx, { lists, values, errors: {}, action }));
  }

  async function signUp(request: FastifyRequest, reply: FastifyReply, mode: Mode) {
    const ctx = await contextOf(request);
    if (!ctx.workspace) return sendHtml(reply, ctx, renderNotFoundPage(ctx, request.url.split('?')[0] ?? '/'), { status: 404 });
    const { isAllowed, retryAfterSeconds } = limiter.take(request.ip);
    if (!isAllowed) {
      reply.header('retry-after', String(retryAfterSeconds));
      return respond(reply, ctx, mode, rateLimitedMessage(ctx), 429);
    }
    const lists = await publicListsOf(ctx, request);
    const form = formOf(request);
    const values = readSignUp(form);
    const chosen = lists.filter((list) => values.listIds.includes(list.id));
    const needsConfirmation = chosen.some((list) => list.optIn === 'double');
    // A filled honeypot gets the same answer as a person, and nothing happens.
    if (form.get(HONEYPOT_FIELD)) return respond(reply, ctx, mode, signUpResult(ctx, needsConfirmation));
    const errors = validate(ctx, values, lists);
    if (Object.keys(errors).length > 0) {
      const action = mode === 'embed' ? EMBED_PATH : SIGN_UP_PATH;
      return respond(reply, ctx, mode, renderSignUpForm(ctx, { lists, values, errors, action }), 400);
    }
    await signUpFromForm(platform, {
      workspaceId: ctx.workspace.id,
      email: values.email,
      name: values.name,
      languages: languagesOfChoice(ctx, values.language),
      country: values.country || null,
      listIds: chosen.map((list) => list.id),
      consentText: consentTextFor(ctx),
      language: ctx.lang,
      ...clientOf(request),
    });
    return respond(reply, ctx, mode, signUpResult(ctx, needsConfirmation));
  }

  const hidden = { schema: { hide: true } };
  app.get(SIGN_UP_PATH, hidden, (request, reply) => showForm(request, reply, 'page'));
  app.post(SIGN_UP_PATH, hidden, (request, reply) => signUp(request, reply, 'page'));
  app.get(EMBED_PATH, hidden, (request, reply) => showForm(request, reply, 'embed'));
  app.post(EMBED_PATH, hidden, (request, reply) => signUp(request, reply, 'embed'));

  app.get<{ Params: { token: string } }>(NEWSLETTER_PUBLIC_PATHS.confirm, hidden, async (request, reply) => {
    const ctx = await contextOf(request);
    const path = request.url.split('?')[0] ?? '/';
    const link = readConfirmToken(platform.config.secretKey, request.params.token);
    if (!link) return sendHtml(reply, ctx, renderInvalidLinkPage(ctx, path), { status: 404 });
    const outcome = await confirmSubscription(db, link, { ...clientOf(request), language: ctx.lang });
    if (outcome === 'invalid') return sendHtml(reply, ctx, renderInvalidLinkPage(ctx, path), { status: 404 });
    if (outcome === 'expired') {
      const page = renderMessagePage(ctx, {
        path,
        titleKey: 'newsletterPublic.confirm.expired.title',
        bodyKey: 'newsletterPublic.confirm.expired.body',
        params: { days: 7 },
        links: [signUpLink(ctx)],
      });
      return sendHtml(reply, ctx, page, { status: 410 });
    }
    const page = renderMessagePage(ctx, {
      path,
      titleKey: `newsletterPublic.confirm.${outcome}.title`,
      bodyKey: `newsletterPublic.confirm.${outcome}.body`,
      links: [preferencesLink(ctx, preferencesPath(link.subscriberId)), homeLink(ctx)],
    });
    return sendHtml(reply, ctx, page);
  });

  app.get<{ Params: { token: string } }>(NEWSLETTER_PUBLIC_PATHS.preferences, hidden, async (request, reply) => {
    const ctx = await contextOf(request);
    const link = readPreferencesToken(platform.config.secretKey, request.params.token);
    const view = link ? await loadPreferencesView(db, ctx, request.params.token, link.subscriberId) : undefined;
    if (!view) return sendHtml(reply, ctx, renderInvalidLinkPage(ctx, request.url.split('?')[0] ?? '/'), { status: 404 });
    return sendHtml(reply, ctx, view);
  });

  app.post<{ Params: { token: string } }>(NEWSLETTER_PUBLIC_PATHS.preferences, hidden, async (request, reply) => {
    const ctx = await contextOf(request);
    const path = request.url.split('?')[0] ?? '/';
    const link = readPreferencesToken(platform.config.secretKey, request.params.token);
    const subscriber = link ? await findSubscriberAnywhere(db, link.subscriberId) : undefined;
    if (!subscriber) return sendHtml(reply, ctx, renderInvalidLinkPage(ctx, path), { status: 404 });
    const form = formOf(request);
    if (form.get('action') === 'unsubscribe') {
      await unsubscribeSubscriber(db, {
        workspaceId: subscriber.workspaceId,
        subscriberId: subscriber.id,
        source: 'email_link',
        ...clientOf(request),
      });
      return sendHtml(reply, ctx, unsubscribedPage(ctx, path, preferencesPath(subscriber.id)));
    }
    const page = await savePreferencesForm(platform, ctx, { token: request.params.token, subscriber, form, ...clientOf(request) });
    return sendHtml(reply, ctx, page);
  });

  app.get<{ Params: { token: string } }>(NEWSLETTER_PUBLIC_PATHS.unsubscribe, hidden, async (request, reply) => {
    const ctx = await contextOf(request);
    const path = request.url.split('?')[0] ?? '/';
    const link = readUnsubscribeToken(platform.config.secretKey, request.params.token);
    if (!link) return sendHtml(reply, ctx, renderInvalidLinkPage(ctx, path), { status: 404 });
    const subscriber = await findSubscriberAnywhere(db, link.subscriberId);
    if (!subscriber) return sendHtml(reply, ctx, unsubscribedPage(ctx, path));
    if (subscriber.status !== 'active') return sendHtml(reply, ctx, unsubscribedPage(ctx, path, preferencesPath(subscriber.id)));
    return sendHtml(reply, ctx, renderUnsubscribePage(ctx, { token: request.params.token, email: subscriber.email }));
  });

  /** The page's button and RFC 8058 one-click (`List-Unsubscribe=One-Click`, no page shown) both land here. */
  app.post<{ Params: { token: string } }>(NEWSLETTER_PUBLIC_PATHS.unsubscribe, hidden, async (request, reply) => {
    const ctx = await contextOf(request);
    const path = request.url.split('?')[0] ?? '/';
    const link = readUnsubscribeToken(platform.config.secretKey, request.params.token);
    if (!link) return sendHtml(reply, ctx, renderInvalidLinkPage(ctx, path), { status: 404 });
    const subscriber = await findSubscriberAnywhere(db, link.subscriberId);
    if (subscriber) {
      const isOneClick = formOf(request).get('List-Unsubscribe') === 'One-Click';
      await unsubscribeSubscriber(db, {
        workspaceId: subscriber.workspaceId,
        subscriberId: subscriber.id,
        ...(link.deliveryId !== undefined ? { deliveryId: link.deliveryId } : {}),
        source: isOneClick ? 'one_click' : 'email_link',
        ...clientOf(request),
      });
    }
    return sendHtml(reply, ctx, unsubscribedPage(ctx, path, subscriber ? preferencesPath(subscriber.id) : undefined));
  });
}

/** "You are unsubscribed", with the way back (the preferences page) when the person still exists. */
function unsubscribedPage(ctx: PublicContext, path: string, preferences?: string): string {
  return renderMessagePage(ctx, {
    path,
    titleKey: 'newsletterPublic.unsubscribe.done.title',
    bodyKey: 'newsletterPublic.unsubscribe.done.body',
    links: [...(preferences ? [preferencesLink(ctx, preferences)] : []), homeLink(ctx)],
  });
}
