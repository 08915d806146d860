/**
 * Where a block's image comes from: a file uploaded to the workspace (served to readers through a
 * signed link) or the address of an image on the web. Shows the current image.
 */
import { Button, FileInput, Group, Image, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { useT } from '../../../i18n/i18n-context.js';
import { fileUrl, uploadImage } from './issues-api.js';

/** What email clients show (the server refuses the rest for newsletters). */
const EMAIL_IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

export interface ImageFieldProps {
  fileId: string | undefined;
  url: string | undefined;
  onChange(source: { fileId?: string; url?: string }): void;
  /** Problems of the uploaded file (`…fileId`) and of the typed address (`…url`). */
  fileError?: string;
  urlError?: string;
  isDisabled?: boolean;
}

export function ImageField({ fileId, url, onChange, fileError, urlError, isDisabled }: ImageFieldProps) {
  const t = useT();
  const { workspace } = useWorkspace();
  const upload = useMutation({
    mutationFn: (file: File) => uploadImage(workspace.id, file),
    onSuccess: (file) => onChange({ fileId: file.id }),
  });
  const uploadFields = fieldsFromApiError(upload.error);
  const shown = fileId ? fileUrl(workspace.id, fileId) : url;
  return (
    <Stack gap="xs">
      <Group align="end" gap="md">
        <Paper withBorder p={4} w={120} h={72} display="flex" style={{ alignItems: 'center', justifyContent: 'center' }}>
          {shown ? (
            <Image src={shown} alt={t('newsletter.block.imageCurrent')} fit="contain" w={110} h={62} />
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              {t('newsletter.block.imageNone')}
            </Text>
          )}
        </Paper>
        <FileInput
          label={t('newsletter.block.imageUpload')}
          placeholder={t('newsletter.block.imageChoose')}
          styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
          accept={EMAIL_IMAGE_TYPES}
          value={null}
          disabled={isDisabled || upload.isPending}
          onChange={(file) => {
            if (file && !upload.isPending) upload.mutate(file);
          }}
          error={uploadFields.file ?? fileError}
          style={{ flex: '1 1 14rem' }}
        />
        {fileId ? (
          <Button variant="default" disabled={isDisabled} onClick={() => onChange({})}>
            {t('newsletter.block.imageRemove')}
          </Button>
        ) : null}
      </Group>
      {fileId ? null : (
        <TextInput
          type="url"
          dir="ltr"
          label={t('newsletter.block.imageUrl')}
          placeholder="https://"
          value={url ?? ''}
          error={urlError}
          disabled={isDisabled}
          onChange={(event) => {
            const value = event.currentTarget.value.trim();
            onChange(value ? { url: value } : {});
          }}
        />
      )}
      <ErrorAlert error={upload.error && !uploadFields.file ? upload.error : null} />
    </Stack>
  );
}
