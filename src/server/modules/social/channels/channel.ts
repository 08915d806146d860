/**
 * The contract every social network implements (Facebook Pages first; Instagram, LinkedIn or
 * Telegram later), so the composer, the publisher, the inbox and the insights never name a network.
 *
 * Every method either resolves or throws a `ChannelError` whose `kind` tells the caller what to do;
 * no network-specific error escapes a channel.
 */

/** What went wrong, as an action for the caller (not as the network's code). */
export type ChannelErrorKind =
  /** Token expired, revoked or password changed: hold the channel's posts, ask an admin to reconnect. */
  | 'needs-reconnection'
  /** A permission (scope or page task) is missing: reconnect granting it; `permission` names it. */
  | 'permission-missing'
  /** Rate limited: wait `retryAfterMs` before the next call to this channel. */
  | 'throttled'
  /** The network refused identical content just posted: never retry, tell the officer. */
  | 'duplicate-content'
  /** The request itself is wrong (bad parameter, unknown object): retrying the same call fails again. */
  | 'invalid-request'
  /** The request never reached the network or was refused before acting (connect error, 503 with no effect): safe to retry. */
  | 'transient'
  /**
   * The request was sent and the answer was lost or a 5xx (timeout, connection reset, 500 after
   * create): the post may or may not exist. A publisher must look for it (`findPublished`) before
   * posting again.
   */
  | 'outcome-unknown';

export class ChannelError extends Error {
  readonly kind: ChannelErrorKind;
  /** The network's own code and subcode, kept for the ledger and the logs. */
  readonly networkCode: number | undefined;
  readonly networkSubcode: number | undefined;
  /** For `throttled`: how long to wait. */
  readonly retryAfterMs: number | undefined;
  /** For `permission-missing`: the missing permission, e.g. `pages_manage_posts`. */
  readonly permission: string | undefined;

  constructor(
    kind: ChannelErrorKind,
    message: string,
    options: { networkCode?: number; networkSubcode?: number; retryAfterMs?: number; permission?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ChannelError';
    this.kind = kind;
    this.networkCode = options.networkCode;
    this.networkSubcode = options.networkSubcode;
    this.retryAfterMs = options.retryAfterMs;
    this.permission = options.permission;
  }
}

/** A connected account (a Facebook page), with its token already opened from the secret box. */
export interface ChannelAccount {
  /** The network's id of the page. */
  externalId: string;
  accessToken: string;
}

/** A page the user may connect, as listed after login. */
export interface ConnectablePage {
  externalId: string;
  name: string;
  accessToken: string;
  /** Page tasks granted to the user (Facebook: MANAGE, CREATE_CONTENT, MODERATE, ANALYZE…). */
  tasks: string[];
  pictureUrl?: string;
}

export interface PhotoAttachment {
  bytes: Buffer;
  mimeType: 'image/jpeg' | 'image/png';
  /** Alt text for screen readers, in the post's first language. */
  altText?: string;
}

export interface PublishRequest {
  message: string;
  /** At most ten; mutually exclusive with `link`. Each already ≤ 4 MB (the composer resizes). */
  photos?: PhotoAttachment[];
  link?: string;
  /**
   * Stable per publication attempt chain (the ledger row's key). Networks that accept one use it;
   * the others ignore it and the publisher relies on `findPublished`.
   */
  idempotencyKey: string;
}

export interface PublishedPost {
  externalId: string;
  permalinkUrl?: string;
  publishedAt: Date;
}

/** A post as read back from the page, to find a publication whose answer was lost. */
export interface RemotePost {
  externalId: string;
  message: string;
  createdAt: Date;
  permalinkUrl?: string;
}

export interface RemoteComment {
  externalId: string;
  /** The post it belongs to. */
  postExternalId: string;
  /** For a reply, the comment it answers. */
  parentExternalId?: string;
  authorName: string;
  authorExternalId?: string;
  message: string;
  createdAt: Date;
  isHidden: boolean;
  /** Whether the page itself wrote it (its own replies). */
  fromPage: boolean;
}

/** Daily figures; a metric the network no longer returns is absent, never zero. */
export interface DailyMetrics {
  /** ISO date (YYYY-MM-DD) in the page's reporting time zone. */
  day: string;
  values: Partial<Record<SocialMetric, number>>;
}

export const SOCIAL_METRICS = ['followers', 'reach', 'impressions', 'reactions', 'comments', 'shares', 'link_clicks'] as const;
export type SocialMetric = (typeof SOCIAL_METRICS)[number];

/** The network's rate-limit usage read from its last answer, 0–100 per budget. */
export interface ChannelUsage {
  /** Highest percentage among the budgets the network reported. */
  highestPercent: number;
  /** When the network says the budget resets, if it says. */
  resetAfterMs?: number;
}

/** What `checkAccount` learned about a page token. */
export interface AccountCheck {
  valid: boolean;
  missingPermissions: string[];
  expiresAt?: Date;
  reason?: 'token-expired' | 'token-invalid';
  grantedPermissions?: string[];
}

export interface Channel {
  readonly network: 'facebook';

  /** Where to send the admin to log in (the network's OAuth dialog), with the permissions needed. */
  loginUrl(input: { redirectUri: string; state: string }): string;
  /** Completes the login: code → user token → long-lived user token → the pages the user manages. */
  completeLogin(input: { code: string; redirectUri: string }): Promise<{ pages: ConnectablePage[]; userTokenExpiresAt?: Date }>;
  /**
   * Checks a page token still works and has the permissions needed (scopes missing are named).
   * `reason` says why an invalid token is invalid, `grantedPermissions` what the token holds, when
   * the network says.
   */
  checkAccount(account: ChannelAccount): Promise<AccountCheck>;

  publish(account: ChannelAccount, request: PublishRequest): Promise<PublishedPost>;
  /**
   * Posts published on the page between `since` and `until`, newest first, for the publisher to
   * find a post whose answer was lost (it compares content fingerprints).
   */
  findPublished(account: ChannelAccount, window: { since: Date; until: Date }): Promise<RemotePost[]>;
  deletePost(account: ChannelAccount, externalId: string): Promise<void>;
  /** A comment on one of the page's posts, as the page (the first comment, or a reply). */
  comment(account: ChannelAccount, input: { targetExternalId: string; message: string }): Promise<{ externalId: string }>;
  hideComment(account: ChannelAccount, input: { externalId: string; hidden: boolean }): Promise<void>;
  /** Comments (and replies) on a post, oldest first, every page of them. */
  listComments(account: ChannelAccount, input: { postExternalId: string; since?: Date }): Promise<RemoteComment[]>;
  /** The page's recent posts, newest first (the inbox's scope). */
  listRecentPosts(account: ChannelAccount, input: { since: Date; limit: number }): Promise<RemotePost[]>;
  pageMetrics(account: ChannelAccount, input: { since: string; until: string }): Promise<DailyMetrics[]>;
  /** Lifetime figures of one post, as of today. */
  postMetrics(account: ChannelAccount, input: { postExternalId: string }): Promise<Partial<Record<SocialMetric, number>>>;
  /** Usage reported by the network's last answer for this account (rate-limit headers). */
  usage(account: ChannelAccount): ChannelUsage | undefined;
}
