/**
 * The demo's connected page: when the sandbox runs, the demo admin "logs in" to it through the same
 * flow as a real page (dialog, code, long-lived token, page token) and the page is connected with its
 * token sealed and flagged as a sandbox. Without the sandbox (a real Meta app), nothing is seeded:
 * an admin connects the real page.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Platform } from '../../platform/platform.js';
import { channelFor } from './channels/registry.js';
import { SANDBOX_PAGE_ID } from './channels/sandbox.js';
import { sealChannelToken } from './channels/sealed-token.js';
import { upsertChannel } from './channels.repo.js';

/** Connects the sandbox page to the workspace; returns the channel's id, or undefined without a sandbox. */
export async function seedSocialChannelsDemo(
  platform: Platform,
  workspaceId: string,
  adminEmail = 'admin@altermed.demo',
): Promise<string | undefined> {
  const config = platform.config;
  if (!config.facebook.sandbox) return undefined;
  const channel = channelFor(platform, 'facebook');
  const redirectUri = `${config.publicUrl}/api/social/channels/callback/facebook`;
  const dialog = await fetch(channel.loginUrl({ redirectUri, state: 'demo-seed' }), { redirect: 'manual' });
  const code = new URL(dialog.headers.get('location') ?? '', config.publicUrl).searchParams.get('code');
  if (!code) throw new Error('the sandbox dialog gave no code');
  const { pages } = await channel.completeLogin({ code, redirectUri });
  const page = pages.find((entry) => entry.externalId === SANDBOX_PAGE_ID);
  if (!page) throw new Error('the sandbox has no demo page');
  const checked = await channel.checkAccount({ externalId: page.externalId, accessToken: page.accessToken });
  const [admin] = await platform.database.db.select({ id: users.id }).from(users).where(eq(users.email, adminEmail));
  const { row } = await upsertChannel(platform.database.db, {
    workspaceId,
    network: 'facebook',
    externalId: page.externalId,
    name: page.name,
    pictureUrl: page.pictureUrl ?? null,
    accessTokenSealed: sealChannelToken(config, page.accessToken),
    tokenExpiresAt: checked.expiresAt ?? null,
    grantedPermissions: checked.grantedPermissions ?? [],
    connectedBy: admin?.id ?? null,
    sandbox: true,
  });
  await recordAudit(platform.database.db, {
    workspaceId,
    actorUserId: null,
    action: 'social.channel.connect',
    entityType: 'social.channel',
    entityId: row.id,
    after: { status: row.status, network: row.network, externalId: row.externalId, name: row.name, sandbox: true },
  });
  return row.id;
}
