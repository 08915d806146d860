/**
 * Previews and test sends of an issue: the variant rendered exactly as the engine will send it,
 * with a sample subscriber's values in the merge fields. Test sends go through the platform mailer
 * (the outbox when no SMTP is configured), are audited, and are limited per member.
 */

import { UI_LOCALES, type UiLocale } from '../../../shared/languages.js';
import {
  ISSUE_LIMITS,
  NEWSLETTER_ISSUE_CONTENT_TYPE,
  type TestSend,
  type TestSendResult,
} from '../../../shared/newsletter/issue-api.schema.js';
import type { Variant } from '../../../shared/newsletter/newsletter.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { translatorFor } from '../../platform/i18n.js';
import type { Platform } from '../../platform/platform.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { countTestSendAddresses, findIssueById, type NewsletterIssueRow } from './issues.repo.js';
import { issueLanguages, issueVariants, type RenderedVariant, renderVariant, variantLanguages } from './render/issue-render.js';
import { loadRenderSettings } from './render/render-settings.js';
import { fillVariant, sampleMergeValues } from './render/sample-values.js';

export function createIssuePreviewService(platform: Pick<Platform, 'database' | 'mailer' | 'config'>) {
  const db = platform.database.db;

  async function loadIssue(ctx: ServiceContext, id: string): Promise<NewsletterIssueRow> {
    const row = await findIssueById(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /** The variant asked for, else the first the issue sends, else the workspace's first language. */
  async function defaultVariant(issue: NewsletterIssueRow): Promise<Variant> {
    const first = issueVariants(issue)[0];
    if (first) return first;
    if (issue.sendMode === 'bilingual') return 'bilingual';
    const workspace = await findWorkspaceById(db, issue.workspaceId);
    return (workspace?.contentLanguages[0] ?? 'fr') as Variant;
  }

  /** One variant rendered and filled with the sample subscriber of its first language. */
  async function renderSample(issue: NewsletterIssueRow, variant: Variant): Promise<RenderedVariant & { language: string }> {
    const settings = await loadRenderSettings(platform, issue.workspaceId);
    const rendered = await renderVariant(issue, variant, settings);
    const language = variantLanguages(issue, variant)[0] ?? 'fr';
    return { ...fillVariant(rendered, sampleMergeValues(language, platform.config.publicUrl)), language };
  }

  return {
    async preview(ctx: ServiceContext, id: string, variant: Variant | undefined) {
      const issue = await loadIssue(ctx, id);
      return renderSample(issue, variant ?? (await defaultVariant(issue)));
    },

    /** Sends the variant to 1–5 addresses, subject marked as a test in the variant's first language. */
    async testSend(ctx: ServiceContext, id: string, input: TestSend): Promise<TestSendResult> {
      const workspaceId = ctx.membership.workspaceId;
      const userId = ctx.actor.user.id;
      const addresses = [...new Set(input.addresses.map((address) => address.trim()))];
      const since = new Date(Date.now() - ISSUE_LIMITS.testSendWindowMinutes * 60_000);
      const recent = await countTestSendAddresses(db, workspaceId, userId, since);
      if (recent + addresses.length > ISSUE_LIMITS.testSendsPerWindow) {
        throw new AppError('RATE_LIMITED', {
          params: { limit: ISSUE_LIMITS.testSendsPerWindow, minutes: ISSUE_LIMITS.testSendWindowMinutes },
        });
      }
      const issue = await loadIssue(ctx, id);
      if (issueLanguages(issue).length === 0) throw new AppError('VALIDATION_FAILED', { fields: { subject: 'LOCALIZED_REQUIRED' } });
      const filled = await renderSample(issue, input.variant);
      const locale: UiLocale = (UI_LOCALES as readonly string[]).includes(filled.language) ? (filled.language as UiLocale) : 'fr';
      const prefix = translatorFor(locale)('newsletter.email.testPrefix');
      const subject = `${prefix} ${filled.subject}`;
      // Audited first, so the limit counts these addresses even if the mailer fails half-way.
      await recordAudit(db, {
        workspaceId,
        actorUserId: userId,
        action: 'test-send',
        entityType: NEWSLETTER_ISSUE_CONTENT_TYPE,
        entityId: id,
        after: { addresses: addresses.length, to: addresses, variant: input.variant },
      });
      for (const to of addresses) {
        await platform.mailer.send({ to, subject, html: filled.html, text: filled.text, workspaceId });
      }
      return { sent: addresses.length, isSmtp: platform.mailer.isSmtpConfigured, subject };
    },
  };
}
