/**
 * Connecting pages (S: social:connect, admins): start Meta's login with a signed `state`, take the
 * callback (the pages the person manages, kept in memory), connect the chosen pages with their
 * tokens sealed, list, disconnect, check again. Network answers become AppErrors the officer reads.
 */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { hasPermission, type Role } from '../../../shared/roles.js';
import type {
  ChannelConnect,
  ChannelLoginPages,
  ChannelLoginStart,
  SocialChannel,
  SocialChannelList,
  SocialNetwork,
} from '../../../shared/social/channels-api.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Actor } from '../../platform/http/request-context.js';
import type { Platform } from '../../platform/platform.js';
import { memberships } from '../../platform/platform.tables.js';
import { signToken, verifyToken } from '../../platform/signed-token.js';
import { pendingLoginsOf } from './channel-logins.js';
import { channelReconnected, checkChannel } from './channel-status.js';
import { type AccountCheck, ChannelError, type ConnectablePage } from './channels/channel.js';
import { missingPageTasks } from './channels/facebook/facebook-permissions.js';
import { channelFor, isSocialNetwork } from './channels/registry.js';
import { sealChannelToken } from './channels/sealed-token.js';
import { presentChannel } from './channels.presenter.js';
import { findChannelIdsByExternalId, findChannels, findWorkspaceChannel, markChannelDisconnected, upsertChannel } from './channels.repo.js';

const STATE_PURPOSE = 'social-channel-login';
const STATE_TTL_SECONDS = 30 * 60;

/** A network's failure as the error the officer reads. */
export function appErrorOf(error: unknown): AppError {
  if (!(error instanceof ChannelError)) return error instanceof AppError ? error : new AppError('CHANNEL_UNAVAILABLE', { cause: error });
  switch (error.kind) {
    case 'needs-reconnection':
      return new AppError('NEEDS_RECONNECTION', { cause: error });
    case 'permission-missing':
      return new AppError('CHANNEL_PERMISSION_MISSING', { params: { permission: error.permission ?? '' }, cause: error });
    case 'throttled':
      return new AppError('CHANNEL_THROTTLED', { cause: error });
    case 'duplicate-content':
      return new AppError('CHANNEL_DUPLICATE_CONTENT', { cause: error });
    case 'invalid-request':
    case 'transient':
    case 'outcome-unknown':
      return new AppError('CHANNEL_UNAVAILABLE', { cause: error });
    default: {
      const unknown: never = error.kind;
      return new AppError('CHANNEL_UNAVAILABLE', { cause: unknown });
    }
  }
}

export function createChannelsService(platform: Platform) {
  const db = platform.database.db;
  const config = platform.config;
  const logins = pendingLoginsOf(platform.database);
  const canConnect = Boolean(config.facebook.appId && config.facebook.appSecret);

  function redirectUriOf(network: SocialNetwork): string {
    return `${config.publicUrl}/api/social/channels/callback/${network}`;
  }

  function channelsPage(workspaceId: string, query: Record<string, string>): string {
    return `/app/w/${workspaceId}/social/channels?${new URLSearchParams(query).toString()}`;
  }

  async function list(ctx: ServiceContext): Promise<SocialChannelList> {
    const rows = await findChannels(db, ctx.membership.workspaceId);
    return { items: rows.map(presentChannel), canConnect, sandbox: config.facebook.sandbox };
  }

  /** The dialog URL; `state` binds the answer to this workspace, this person and the next 30 minutes. */
  function startLogin(ctx: ServiceContext, input: ChannelLoginStart): { url: string } {
    const network = input.network ?? 'facebook';
    if (!canConnect) throw new AppError('FACEBOOK_NOT_CONFIGURED');
    const expires = Math.floor(Date.now() / 1000) + STATE_TTL_SECONDS;
    const state = signToken(config.secretKey, STATE_PURPOSE, [
      ctx.membership.workspaceId,
      ctx.actor.user.id,
      network,
      String(expires),
      randomBytes(9).toString('base64url'),
    ]);
    return { url: channelFor(platform, network).loginUrl({ redirectUri: redirectUriOf(network), state }) };
  }

  /**
   * Meta's redirect back: checks `state` (signed, this person, still an admin there, not expired —
   * an expired one lands on the page with `login=expired`), exchanges the code and keeps the pages;
   * returns the app page to send the browser to. A pending login gone (15 minutes, used, or a
   * restart) is LOGIN_EXPIRED: the admin logs in again.
   */
  async function completeLogin(actor: Actor, network: string, query: { state?: string; code?: string; error?: string }): Promise<string> {
    const parts = query.state ? verifyToken(config.secretKey, STATE_PURPOSE, query.state) : undefined;
    const [workspaceId, userId, stateNetwork, expires] = parts ?? [];
    if (!workspaceId || userId !== actor.user.id || stateNetwork !== network || !isSocialNetwork(network)) {
      throw new AppError('LINK_INVALID');
    }
    const [membership] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, actor.user.id)));
    if (!membership) throw new AppError('NOT_FOUND');
    if (!hasPermission(membership.role as Role, 'social:connect')) throw new AppError('FORBIDDEN');
    // A genuine answer that came too late: the page says so (LOGIN_EXPIRED) and offers to start again.
    if (Number(expires) * 1000 < Date.now()) return channelsPage(workspaceId, { login: 'expired' });
    if (query.error || !query.code) return channelsPage(workspaceId, { login: 'denied' });
    try {
      const result = await channelFor(platform, network).completeLogin({ code: query.code, redirectUri: redirectUriOf(network) });
      const login = logins.put({ workspaceId, userId: actor.user.id, network, pages: result.pages });
      return channelsPage(workspaceId, { login: login.id });
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      return channelsPage(workspaceId, { login: 'failed', reason: error.kind });
    }
  }

  async function loginPages(ctx: ServiceContext, loginId: string): Promise<ChannelLoginPages> {
    const login = logins.get(loginId, ctx.membership.workspaceId, ctx.actor.user.id);
    if (!login) throw new AppError('LOGIN_EXPIRED');
    const connected = await findChannelIdsByExternalId(
      db,
      login.workspaceId,
      login.network,
      login.pages.map((page) => page.externalId),
    );
    return {
      network: login.network,
      expiresAt: new Date(login.expiresAt).toISOString(),
      pages: login.pages.map((page) => ({
        externalId: page.externalId,
        name: page.name,
        pictureUrl: page.pictureUrl ?? null,
        tasks: page.tasks,
        missingTasks: missingPageTasks(page.tasks),
        channelId: connected.get(page.externalId) ?? null,
      })),
    };
  }

  /** Connects (or reconnects) the chosen pages: each token checked first, then sealed. */
  async function connect(ctx: ServiceContext, input: ChannelConnect): Promise<SocialChannelList> {
    const login = logins.get(input.loginId, ctx.membership.workspaceId, ctx.actor.user.id);
    if (!login) throw new AppError('LOGIN_EXPIRED');
    const chosen = input.externalIds.map((id) => login.pages.find((page) => page.externalId === id));
    if (chosen.some((page) => !page)) throw new AppError('VALIDATION_FAILED', { fields: { externalIds: 'UNKNOWN_PAGE' } });
    const channel = channelFor(platform, login.network);
    const checked: Array<{ page: ConnectablePage; result: AccountCheck }> = [];
    for (const page of chosen) {
      if (!page) continue;
      let result: AccountCheck;
      try {
        result = await channel.checkAccount({ externalId: page.externalId, accessToken: page.accessToken });
      } catch (error) {
        throw appErrorOf(error);
      }
      if (!result.valid) throw new AppError('NEEDS_RECONNECTION');
      if (result.missingPermissions[0])
        throw new AppError('CHANNEL_PERMISSION_MISSING', { params: { permission: result.missingPermissions[0] } });
      checked.push({ page, result });
    }
    const changes = await db.transaction(async (tx) => {
      const done = [];
      for (const { page, result } of checked) {
        const { row, before } = await upsertChannel(tx, {
          workspaceId: ctx.membership.workspaceId,
          network: login.network,
          externalId: page.externalId,
          name: page.name,
          pictureUrl: page.pictureUrl ?? null,
          accessTokenSealed: sealChannelToken(config, page.accessToken),
          tokenExpiresAt: result.expiresAt ?? null,
          grantedPermissions: result.grantedPermissions ?? [],
          connectedBy: ctx.actor.user.id,
          sandbox: config.facebook.sandbox,
        });
        await recordAudit(tx, {
          workspaceId: ctx.membership.workspaceId,
          actorUserId: ctx.actor.user.id,
          action: before ? 'social.channel.reconnect' : 'social.channel.connect',
          entityType: 'social.channel',
          entityId: row.id,
          before: before ? { status: before.status, reason: before.statusReason } : undefined,
          after: { status: row.status, network: row.network, externalId: row.externalId, name: row.name },
        });
        done.push({ row, before });
      }
      return done;
    });
    logins.delete(login.id);
    for (const { row, before } of changes) {
      if (before && before.status !== 'connected') await channelReconnected(platform, row, ctx.actor.user.id);
    }
    return list(ctx);
  }

  async function ownedChannel(ctx: ServiceContext, channelId: string) {
    const row = await findWorkspaceChannel(db, ctx.membership.workspaceId, channelId);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /** Forgets the token; the row stays for the posts that name it. */
  async function disconnect(ctx: ServiceContext, channelId: string): Promise<SocialChannel> {
    const before = await ownedChannel(ctx, channelId);
    const row = await db.transaction(async (tx) => {
      const updated = await markChannelDisconnected(tx, channelId);
      await recordAudit(tx, {
        workspaceId: ctx.membership.workspaceId,
        actorUserId: ctx.actor.user.id,
        action: 'social.channel.disconnect',
        entityType: 'social.channel',
        entityId: channelId,
        before: { status: before.status },
        after: { status: 'disconnected' },
      });
      return updated;
    });
    return presentChannel({ ...before, ...row });
  }

  /** "Check again": asks the network now; a page that needs reconnection says why. */
  async function recheck(ctx: ServiceContext, channelId: string) {
    const before = await ownedChannel(ctx, channelId);
    const check = await checkChannel(platform, channelId);
    await recordAudit(db, {
      workspaceId: ctx.membership.workspaceId,
      actorUserId: ctx.actor.user.id,
      action: 'social.channel.check',
      entityType: 'social.channel',
      entityId: channelId,
      before: { status: before.status },
      after: { result: check.result, reason: check.reason ?? null, error: check.errorKind ?? null },
    });
    const after = await ownedChannel(ctx, channelId);
    return { result: check.result, channel: presentChannel(after) };
  }

  return { list, startLogin, completeLogin, loginPages, connect, disconnect, recheck };
}
