/**
 * A read-only value to copy (DNS record, webhook URL), always left to right since it is machine text.
 * Fixed rows, no autosize: its hidden measuring textarea overflows right-to-left pages.
 */
import { Button, CopyButton, Group, Textarea, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.js';

export function CopyField({
  label,
  value,
  isMultiline = false,
  description,
}: {
  label: string;
  value: string;
  isMultiline?: boolean;
  description?: string;
}) {
  const t = useT();
  const shared = { label, description, value, readOnly: true, dir: 'ltr' as const, style: { flex: '1 1 20rem' } };
  return (
    <Group align="end" gap="xs" wrap="nowrap">
      {isMultiline ? (
        <Textarea {...shared} rows={4} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
      ) : (
        <TextInput {...shared} onFocus={(event) => event.currentTarget.select()} />
      )}
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button onClick={copy} variant="default" color={copied ? 'teal.9' : undefined}>
            {copied ? t('newsletterStats.settings.copied') : t('newsletterStats.settings.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
