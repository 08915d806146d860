/** Scaffold: replaced by the page itself. */
import { Stack, Text } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SocialNav } from '../social-nav.js';

export function SocialInboxPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <SocialNav active="inbox" />
      <Text>{t('social.inProgress')}</Text>
    </Stack>
  );
}
