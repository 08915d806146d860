/** Placeholder until the page is built. */
import { Title } from '@mantine/core';
import { useT } from '../../i18n/i18n-context.js';

export function MembersPage() {
  const t = useT();
  return (
    <Title order={1} size="h2">
      {t('web.members.title')}
    </Title>
  );
}
