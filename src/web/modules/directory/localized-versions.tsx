/** Every language version of a text with its translation status, for detail pages. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { directionOf } from '../../../shared/languages.js';
import { deriveStatus, STATUS_COLOR } from '../../components/localized-text.js';
import { useT } from '../../i18n/i18n-context.js';

export function LocalizedVersions({
  value,
  languages,
}: {
  value: Record<string, { value: string; status: string }>;
  languages: readonly string[];
}) {
  const t = useT();
  return (
    <Stack gap={4}>
      {languages.map((language) => {
        const entry = value[language];
        const status = deriveStatus(entry as never);
        return (
          <Group key={language} gap="xs" wrap="nowrap" align="baseline">
            <Badge variant="outline" size="sm" miw={72}>
              {t(`public.languageName.${language}`)}
            </Badge>
            <Text
              lang={language}
              dir={directionOf(language)}
              style={{ flex: 1, whiteSpace: 'pre-wrap' }}
              c={entry?.value ? undefined : 'dimmed'}
            >
              {entry?.value || '—'}
            </Text>
            <Badge size="sm" variant="filled" color={STATUS_COLOR[status]}>
              {t(`web.status.${status}`)}
            </Badge>
          </Group>
        );
      })}
    </Stack>
  );
}
