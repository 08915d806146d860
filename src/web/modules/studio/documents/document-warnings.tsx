/**
 * Images the PDF leaves out, and why (consent expired, missing or not for print, asset gone,
 * archived, not an image, too many images): the document still renders; each line says which image
 * and where it is, so the person replaces it or renews the consent.
 */
import { Alert, List, Text } from '@mantine/core';
import type { DocumentWarning } from '../../../../shared/studio/documents-api.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';

export function DocumentWarnings({ warnings }: { warnings: readonly DocumentWarning[] }) {
  const { t, formatDate, intlTag } = useI18n();
  if (warnings.length === 0) return null;
  const placeOf = (where: DocumentWarning['where']) =>
    new Intl.ListFormat(intlTag, { type: 'conjunction' }).format(where.map((place) => t(`studioDocuments.warnings.where.${place}`)));
  return (
    <Alert color="orange" title={t('studioDocuments.warnings.title', { count: warnings.length })} data-testid="document-warnings">
      <List size="sm" spacing={4}>
        {warnings.map((warning) => (
          <List.Item key={`${warning.assetId}-${warning.code}`}>
            <Text size="sm" span fw={600} dir="auto">
              {warning.assetTitle ?? t('studioDocuments.warnings.untitled')}
            </Text>{' '}
            —{' '}
            {t(`studioDocuments.warnings.code.${warning.code}`, {
              date: warning.expiresOn ? formatDate(warning.expiresOn, { dateStyle: 'long' }) : '',
            })}{' '}
            <Text size="xs" span c="dimmed">
              ({placeOf(warning.where)})
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
