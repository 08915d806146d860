/** The consent state of an asset as a badge: nothing for pictures of no one, red when missing or expired. */
import { Badge } from '@mantine/core';
import type { ConsentStatus } from '../../../../shared/studio/assets.schema.js';
import { useT } from '../../../i18n/i18n-context.js';

/** Dark shades, so white text keeps a 4.5:1 contrast. */
const COLOR: Record<ConsentStatus, string> = { not_required: 'gray.7', missing: 'red.9', expired: 'red.9', valid: 'teal.9' };

export function ConsentBadge({ status, isHiddenWhenNotRequired = true }: { status: ConsentStatus; isHiddenWhenNotRequired?: boolean }) {
  const t = useT();
  if (status === 'not_required' && isHiddenWhenNotRequired) return null;
  return (
    <Badge color={COLOR[status]} data-consent={status}>
      {t(`assets.consent.status.${status}`)}
    </Badge>
  );
}
