/** What the post pages' unit tests share: a bilingual AlterMed post, its page, its review, and a fake API. */
import type { PostDetail, SocialChannel } from '../../src/web/modules/social/posts/posts-api.js';
import { type ApiCall, WORKSPACE_ID } from './web-harness.js';

export const POST_ID = '77777777-7777-4777-8777-777777777777';
export const CHANNEL_ID = '88888888-8888-4888-8888-888888888888';
export const PHOTO_ID = '99999999-9999-4999-8999-999999999999';

export const ARABIC = 'يسرّ اتحاد AlterMed دعوتكم إلى ورشة حول الاقتصاد الاجتماعي والتضامني في صفاقس.';
export const FRENCH = 'AlterMed vous invite à un atelier sur l’économie sociale et solidaire à Sfax.';

export const channel: SocialChannel = {
  id: CHANNEL_ID,
  network: 'facebook',
  externalId: '20001',
  name: 'AlterMed — bac à sable',
  pictureUrl: null,
  status: 'connected',
  statusReason: null,
  missingPermission: null,
  grantedPermissions: ['pages_manage_posts'],
  tokenExpiresAt: null,
  lastCheckedAt: null,
  connectedAt: '2026-11-01T10:00:00.000Z',
  connectedByName: 'Admin',
  sandbox: true,
};

export const post: PostDetail = {
  id: POST_ID,
  workspaceId: WORKSPACE_ID,
  channelId: CHANNEL_ID,
  campaignId: null,
  languageMode: 'together',
  text: { ar: { value: ARABIC, status: 'draft' }, fr: { value: FRENCH, status: 'draft' } },
  hashtags: { ar: ['صفاقس'], fr: ['ESS', 'Sfax'] },
  firstComment: { fr: { value: 'Inscription : altermed.org/sfax', status: 'draft' } },
  assetIds: [],
  link: null,
  status: 'draft',
  reviewState: 'draft',
  scheduledAt: null,
  scheduledLocal: null,
  publishedAt: null,
  lastErrorKind: null,
  version: 3,
  createdBy: 'user-1',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  messages: [],
  publications: [],
  photoProblems: {},
};

export function reviewOf(state: string) {
  return {
    contentType: 'social.post',
    contentId: POST_ID,
    title: ARABIC,
    link: '',
    state,
    scheduledFor: null,
    overrideReason: null,
    requiredApprovals: 1,
    approvals: [],
    submittedBy: null,
    languages: [],
    incompleteLanguages: [],
    allowedActions: state === 'draft' ? ['submit'] : [],
    canOverride: false,
    canComment: true,
    events: [],
    comments: [],
  };
}

/** Answers the calls every post page makes (channels, campaigns, review, assets, designs). */
export function commonAnswer(call: ApiCall, reviewState = 'draft') {
  const path = call.url.pathname;
  if (path.endsWith('/social/channels')) return { body: { items: [channel], canConnect: true, sandbox: true } };
  if (path.endsWith('/campaigns')) return { body: { items: [], nextCursor: null } };
  if (path.includes('/reviews/social.post/')) return { body: reviewOf(reviewState) };
  if (path.endsWith('/studio/assets')) return { body: { items: [], nextCursor: null } };
  if (path.endsWith('/studio/designs')) return { body: { items: [], nextCursor: null } };
  return undefined;
}
