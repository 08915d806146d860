/**
 * Meta's login flow for pages: the dialog URL, code → short-lived user token → long-lived user token
 * (about 60 days) → page tokens (which then do not expire), and debug_token to check a page token.
 */
import { type AccountCheck, type ChannelAccount, ChannelError, type ConnectablePage } from '../channel.js';
import { FACEBOOK_PERMISSIONS } from './facebook-permissions.js';
import type { GraphClient } from './graph-client.js';

export interface FacebookApp {
  appId?: string;
  appSecret?: string;
  version: string;
  dialogUrl: string;
}

function requireApp(app: FacebookApp): { appId: string; appSecret: string } {
  if (!app.appId || !app.appSecret)
    throw new ChannelError('invalid-request', 'No Meta app is configured (FACEBOOK_APP_ID, FACEBOOK_APP_SECRET)');
  return { appId: app.appId, appSecret: app.appSecret };
}

/** The OAuth dialog asking every permission Tawasul needs. */
export function facebookLoginUrl(app: FacebookApp, input: { redirectUri: string; state: string }): string {
  const { appId } = requireApp(app);
  const url = new URL(`${app.dialogUrl}/${app.version}/dialog/oauth`);
  url.searchParams.set('client_id', appId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('state', input.state);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', FACEBOOK_PERMISSIONS.join(','));
  return url.toString();
}

interface GraphAccount {
  id: string;
  name: string;
  access_token: string;
  tasks?: string[];
  picture?: { data?: { url?: string } };
}

/** Code → user token → long-lived user token → the pages the person manages, each with its token. */
export async function completeFacebookLogin(
  client: GraphClient,
  app: FacebookApp,
  input: { code: string; redirectUri: string },
): Promise<{ pages: ConnectablePage[]; userTokenExpiresAt?: Date }> {
  const { appId, appSecret } = requireApp(app);
  const short = await client.call<{ access_token: string }>({
    method: 'GET',
    path: 'oauth/access_token',
    query: { client_id: appId, client_secret: appSecret, redirect_uri: input.redirectUri, code: input.code },
    kind: 'read',
  });
  const long = await client.call<{ access_token: string; expires_in?: number }>({
    method: 'GET',
    path: 'oauth/access_token',
    query: { grant_type: 'fb_exchange_token', client_id: appId, client_secret: appSecret, fb_exchange_token: short.access_token },
    kind: 'read',
  });
  const accounts = await client.all<GraphAccount>({
    method: 'GET',
    path: 'me/accounts',
    token: long.access_token,
    query: { fields: 'id,name,access_token,tasks,picture{url}', limit: 100 },
    kind: 'read',
    permission: 'pages_show_list',
  });
  return {
    pages: accounts.map((page) => ({
      externalId: page.id,
      name: page.name,
      accessToken: page.access_token,
      tasks: page.tasks ?? [],
      pictureUrl: page.picture?.data?.url,
    })),
    userTokenExpiresAt: long.expires_in ? new Date(Date.now() + long.expires_in * 1000) : undefined,
  };
}

interface DebugTokenData {
  is_valid: boolean;
  expires_at?: number;
  scopes?: string[];
  error?: { code?: number; subcode?: number };
}

/** Is the page token valid, which permissions does it lack, when does it expire (debug_token, asked as the app). */
export async function checkFacebookAccount(client: GraphClient, account: ChannelAccount): Promise<AccountCheck> {
  const appToken = client.appToken;
  if (!appToken) {
    // Without an app, only "does the token still work" can be asked.
    await client.call({
      method: 'GET',
      path: account.externalId,
      token: account.accessToken,
      pageId: account.externalId,
      query: { fields: 'id' },
      kind: 'read',
    });
    return { valid: true, missingPermissions: [] };
  }
  const { data } = await client.call<{ data: DebugTokenData }>({
    method: 'GET',
    path: 'debug_token',
    token: appToken,
    query: { input_token: account.accessToken },
    kind: 'read',
  });
  const expiresAt = data.expires_at ? new Date(data.expires_at * 1000) : undefined;
  const scopes = data.scopes ?? [];
  const missingPermissions = FACEBOOK_PERMISSIONS.filter((permission) => !scopes.includes(permission));
  if (data.is_valid) return { valid: true, missingPermissions, expiresAt, grantedPermissions: scopes };
  const expired = data.error?.subcode === 463 || (expiresAt !== undefined && expiresAt.getTime() <= Date.now());
  return { valid: false, missingPermissions, expiresAt, reason: expired ? 'token-expired' : 'token-invalid', grantedPermissions: scopes };
}
