/** An import's status as a coloured badge. */
import { Badge } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n-context.js';
import { IMPORT_STATUS_COLOR, type ImportStatus } from './imports-api.js';

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={IMPORT_STATUS_COLOR[status]} variant="filled" data-testid="import-status" data-status={status}>
      {t(`newsletterImport.status.${status}`)}
    </Badge>
  );
}
