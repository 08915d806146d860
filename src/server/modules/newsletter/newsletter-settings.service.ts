/**
 * A workspace's newsletter settings: sender, throttling, tracking switches, DKIM key and the bounce
 * webhook secret. The DKIM private key is checked with node:crypto, stored sealed under SECRET_KEY
 * and never answered; the API gives only the DNS record to publish. Every change is audited, without
 * secrets.
 */
import { randomBytes } from 'node:crypto';
import type { NewsletterSettings, NewsletterSettingsUpdate } from '../../../shared/newsletter/tracking-api.schema.js';
import { hasPermission } from '../../../shared/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { sealSecret } from '../../platform/secret-box.js';
import { loadNewsletterSettings, type NewsletterSettingsRow } from './newsletter-settings.repo.js';
import { generateDkimPrivateKey, parseDkimPrivateKey, toPkcs8Pem } from './tracking/dkim-key.js';
import { auditedSettings, DKIM_SECRET_PURPOSE, presentNewsletterSettings } from './tracking/settings.presenter.js';
import { type NewsletterSettingsChanges, saveNewsletterSettings } from './tracking/settings.repo.js';

/** A webhook secret: 192 random bits, URL-safe. */
export function newWebhookSecret(): string {
  return randomBytes(24).toString('base64url');
}

const emptyToNull = (value: string | null | undefined) => (value === undefined ? undefined : value ? value : null);

export function createNewsletterSettingsService(platform: Pick<Platform, 'database' | 'config'>) {
  const db = platform.database.db;
  const { secretKey, publicUrl } = platform.config;

  const present = (ctx: ServiceContext, row: NewsletterSettingsRow) =>
    presentNewsletterSettings(row, { secretKey, publicUrl, canManage: hasPermission(ctx.membership.role, 'newsletter:settings') });
  const forAudit = (row: NewsletterSettingsRow) =>
    auditedSettings(presentNewsletterSettings(row, { secretKey, publicUrl, canManage: true }));

  /** Saves `changes` and audits before/after under `action`, in one transaction. */
  async function save(ctx: ServiceContext, action: string, changes: NewsletterSettingsChanges, extra: Record<string, unknown> = {}) {
    const workspaceId = ctx.membership.workspaceId;
    const row = await db.transaction(async (tx) => {
      const before = await loadNewsletterSettings(tx, workspaceId);
      const after = await saveNewsletterSettings(tx, workspaceId, changes);
      await recordAudit(tx, {
        workspaceId,
        actorUserId: ctx.actor.user.id,
        action,
        entityType: 'newsletter_settings',
        entityId: workspaceId,
        before: forAudit(before),
        after: { ...forAudit(after), ...extra },
      });
      return after;
    });
    return present(ctx, row);
  }

  return {
    async get(ctx: ServiceContext): Promise<NewsletterSettings> {
      return present(ctx, await loadNewsletterSettings(db, ctx.membership.workspaceId));
    },

    /** Omitted fields keep their value; a DKIM key needs its domain and selector (given now or saved before). */
    async update(ctx: ServiceContext, input: NewsletterSettingsUpdate): Promise<NewsletterSettings> {
      const current = await loadNewsletterSettings(db, ctx.membership.workspaceId);
      const { dkimPrivateKey, dkimDomain, dkimSelector, replyTo, ...plain } = input;
      const changes: NewsletterSettingsChanges = { ...plain };
      if (replyTo !== undefined) changes.replyTo = emptyToNull(replyTo);
      if (dkimDomain !== undefined) changes.dkimDomain = emptyToNull(dkimDomain);
      if (dkimSelector !== undefined) changes.dkimSelector = emptyToNull(dkimSelector);
      const fields: FieldErrors = {};
      let isKeyChanged = false;
      if (typeof dkimPrivateKey === 'string' && dkimPrivateKey.trim() !== '') {
        const key = parseDkimPrivateKey(dkimPrivateKey);
        if (key) changes.dkimPrivateKeyEncrypted = sealSecret(secretKey, DKIM_SECRET_PURPOSE, toPkcs8Pem(key));
        else fields.dkimPrivateKey = 'DKIM_KEY_INVALID';
        isKeyChanged = true;
      } else if (dkimPrivateKey === null) {
        changes.dkimPrivateKeyEncrypted = null;
        isKeyChanged = current.dkimPrivateKeyEncrypted !== null;
      }
      // A key is useless without the domain and selector it is published under; checked when DKIM is edited.
      const isDkimEdited = dkimPrivateKey !== undefined || dkimDomain !== undefined || dkimSelector !== undefined;
      const keptKey = changes.dkimPrivateKeyEncrypted !== undefined ? changes.dkimPrivateKeyEncrypted : current.dkimPrivateKeyEncrypted;
      if (isDkimEdited && (keptKey !== null || fields.dkimPrivateKey !== undefined)) {
        if (!(changes.dkimDomain !== undefined ? changes.dkimDomain : current.dkimDomain)) fields.dkimDomain = 'DKIM_DOMAIN_REQUIRED';
        if (!(changes.dkimSelector !== undefined ? changes.dkimSelector : current.dkimSelector))
          fields.dkimSelector = 'DKIM_DOMAIN_REQUIRED';
      }
      if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
      return save(ctx, 'update', changes, { dkimKeyChanged: isKeyChanged });
    },

    /** Makes a new 2048-bit key (replacing any other) and answers the DNS record to publish. */
    async generateDkimKey(ctx: ServiceContext): Promise<NewsletterSettings> {
      const pem = await generateDkimPrivateKey();
      return save(
        ctx,
        'dkim-key-generate',
        { dkimPrivateKeyEncrypted: sealSecret(secretKey, DKIM_SECRET_PURPOSE, pem) },
        { dkimKeyChanged: true },
      );
    },

    /** A new webhook secret: the old URL stops working at once. */
    async rotateWebhookSecret(ctx: ServiceContext): Promise<NewsletterSettings> {
      return save(ctx, 'bounce-webhook-rotate', { bounceWebhookSecret: newWebhookSecret() });
    },
  };
}

export type NewsletterSettingsService = ReturnType<typeof createNewsletterSettingsService>;
