/** The period's best posts by a chosen figure: their text (a link to the post), language, date and figures. */
import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { POST_INSIGHT_METRICS, type PostInsightMetric, type TopPost } from '../../../../shared/social/insights.schema.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import type { InsightFormat } from './insights-format.js';

export function TopPostsTable({
  items,
  sort,
  onSort,
  format,
  href,
  languages,
  timeZone,
}: {
  items: TopPost[];
  sort: PostInsightMetric;
  onSort(metric: PostInsightMetric): void;
  format: InsightFormat;
  href(path: string): string;
  languages: readonly string[];
  timeZone?: string;
}) {
  const { t } = format;
  return (
    <Stack gap="sm" component="section" aria-labelledby="insights-top-posts-title">
      <Group justify="space-between" align="end">
        <Title order={2} size="h4" id="insights-top-posts-title">
          {t('socialInsights.topPosts.title')}
        </Title>
        <Select
          label={t('socialInsights.topPosts.sort')}
          value={sort}
          onChange={(value) => value && onSort(value as PostInsightMetric)}
          data={POST_INSIGHT_METRICS.map((metric) => ({ value: metric, label: format.metric(metric) }))}
          allowDeselect={false}
          w={220}
        />
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('socialInsights.topPosts.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table data-testid="top-posts" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('socialInsights.topPosts.post')}</Table.Th>
                <Table.Th>{t('socialInsights.topPosts.published')}</Table.Th>
                {POST_INSIGHT_METRICS.map((metric) => (
                  <Table.Th key={metric} ta="end" aria-sort={metric === sort ? 'descending' : undefined}>
                    {format.metric(metric)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((post) => (
                <Table.Tr key={post.publicationId} data-testid="top-post">
                  <Table.Td className="insights-post-cell">
                    <Anchor component={Link} href={href(`/social/posts/${post.postId}`)} size="sm" underline="hover">
                      <LocalizedValue value={post.text} fallbacks={languages} lineClamp={2} inherit />
                    </Anchor>
                    <Group gap="xs" mt={4}>
                      <Badge
                        variant="light"
                        tt="none"
                        className="insights-badge"
                        color={post.group === 'bilingual' ? 'grape' : 'blue'}
                        title={t('socialInsights.topPosts.language')}
                      >
                        {t(`socialInsights.language.${post.group}`)}
                      </Badge>
                      {post.permalinkUrl ? (
                        <Anchor href={post.permalinkUrl} target="_blank" rel="noopener noreferrer" size="xs">
                          {t('socialInsights.topPosts.open')}
                        </Anchor>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.instant(post.publishedAt, timeZone, 'short')}</Table.Td>
                  {POST_INSIGHT_METRICS.map((metric) => (
                    <Table.Td key={metric} ta="end" fw={metric === sort ? 700 : undefined}>
                      {format.number(post.values[metric])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
