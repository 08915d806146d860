/** Comments (write, read, hide), single objects, and insights of pages and posts. */
import { type HandlerContext, isAnswer, requirePageToken, unknownObject } from './context.js';
import { type GraphAnswer, graphError, graphTime, pageList, parseGraphTime, splitFields } from './http-util.js';
import { shapePost } from './routes-posts.js';
import { type FakeComment, nextId } from './state.js';

/** Current page metrics (after Meta's 2025–2026 deprecations) the fake knows, period `day`. */
export const PAGE_METRICS = [
  'page_follows',
  'page_media_view',
  'page_total_media_view_unique',
  'page_actions_post_reactions_total',
  'page_post_engagements',
];
/** Current post metrics, period `lifetime`. */
export const POST_METRICS = ['post_media_view', 'post_total_media_view_unique', 'post_reactions_by_type_total', 'post_clicks_by_type'];

function invalid(message: string, subcode?: number): GraphAnswer {
  return graphError(400, { message, type: 'OAuthException', code: 100, ...(subcode ? { error_subcode: subcode } : {}) });
}

function pageOfObject(ctx: HandlerContext, objectId: string): string | undefined {
  const post = ctx.state.posts.find((entry) => entry.id === objectId);
  if (post) return post.pageId;
  const comment = ctx.state.comments.find((entry) => entry.id === objectId);
  return comment ? ctx.state.posts.find((entry) => entry.id === comment.postId)?.pageId : undefined;
}

function shapeComment(comment: FakeComment, fields: string[]): Record<string, unknown> {
  const wanted = fields.length > 0 ? fields : ['created_time', 'from', 'message', 'id'];
  const shaped: Record<string, unknown> = {};
  for (const field of wanted) {
    const name = field.split(/[.{(]/)[0];
    if (name === 'id') shaped.id = comment.id;
    else if (name === 'message') shaped.message = comment.message;
    else if (name === 'created_time') shaped.created_time = graphTime(comment.createdTime);
    else if (name === 'from') shaped.from = { id: comment.fromId, name: comment.fromName };
    else if (name === 'is_hidden') shaped.is_hidden = comment.isHidden;
    else if (name === 'can_hide') shaped.can_hide = true;
    else if (name === 'parent' && comment.parentId) shaped.parent = { id: comment.parentId };
  }
  return shaped;
}

/** `POST /{post-or-comment-id}/comments`: the page comments (first comment) or replies. */
export function addComment(ctx: HandlerContext, objectId: string): GraphAnswer {
  const pageId = pageOfObject(ctx, objectId);
  if (!pageId) return unknownObject(objectId);
  const access = requirePageToken(ctx, pageId, ['pages_manage_engagement', 'pages_read_engagement']);
  if (isAnswer(access)) return access;
  const message = ctx.request.params.message ?? '';
  if (!message && !ctx.request.params.attachment_url) return invalid('(#100) Missing message or attachment');
  const parent = ctx.state.comments.find((entry) => entry.id === objectId);
  const postId = parent ? parent.postId : objectId;
  const number = postId.split('_')[1] ?? postId;
  const comment: FakeComment = {
    id: `${number}_${nextId(ctx.state)}`,
    postId,
    parentId: parent ? (parent.parentId ?? parent.id) : undefined,
    fromId: pageId,
    fromName: access.page.name,
    message,
    createdTime: ctx.now,
    isHidden: false,
  };
  ctx.state.comments.push(comment);
  ctx.wrote = true;
  return { body: { id: comment.id } };
}

/** `GET /{post-or-comment-id}/comments`: top level by default, every comment with `filter=stream`. */
export function listComments(ctx: HandlerContext, objectId: string): GraphAnswer {
  const pageId = pageOfObject(ctx, objectId);
  if (!pageId) return unknownObject(objectId);
  const access = requirePageToken(ctx, pageId, ['pages_read_engagement', 'pages_read_user_content']);
  if (isAnswer(access)) return access;
  const isPost = ctx.state.posts.some((post) => post.id === objectId);
  const stream = ctx.request.params.filter === 'stream';
  const since = parseGraphTime(ctx.request.params.since);
  const comments = ctx.state.comments
    .filter((comment) => (isPost ? comment.postId === objectId && (stream || !comment.parentId) : comment.parentId === objectId))
    .filter((comment) => since === undefined || comment.createdTime >= since)
    .sort((a, b) => a.createdTime - b.createdTime || a.id.localeCompare(b.id));
  if (ctx.request.params.order === 'reverse_chronological') comments.reverse();
  const fields = splitFields(ctx.request.params.fields);
  return { body: pageList(comments, ctx.request, ctx.publicUrl, (comment) => shapeComment(comment, fields)) };
}

/** `GET /{id}`: a post, a comment or a page. */
export function readObject(ctx: HandlerContext, id: string): GraphAnswer {
  const fields = splitFields(ctx.request.params.fields);
  const page = ctx.state.pages.find((entry) => entry.id === id);
  const pageId = page?.id ?? pageOfObject(ctx, id);
  if (!pageId) return unknownObject(id);
  const access = requirePageToken(ctx, pageId, ['pages_read_engagement']);
  if (isAnswer(access)) return access;
  if (page) {
    const followers = Object.values(ctx.state.insights[page.id]?.page_follows ?? {}).at(-1);
    return {
      body: { id: page.id, name: page.name, category: page.category, followers_count: typeof followers === 'number' ? followers : 0 },
    };
  }
  const post = ctx.state.posts.find((entry) => entry.id === id);
  if (post) return { body: shapePost(ctx, post, fields.length > 0 ? fields : ['id', 'message', 'created_time']) };
  const comment = ctx.state.comments.find((entry) => entry.id === id);
  return comment ? { body: shapeComment(comment, fields) } : unknownObject(id);
}

/** `POST /{comment-id}` with `is_hidden`, or `POST /{post-id}` with a new `message`. */
export function updateObject(ctx: HandlerContext, id: string): GraphAnswer {
  const pageId = pageOfObject(ctx, id);
  if (!pageId) return unknownObject(id);
  const comment = ctx.state.comments.find((entry) => entry.id === id);
  const access = requirePageToken(
    ctx,
    pageId,
    comment ? ['pages_manage_engagement', 'pages_read_engagement'] : ['pages_manage_posts', 'pages_read_engagement'],
  );
  if (isAnswer(access)) return access;
  if (comment) {
    if (ctx.request.params.is_hidden === undefined) return invalid('(#100) Nothing to update');
    if (comment.fromId === pageId) return invalid("(#100) The page's own comments cannot be hidden");
    comment.isHidden = ctx.request.params.is_hidden === 'true';
  } else {
    const post = ctx.state.posts.find((entry) => entry.id === id);
    if (post && ctx.request.params.message !== undefined) post.message = ctx.request.params.message;
  }
  ctx.wrote = true;
  return { body: { success: true } };
}

function dayOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** `GET /{page-id}/insights?metric=…&period=day&since&until` or `GET /{post-id}/insights?metric=…`. */
export function insights(ctx: HandlerContext, objectId: string): GraphAnswer {
  const post = ctx.state.posts.find((entry) => entry.id === objectId);
  const pageId = post?.pageId ?? objectId;
  const access = requirePageToken(ctx, pageId, ['read_insights', 'pages_read_engagement'], 'ANALYZE');
  if (isAnswer(access)) return access;
  const metrics = (ctx.request.params.metric ?? '').split(',').filter(Boolean);
  if (metrics.length === 0) {
    return graphError(400, {
      message: 'No metric was specified to be fetched.',
      type: 'OAuthException',
      code: 3001,
      error_subcode: 1504028,
    });
  }
  const known = post ? POST_METRICS : PAGE_METRICS;
  const unknown = metrics.find((metric) => !known.includes(metric) || ctx.options.deprecatedMetrics.has(metric));
  if (unknown) return invalid(`(#100) The value must be a valid insights metric (${unknown})`);
  if (post) {
    const data = metrics.map((name) => ({
      name,
      period: 'lifetime',
      values: [{ value: post.insights[name] ?? 0 }],
      title: name,
      description: `Lifetime: ${name}`,
      id: `${post.id}/insights/${name}/lifetime`,
    }));
    return { body: { data } };
  }
  if ((ctx.request.params.period ?? 'day') !== 'day') return invalid('(#100) The fake Graph API only serves period=day');
  const until = parseGraphTime(ctx.request.params.until) ?? ctx.now;
  const since = parseGraphTime(ctx.request.params.since) ?? until - 2 * 24 * 3600 * 1000;
  if (until - since > 90 * 24 * 3600 * 1000) return invalid('(#100) There cannot be more than 90 days (7776000 s) between since and until');
  const stored = ctx.state.insights[pageId] ?? {};
  const data = metrics.map((name) => {
    const values: Array<{ value: unknown; end_time: string }> = [];
    for (let day = since; day < until; day += 24 * 3600 * 1000) {
      const value = stored[name]?.[dayOf(day)];
      if (value !== undefined) values.push({ value, end_time: graphTime(Date.parse(`${dayOf(day)}T08:00:00Z`) + 24 * 3600 * 1000) });
    }
    return { name, period: 'day', values, title: name, description: `Daily: ${name}`, id: `${pageId}/insights/${name}/day` };
  });
  const previous = new URL(`${ctx.publicUrl}/${ctx.request.version ?? 'v25.0'}/${pageId}/insights`);
  previous.searchParams.set('metric', metrics.join(','));
  return { body: { data, paging: { previous: previous.toString() } } };
}
