/** The interface language of a request: explicit `?lang=`, then the user's choice, then Accept-Language. */
import type { FastifyRequest } from 'fastify';
import { pickUiLocale, type UiLocale } from '../../../shared/languages.js';

export function requestLocale(request: FastifyRequest): UiLocale {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = typeof query?.lang === 'string' ? query.lang : undefined;
  const cookie = request.cookies?.tawasul_lang;
  return pickUiLocale(explicit, request.actor?.user.locale, cookie, request.headers['accept-language']);
}
