/**
 * The post's link and the preview Facebook will draw for it, read by the server from the page's Open
 * Graph tags (POST …/social/link-preview). No preview is not an error: the link still goes.
 */
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { isPostableLink, type LinkPreview } from '../../../../shared/social/posts.schema.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { fetchLinkPreview } from './posts-api.js';

export interface PostLinkFieldProps {
  workspaceId: string;
  url: string;
  preview: LinkPreview | null;
  onChange(url: string, preview: LinkPreview | null): void;
  error?: string;
  isDisabled: boolean;
}

export function PostLinkField({ workspaceId, url, preview, onChange, error, isDisabled }: PostLinkFieldProps) {
  const { t } = useI18n();
  const read = useMutation({
    mutationFn: () => fetchLinkPreview(workspaceId, url.trim()),
    onSuccess: (answer) => onChange(answer.url, answer.preview),
  });
  const isValid = isPostableLink(url.trim());
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('socialPosts.link.label')}
          description={t('socialPosts.link.hint')}
          type="url"
          dir="ltr"
          placeholder="https://"
          value={url}
          onChange={(event) => {
            read.reset();
            onChange(event.currentTarget.value, null);
          }}
          error={error ?? (url.trim() !== '' && !isValid ? t('fieldErrors.INVALID_URL') : undefined)}
          style={{ flex: 1 }}
          name="link.url"
        />
        <Button variant="default" onClick={() => read.mutate()} loading={read.isPending} disabled={isDisabled || !isValid}>
          {t('socialPosts.link.fetchPreview')}
        </Button>
      </Group>
      <ErrorAlert error={read.error} />
      {preview ? (
        <Paper withBorder p="xs" data-testid="link-preview">
          <Text fw={600} size="sm" dir="auto">
            {preview.title}
          </Text>
          {preview.description ? (
            <Text size="xs" c="dimmed" dir="auto" lineClamp={3}>
              {preview.description}
            </Text>
          ) : null}
        </Paper>
      ) : read.isSuccess ? (
        <Text size="sm" c="dimmed" role="status">
          {t('socialPosts.link.noPreview')}
        </Text>
      ) : null}
    </Stack>
  );
}
