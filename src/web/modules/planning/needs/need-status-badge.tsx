/** A need's status as a coloured badge with its word. */
import { Badge } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.js';
import { NEED_STATUS_COLOR, type NeedStatus } from './needs-api.js';

export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  const t = useT();
  return (
    <Badge color={NEED_STATUS_COLOR[status]} variant="filled" data-status={status} data-testid="need-status">
      {t(`needs.status.${status}`)}
    </Badge>
  );
}
