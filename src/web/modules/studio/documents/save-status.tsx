/** Where the autosave stands, read out politely to screen readers when it changes. */
import { Text } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n-context.js';
import type { SaveStatus } from './use-document-autosave.js';

const COLOR: Record<SaveStatus, string> = { saved: 'teal.9', unsaved: 'gray.7', saving: 'gray.7', failed: 'red.9', conflict: 'red.9' };

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  return (
    <Text size="sm" c={COLOR[status]} role="status" data-testid="document-save-status" data-status={status}>
      {t(`studioDocuments.save.${status}`)}
    </Text>
  );
}
