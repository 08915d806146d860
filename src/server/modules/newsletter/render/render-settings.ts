/** The brand, footer address and image links of a workspace, read once per render. */
import type { ArabicDigits } from '../../../../shared/i18n/translator.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';
import type { Config } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import { findFile } from '../../../platform/storage/files.service.js';
import { findWorkspaceById } from '../../workspaces/workspaces.repo.js';
import { loadNewsletterSettings } from '../newsletter-settings.repo.js';
import { EMAIL_IMAGE_TYPES, newsletterImageUrl } from './image-links.js';
import type { RenderSettings } from './render-context.js';

export async function loadRenderSettings(
  platform: { database: { db: DbOrTransaction }; config: Pick<Config, 'secretKey' | 'publicUrl'> },
  workspaceId: string,
): Promise<RenderSettings> {
  const db = platform.database.db;
  const signer = { secretKey: platform.config.secretKey, publicUrl: platform.config.publicUrl };
  const [workspace, settings] = await Promise.all([findWorkspaceById(db, workspaceId), loadNewsletterSettings(db, workspaceId)]);
  if (!workspace) throw new AppError('NOT_FOUND');
  const logo = workspace.logoFileId ? await findFile(db, workspaceId, workspace.logoFileId) : undefined;
  const hasImageLogo = Boolean(logo && (EMAIL_IMAGE_TYPES as readonly string[]).includes(logo.contentType));
  return {
    siteName: workspace.name as LocalizedText,
    brandColor: workspace.brandColor,
    logoUrl: hasImageLogo && logo ? newsletterImageUrl(signer, workspaceId, logo.id) : undefined,
    timeZone: workspace.timeZone,
    arabicDigits: (workspace.arabicDigits === 'arab' ? 'arab' : 'latn') as ArabicDigits,
    postalAddress: settings.postalAddress,
    imageUrl: (fileId) => newsletterImageUrl(signer, workspaceId, fileId),
    publicUrl: platform.config.publicUrl,
  };
}
