/** Scaffold: replaced by the page itself. */
import { Stack, Text } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n-context.js';
import { StudioNav } from '../studio-nav.js';

export function DesignPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <StudioNav active="designs" />
      <Text>{t('studio.inProgress')}</Text>
    </Stack>
  );
}
