/** Scaffold: replaced by the page itself. */
import { Stack, Text } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SocialNav } from '../social-nav.js';

export function SocialPostsPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <SocialNav active="posts" />
      <Text>{t('social.inProgress')}</Text>
    </Stack>
  );
}
