/** Scaffold: replaced by the page itself. */
import { Stack, Text } from '@mantine/core';
import { useI18n } from '../../../i18n/i18n-context.js';
import { NewsletterNav } from '../newsletter-nav.js';

export function SubscriberPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <NewsletterNav active="subscribers" />
      <Text>{t('newsletter.inProgress')}</Text>
    </Stack>
  );
}
