/** What shows while a page's code or data loads. */
import { Center, Loader } from '@mantine/core';
import { useT } from '../i18n/i18n-context.js';

export function PageLoader() {
  const t = useT();
  // The label sits on a status region: axe refuses aria-label on Mantine's bare <span> loader.
  return (
    <Center p="xl" role="status" aria-label={t('web.loading')}>
      <Loader />
    </Center>
  );
}
