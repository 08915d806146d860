/**
 * The fake Graph API's state: one app, users who manage pages, tokens with scopes and expiry, page
 * posts, photos, comments and daily insights. Plain JSON, so the demo sandbox can keep it in a file.
 */
import { randomBytes } from 'node:crypto';

export type Scope =
  | 'pages_show_list'
  | 'pages_read_engagement'
  | 'pages_manage_posts'
  | 'pages_manage_engagement'
  | 'pages_read_user_content'
  | 'read_insights'
  | (string & {});

export const ALL_PAGE_SCOPES: Scope[] = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_posts',
  'pages_manage_engagement',
  'pages_read_user_content',
  'read_insights',
];

export interface FakeUser {
  id: string;
  name: string;
  pageIds: string[];
}

export interface FakePage {
  id: string;
  name: string;
  category: string;
  pictureUrl: string;
  /** Tasks the user holds on the page (MANAGE, CREATE_CONTENT, MODERATE, ANALYZE, ADVERTISE). */
  tasks: string[];
}

export interface FakeToken {
  token: string;
  type: 'USER' | 'PAGE';
  userId: string;
  pageId?: string;
  scopes: Scope[];
  issuedAt: number;
  /** Epoch ms; 0 = never expires (page tokens from a long-lived user token). */
  expiresAt: number;
  /** Set when the token was invalidated: the 190 subcode Graph answers with (460 password changed, 463 expired, 467 invalid). */
  invalidSubcode?: number;
}

export interface FakePhoto {
  id: string;
  pageId: string;
  published: boolean;
  mimeType: string;
  size: number;
  altText?: string;
  caption?: string;
  postId?: string;
}

export interface FakePost {
  /** `<page id>_<post number>`, as Graph answers. */
  id: string;
  pageId: string;
  message: string;
  link?: string;
  photoIds: string[];
  createdTime: number;
  isPublished: boolean;
  scheduledPublishTime?: number;
  shares: number;
  /** Lifetime figures, by current Graph metric name (post_media_view, post_total_media_view_unique, post_clicks_by_type…). */
  insights: Record<string, number | Record<string, number>>;
}

export interface FakeComment {
  /** `<post number>_<comment number>`, as Graph answers. */
  id: string;
  postId: string;
  parentId?: string;
  fromId: string;
  fromName: string;
  message: string;
  createdTime: number;
  isHidden: boolean;
}

export interface FakeState {
  app: { id: string; secret: string; name: string };
  users: FakeUser[];
  pages: FakePage[];
  tokens: FakeToken[];
  codes: Array<{ code: string; userId: string; redirectUri: string; scopes: Scope[]; used: boolean }>;
  posts: FakePost[];
  photos: FakePhoto[];
  comments: FakeComment[];
  /** pageId → metric → day (YYYY-MM-DD, the day the value covers) → value. */
  insights: Record<string, Record<string, Record<string, number | Record<string, number>>>>;
  /** A counter for every id this fake hands out. */
  nextId: number;
}

/** An opaque token in Graph's style (`EAA…`). */
export function newToken(): string {
  return `EAA${randomBytes(24).toString('base64url')}`;
}

/** A fresh state with one app, one user ("Samira Test") managing two pages. */
export function createState(options: { appId?: string; appSecret?: string } = {}): FakeState {
  return {
    app: { id: options.appId ?? '1029384756', secret: options.appSecret ?? 'fake-app-secret-0123456789abcdef', name: 'Tawasul (fake)' },
    users: [{ id: '10001', name: 'Samira Test', pageIds: ['20001', '20002'] }],
    pages: [
      {
        id: '20001',
        name: 'AlterMed — Entreprendre autrement',
        category: 'Nonprofit organization',
        pictureUrl: 'https://sandbox.invalid/pictures/20001.png',
        tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
      },
      {
        id: '20002',
        name: 'جمعية الشعلة الخضراء للبيئة',
        category: 'Community organization',
        pictureUrl: 'https://sandbox.invalid/pictures/20002.png',
        tasks: ['ANALYZE', 'MODERATE', 'CREATE_CONTENT'],
      },
    ],
    tokens: [],
    codes: [],
    posts: [],
    photos: [],
    comments: [],
    insights: {},
    nextId: 1000,
  };
}

/** The next numeric id as a string. */
export function nextId(state: FakeState): string {
  state.nextId += 1;
  return String(state.nextId);
}

export function isTokenExpired(token: FakeToken, now: number): boolean {
  return token.expiresAt !== 0 && token.expiresAt <= now;
}
