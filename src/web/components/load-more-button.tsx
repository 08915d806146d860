/** The "load more" button under a keyset-paged list; nothing once the last page is in. */
import { Button } from '@mantine/core';
import { useT } from '../i18n/i18n-context.js';

export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): unknown;
}

export function LoadMoreButton({ pages }: { pages: PagedQuery }) {
  const t = useT();
  if (!pages.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage} mx="auto">
      {t('web.action.loadMore')}
    </Button>
  );
}
