/** Page posts: feed posts (message, link, attached_media, scheduling), unpublished photos, reading, deleting. */
import { type HandlerContext, isAnswer, requirePageToken, unknownObject } from './context.js';
import { type GraphAnswer, graphError, graphTime, pageList, parseGraphTime, splitFields } from './http-util.js';
import { type FakePost, nextId } from './state.js';

const PUBLISH_SCOPES = ['pages_manage_posts', 'pages_read_engagement'];
const MIN_SCHEDULE_MS = 10 * 60 * 1000;
const MAX_SCHEDULE_MS = 75 * 24 * 3600 * 1000;

function invalid(message: string, subcode?: number): GraphAnswer {
  return graphError(400, { message, type: 'OAuthException', code: 100, ...(subcode ? { error_subcode: subcode } : {}) });
}

/** `attached_media` as an indexed form (`attached_media[0]={"media_fbid":"1"}`) or one JSON array. */
function attachedMediaIds(params: Record<string, string>): string[] | undefined {
  const raw: string[] = [];
  if (params.attached_media) {
    const parsed = JSON.parse(params.attached_media) as Array<{ media_fbid: string }> | { media_fbid: string };
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) raw.push(JSON.stringify(item));
  }
  for (const [key, value] of Object.entries(params)) if (/^attached_media\[\d+\]$/.test(key)) raw.push(value);
  if (raw.length === 0) return undefined;
  return raw.map((value) => String((JSON.parse(value) as { media_fbid: string }).media_fbid));
}

export function permalinkOf(post: FakePost): string {
  const [pageId, number] = post.id.split('_');
  return `https://www.facebook.com/${pageId}/posts/${number}`;
}

function createPost(ctx: HandlerContext, pageId: string, input: Omit<FakePost, 'id' | 'pageId' | 'shares' | 'insights'>): FakePost {
  const post: FakePost = { id: `${pageId}_${nextId(ctx.state)}`, pageId, shares: 0, insights: {}, ...input };
  ctx.state.posts.push(post);
  ctx.wrote = true;
  return post;
}

/** `POST /{page-id}/feed`. */
export function publishFeed(ctx: HandlerContext, pageId: string): GraphAnswer {
  const access = requirePageToken(ctx, pageId, PUBLISH_SCOPES, 'CREATE_CONTENT');
  if (isAnswer(access)) return access;
  const { message = '', link } = ctx.request.params;
  let photoIds: string[];
  try {
    photoIds = attachedMediaIds(ctx.request.params) ?? [];
  } catch {
    return invalid('(#100) param attached_media must be an array of objects with media_fbid');
  }
  if (!message && !link && photoIds.length === 0) return invalid('(#100) Missing message or attachment');
  if (link && photoIds.length > 0) return invalid('(#100) Cannot specify both link and attached_media');
  if (photoIds.length > 10) return invalid('(#100) At most 10 attached_media items are allowed');
  for (const id of photoIds) {
    const photo = ctx.state.photos.find((entry) => entry.id === id);
    if (!photo || photo.pageId !== pageId) return invalid(`(#100) Invalid media_fbid ${id}`);
    if (photo.published || photo.postId) return invalid(`(#100) The photo ${id} was already published`);
  }
  const published = ctx.request.params.published !== 'false';
  const scheduled = parseGraphTime(ctx.request.params.scheduled_publish_time);
  if (scheduled !== undefined) {
    if (published) return invalid('(#100) Scheduled posts must be unpublished (published=false)');
    if (scheduled - ctx.now < MIN_SCHEDULE_MS || scheduled - ctx.now > MAX_SCHEDULE_MS) {
      return invalid('(#100) The specified scheduled publish time is invalid.', 1363168);
    }
  }
  if (ctx.options.rejectDuplicates && message) {
    const last = ctx.state.posts.filter((post) => post.pageId === pageId).at(-1);
    if (last && last.message === message) {
      return graphError(400, { message: '(#506) Duplicate status message', type: 'OAuthException', code: 506, error_subcode: 1455006 });
    }
  }
  const post = createPost(ctx, pageId, {
    message,
    link,
    photoIds,
    createdTime: ctx.now,
    isPublished: published,
    scheduledPublishTime: scheduled,
  });
  for (const id of photoIds) {
    const photo = ctx.state.photos.find((entry) => entry.id === id);
    if (photo) photo.postId = post.id;
  }
  return { body: { id: post.id } };
}

/** `POST /{page-id}/photos` (multipart `source`, or `url`); `published=false` keeps it for `attached_media`. */
export function uploadPhoto(ctx: HandlerContext, pageId: string): GraphAnswer {
  const access = requirePageToken(ctx, pageId, PUBLISH_SCOPES, 'CREATE_CONTENT');
  if (isAnswer(access)) return access;
  const file = ctx.request.files.source;
  if (!file && !ctx.request.params.url) return invalid('(#324) Requires upload file', undefined);
  if (file && !['image/jpeg', 'image/png', 'image/gif'].includes(file.type)) return invalid('(#100) Invalid image type', 2069019);
  if (file && file.size > 10 * 1024 * 1024) return invalid('(#100) The image is too large', 2069001);
  const published = ctx.request.params.published !== 'false';
  const photo = {
    id: nextId(ctx.state),
    pageId,
    published,
    mimeType: file?.type ?? 'image/jpeg',
    size: file?.size ?? 0,
    altText: ctx.request.params.alt_text_custom,
    caption: ctx.request.params.caption ?? ctx.request.params.message,
  };
  ctx.state.photos.push(photo);
  ctx.wrote = true;
  if (!published) return { body: { id: photo.id } };
  const post = createPost(ctx, pageId, { message: photo.caption ?? '', photoIds: [photo.id], createdTime: ctx.now, isPublished: true });
  Object.assign(photo, { postId: post.id });
  return { body: { id: photo.id, post_id: post.id } };
}

/** Published, or scheduled and its time has come. */
function isLive(post: FakePost, now: number): boolean {
  return post.isPublished || (post.scheduledPublishTime !== undefined && post.scheduledPublishTime <= now);
}

/** One post in the requested fields. */
export function shapePost(ctx: HandlerContext, post: FakePost, fields: string[]): Record<string, unknown> {
  const wanted = fields.length > 0 ? fields : ['created_time', 'message', 'id'];
  const shaped: Record<string, unknown> = {};
  for (const field of wanted) {
    const name = field.split(/[.{(]/)[0] ?? field;
    if (name === 'id') shaped.id = post.id;
    else if (name === 'message' && post.message) shaped.message = post.message;
    else if (name === 'created_time') shaped.created_time = graphTime(post.createdTime);
    else if (name === 'permalink_url') shaped.permalink_url = permalinkOf(post);
    else if (name === 'is_published') shaped.is_published = post.isPublished;
    else if (name === 'scheduled_publish_time' && post.scheduledPublishTime)
      shaped.scheduled_publish_time = Math.floor(post.scheduledPublishTime / 1000);
    else if (name === 'shares' && post.shares > 0) shaped.shares = { count: post.shares };
    else if (name === 'link' && post.link) shaped.link = post.link;
    else if (name === 'comments') {
      const count = ctx.state.comments.filter((comment) => comment.postId === post.id).length;
      shaped.comments = { data: [], summary: { order: 'ranked', total_count: count, can_comment: true } };
    } else if (name === 'attachments' && post.photoIds.length > 0) {
      shaped.attachments = {
        data: [
          { type: post.photoIds.length > 1 ? 'album' : 'photo', subattachments: { data: post.photoIds.map((id) => ({ target: { id } })) } },
        ],
      };
    }
  }
  return shaped;
}

/** `GET /{page-id}/feed` and `/published_posts`: newest first, `since`/`until`, paged. */
export function listPosts(ctx: HandlerContext, pageId: string): GraphAnswer {
  const access = requirePageToken(ctx, pageId, ['pages_read_engagement']);
  if (isAnswer(access)) return access;
  const since = parseGraphTime(ctx.request.params.since);
  const until = parseGraphTime(ctx.request.params.until);
  const posts = ctx.state.posts
    .filter((post) => post.pageId === pageId && isLive(post, ctx.now))
    .filter((post) => (since === undefined || post.createdTime >= since) && (until === undefined || post.createdTime <= until))
    .sort((a, b) => b.createdTime - a.createdTime || b.id.localeCompare(a.id));
  const fields = splitFields(ctx.request.params.fields);
  return { body: pageList(posts, ctx.request, ctx.publicUrl, (post) => shapePost(ctx, post, fields)) };
}

/** `DELETE /{post-id}`. */
export function deletePost(ctx: HandlerContext, postId: string): GraphAnswer {
  const post = ctx.state.posts.find((entry) => entry.id === postId);
  if (!post) return unknownObject(postId);
  const access = requirePageToken(ctx, post.pageId, ['pages_manage_posts', 'pages_read_engagement']);
  if (isAnswer(access)) return access;
  ctx.state.posts = ctx.state.posts.filter((entry) => entry.id !== postId);
  ctx.state.comments = ctx.state.comments.filter((comment) => comment.postId !== postId);
  ctx.wrote = true;
  return { body: { success: true } };
}
