/**
 * Requests that are not a person reading: HEAD probes and user agents of link scanners, crawlers
 * and HTTP libraries. Security gateways (Microsoft Safe Links, Mimecast, Proofpoint, Barracuda…)
 * fetch every link of a message before delivery; counting them would fill the statistics with
 * clicks nobody made. Only cheap signals are used; scanners that pose as a browser are still
 * counted (documented in docs/newsletter/tracking-bounces-stats.md).
 */
import type { FastifyRequest } from 'fastify';

const AUTOMATED_AGENT =
  /bot\b|bot\/|crawler|spider|slurp|scanner|preview|headlesschrome|phantomjs|curl\/|wget\/|python-requests|python-urllib|aiohttp|go-http-client|java\/|okhttp|apache-httpclient|libwww|axios\/|node-fetch|undici|barracuda|mimecast|proofpoint|forcepoint|trendmicro|symantec|safelinks|microsoft office protocol discovery|facebookexternalhit|whatsapp|telegrambot/i;

export function isAutomatedRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return true;
  const agent = request.headers['user-agent'];
  return !agent || AUTOMATED_AGENT.test(agent);
}
