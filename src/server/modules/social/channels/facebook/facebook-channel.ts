/**
 * Facebook Pages as a Channel: Meta's login flow (code → user token → long-lived user token → page
 * tokens), publishing (text, link, or up to ten photos uploaded unpublished then attached to one
 * feed post), reading posts back, comments, insights, and the usage the Graph API reports.
 */
import {
  type Channel,
  type ChannelAccount,
  ChannelError,
  type ChannelUsage,
  type DailyMetrics,
  type PublishedPost,
  type PublishRequest,
  type RemoteComment,
  type RemotePost,
  type SocialMetric,
} from '../channel.js';
import { checkFacebookAccount, completeFacebookLogin, facebookLoginUrl } from './facebook-login.js';
import { readPageMetrics, readPostMetrics } from './facebook-metrics.js';
import { APP_KEY, type GraphCall, GraphClient, type GraphClientOptions } from './graph-client.js';
import { combineUsage } from './graph-usage.js';

const POST_FIELDS = 'id,message,created_time,permalink_url';
const COMMENT_FIELDS = 'id,message,created_time,from{id,name},parent{id},is_hidden';

interface GraphPost {
  id: string;
  message?: string;
  created_time: string;
  permalink_url?: string;
}

interface GraphComment {
  id: string;
  message?: string;
  created_time: string;
  from?: { id: string; name: string };
  parent?: { id: string };
  is_hidden?: boolean;
}

function graphDate(value: string): Date {
  return new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

function toRemotePost(post: GraphPost): RemotePost {
  return { externalId: post.id, message: post.message ?? '', createdAt: graphDate(post.created_time), permalinkUrl: post.permalink_url };
}

function seconds(date: Date, round: 'floor' | 'ceil'): number {
  return Math[round](date.getTime() / 1000);
}

export class FacebookChannel implements Channel {
  readonly network = 'facebook' as const;
  readonly client: GraphClient;

  constructor(private readonly options: GraphClientOptions & { dialogUrl: string }) {
    this.client = new GraphClient(options);
  }

  private pageCall(account: ChannelAccount, call: Omit<GraphCall, 'token' | 'pageId'>): GraphCall {
    return { ...call, token: account.accessToken, pageId: account.externalId };
  }

  loginUrl(input: { redirectUri: string; state: string }): string {
    return facebookLoginUrl(this.options, input);
  }

  completeLogin(input: { code: string; redirectUri: string }) {
    return completeFacebookLogin(this.client, this.options, input);
  }

  checkAccount(account: ChannelAccount) {
    return checkFacebookAccount(this.client, account);
  }

  async publish(account: ChannelAccount, request: PublishRequest): Promise<PublishedPost> {
    const photos = request.photos ?? [];
    if (photos.length > 10) throw new ChannelError('invalid-request', 'At most ten photos per post');
    if (photos.length > 0 && request.link) throw new ChannelError('invalid-request', 'A post has photos or a link, not both');
    const form: Record<string, string | undefined> = { message: request.message, link: request.link };
    // Unpublished photos are invisible until attached: retrying an upload whose answer was lost leaves at most an orphan, never a duplicate post.
    for (const [index, photo] of photos.entries()) {
      const multipart = new FormData();
      multipart.set(
        'source',
        new Blob([new Uint8Array(photo.bytes)], { type: photo.mimeType }),
        `photo-${index + 1}.${photo.mimeType === 'image/png' ? 'png' : 'jpg'}`,
      );
      multipart.set('published', 'false');
      if (photo.altText) multipart.set('alt_text_custom', photo.altText);
      const uploaded = await this.client.call<{ id: string }>(
        this.pageCall(account, {
          method: 'POST',
          path: `${account.externalId}/photos`,
          multipart,
          kind: 'unseen-write',
          permission: 'pages_manage_posts',
        }),
      );
      form[`attached_media[${index}]`] = JSON.stringify({ media_fbid: uploaded.id });
    }
    const created = await this.client.call<{ id: string }>(
      this.pageCall(account, { method: 'POST', path: `${account.externalId}/feed`, form, kind: 'write', permission: 'pages_manage_posts' }),
    );
    // The post exists now: a failure reading its permalink must not look like a failed publication.
    try {
      const post = await this.client.call<GraphPost>(
        this.pageCall(account, {
          method: 'GET',
          path: created.id,
          query: { fields: POST_FIELDS },
          kind: 'read',
          permission: 'pages_read_engagement',
        }),
      );
      return { externalId: created.id, permalinkUrl: post.permalink_url, publishedAt: graphDate(post.created_time) };
    } catch {
      return { externalId: created.id, publishedAt: new Date() };
    }
  }

  private readPosts(account: ChannelAccount, query: Record<string, string | number | undefined>, enough?: (items: GraphPost[]) => boolean) {
    return this.client.all<GraphPost>(
      this.pageCall(account, {
        method: 'GET',
        path: `${account.externalId}/published_posts`,
        query: { fields: POST_FIELDS, limit: 100, ...query },
        kind: 'read',
        permission: 'pages_read_engagement',
      }),
      { enough },
    );
  }

  async findPublished(account: ChannelAccount, window: { since: Date; until: Date }): Promise<RemotePost[]> {
    const posts = await this.readPosts(account, { since: seconds(window.since, 'floor'), until: seconds(window.until, 'ceil') });
    return posts.map(toRemotePost).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async listRecentPosts(account: ChannelAccount, input: { since: Date; limit: number }): Promise<RemotePost[]> {
    const posts = await this.readPosts(
      account,
      { since: seconds(input.since, 'floor'), limit: Math.min(100, input.limit) },
      (items) => items.length >= input.limit,
    );
    return posts.slice(0, input.limit).map(toRemotePost);
  }

  async deletePost(account: ChannelAccount, externalId: string): Promise<void> {
    try {
      await this.client.call(
        this.pageCall(account, { method: 'DELETE', path: externalId, kind: 'write', permission: 'pages_manage_posts' }),
      );
    } catch (error) {
      // Already gone (deleted on Facebook, or by a retry whose answer was lost): the wish is fulfilled.
      if (error instanceof ChannelError && error.networkCode === 100 && error.networkSubcode === 33) return;
      throw error;
    }
  }

  async comment(account: ChannelAccount, input: { targetExternalId: string; message: string }): Promise<{ externalId: string }> {
    const created = await this.client.call<{ id: string }>(
      this.pageCall(account, {
        method: 'POST',
        path: `${input.targetExternalId}/comments`,
        form: { message: input.message },
        kind: 'write',
        permission: 'pages_manage_engagement',
      }),
    );
    return { externalId: created.id };
  }

  async hideComment(account: ChannelAccount, input: { externalId: string; hidden: boolean }): Promise<void> {
    // Hiding is idempotent: sending it twice leaves the same state, so a lost answer is merely transient.
    await this.client.call(
      this.pageCall(account, {
        method: 'POST',
        path: input.externalId,
        form: { is_hidden: String(input.hidden) },
        kind: 'unseen-write',
        permission: 'pages_manage_engagement',
      }),
    );
  }

  async listComments(account: ChannelAccount, input: { postExternalId: string; since?: Date }): Promise<RemoteComment[]> {
    const comments = await this.client.all<GraphComment>(
      this.pageCall(account, {
        method: 'GET',
        path: `${input.postExternalId}/comments`,
        query: {
          filter: 'stream',
          order: 'chronological',
          fields: COMMENT_FIELDS,
          limit: 100,
          since: input.since ? seconds(input.since, 'floor') : undefined,
        },
        kind: 'read',
        permission: 'pages_read_user_content',
      }),
      { maxPages: 200 },
    );
    return comments.map((comment) => ({
      externalId: comment.id,
      postExternalId: input.postExternalId,
      parentExternalId: comment.parent?.id,
      // Graph leaves `from` out for people who did not allow apps to see them.
      authorName: comment.from?.name ?? '',
      authorExternalId: comment.from?.id,
      message: comment.message ?? '',
      createdAt: graphDate(comment.created_time),
      isHidden: comment.is_hidden ?? false,
      fromPage: comment.from?.id === account.externalId,
    }));
  }

  pageMetrics(account: ChannelAccount, input: { since: string; until: string }): Promise<DailyMetrics[]> {
    return readPageMetrics(this.client, account, input);
  }

  postMetrics(account: ChannelAccount, input: { postExternalId: string }): Promise<Partial<Record<SocialMetric, number>>> {
    return readPostMetrics(this.client, account, input.postExternalId);
  }

  usage(account: ChannelAccount): ChannelUsage | undefined {
    return combineUsage(this.client.gate.usage(account.externalId), this.client.gate.usage(APP_KEY));
  }
}
