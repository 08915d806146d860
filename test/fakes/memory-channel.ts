/**
 * A Channel held in memory for the publisher's tests: a page of posts and comments on a clock the
 * test moves, and a script of what the next calls do — succeed, throw a ChannelError before acting,
 * or carry the write out and then lose the answer (the case that makes duplicates elsewhere).
 */
import {
  type Channel,
  type ChannelAccount,
  ChannelError,
  type ChannelErrorKind,
  type ChannelUsage,
  type PublishRequest,
  type RemoteComment,
  type RemotePost,
} from '../../src/server/modules/social/channels/channel.js';

/** What one call does: act normally, refuse with an error, or act and then fail as if the answer were lost. */
export type Behaviour = 'ok' | { error: ChannelError } | { afterWrite: ChannelError };

export const channelError = (kind: ChannelErrorKind, options: ConstructorParameters<typeof ChannelError>[2] = {}) =>
  new ChannelError(kind, `scripted ${kind}`, options);

export class MemoryChannel implements Channel {
  readonly network = 'facebook' as const;
  readonly posts: Array<RemotePost & { photos: number; photoBytes: number[]; link?: string; idempotencyKey: string }> = [];
  readonly comments: RemoteComment[] = [];
  readonly calls: string[] = [];
  readonly script: Record<'publish' | 'findPublished' | 'comment' | 'listComments' | 'checkAccount', Behaviour[]> = {
    publish: [],
    findPublished: [],
    comment: [],
    listComments: [],
    checkAccount: [],
  };
  currentUsage: ChannelUsage | undefined;
  accountValid = true;
  private next = 1;

  constructor(private readonly clock: () => Date) {}

  /** Queues behaviours for the next calls of `method` (then calls behave normally). */
  will(method: keyof MemoryChannel['script'], ...behaviours: Behaviour[]): this {
    this.script[method].push(...behaviours);
    return this;
  }

  private take(method: keyof MemoryChannel['script']): Behaviour {
    this.calls.push(method);
    return this.script[method].shift() ?? 'ok';
  }

  loginUrl(): string {
    return 'http://127.0.0.1/dialog';
  }

  async completeLogin(): Promise<{ pages: [] }> {
    return { pages: [] };
  }

  async checkAccount(_account: ChannelAccount) {
    const behaviour = this.take('checkAccount');
    if (behaviour !== 'ok') throw 'error' in behaviour ? behaviour.error : behaviour.afterWrite;
    return { valid: this.accountValid, missingPermissions: [] };
  }

  async publish(account: ChannelAccount, request: PublishRequest) {
    const behaviour = this.take('publish');
    if (behaviour !== 'ok' && 'error' in behaviour) throw behaviour.error;
    const post = {
      externalId: `${account.externalId}_${this.next++}`,
      message: request.message,
      createdAt: this.clock(),
      photos: request.photos?.length ?? 0,
      photoBytes: (request.photos ?? []).map((photo) => photo.bytes.byteLength),
      link: request.link,
      idempotencyKey: request.idempotencyKey,
    };
    this.posts.push(post);
    if (behaviour !== 'ok') throw behaviour.afterWrite;
    return { externalId: post.externalId, publishedAt: post.createdAt, permalinkUrl: `https://facebook.test/${post.externalId}` };
  }

  async findPublished(_account: ChannelAccount, window: { since: Date; until: Date }) {
    const behaviour = this.take('findPublished');
    if (behaviour !== 'ok') throw 'error' in behaviour ? behaviour.error : behaviour.afterWrite;
    return this.posts
      .filter((post) => post.createdAt >= window.since && post.createdAt <= window.until)
      .map(({ externalId, message, createdAt }) => ({ externalId, message, createdAt }))
      .reverse();
  }

  async deletePost(_account: ChannelAccount, externalId: string) {
    this.posts.splice(
      this.posts.findIndex((post) => post.externalId === externalId),
      1,
    );
  }

  async comment(_account: ChannelAccount, input: { targetExternalId: string; message: string }) {
    const behaviour = this.take('comment');
    if (behaviour !== 'ok' && 'error' in behaviour) throw behaviour.error;
    const comment: RemoteComment = {
      externalId: `${input.targetExternalId}_c${this.next++}`,
      postExternalId: input.targetExternalId,
      authorName: 'AlterMed',
      message: input.message,
      createdAt: this.clock(),
      isHidden: false,
      fromPage: true,
    };
    this.comments.push(comment);
    if (behaviour !== 'ok') throw behaviour.afterWrite;
    return { externalId: comment.externalId };
  }

  async hideComment() {}

  async listComments(_account: ChannelAccount, input: { postExternalId: string; since?: Date }) {
    const behaviour = this.take('listComments');
    if (behaviour !== 'ok') throw 'error' in behaviour ? behaviour.error : behaviour.afterWrite;
    return this.comments.filter(
      (comment) => comment.postExternalId === input.postExternalId && (!input.since || comment.createdAt >= input.since),
    );
  }

  async listRecentPosts() {
    return [];
  }

  async pageMetrics() {
    return [];
  }

  async postMetrics() {
    return {};
  }

  usage(): ChannelUsage | undefined {
    return this.currentUsage;
  }

  /** Copies of a message on the page. */
  copiesOf(message: string): number {
    return this.posts.filter((post) => post.message === message).length;
  }
}
