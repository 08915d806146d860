/**
 * Adds an asset: the file first (the server checks its type, size and pixels, strips EXIF and makes
 * the thumbnail), then its metadata. The metadata is checked here with the server's schema before
 * anything is sent; if it is refused after the upload, only the metadata is sent again.
 */
import { Button, FileInput, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContentLanguage } from '../../../../shared/languages.js';
import { ASSET_ACCEPT, AssetUpdateSchema } from '../../../../shared/studio/assets.schema.js';
import { ErrorAlert, errorMessage, type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type AssetMetadata, AssetMetadataFields, metadataOf } from './asset-metadata-fields.js';
import { type Asset, assetKeys, updateAsset, uploadAsset } from './assets-api.js';

export function AssetUploadDialog(props: {
  workspaceId: string;
  languages: readonly string[];
  isOpen: boolean;
  onClose(): void;
  onAdded(asset: Asset): void;
}) {
  const { workspaceId, languages } = props;
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [metadata, setMetadata] = useState<AssetMetadata>(() => metadataOf(null, languages));
  const [uploaded, setUploaded] = useState<Asset | null>(null);
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const upload = useMutation({ mutationFn: (chosen: File) => uploadAsset(workspaceId, chosen), onSuccess: setUploaded });
  const save = useMutation({
    mutationFn: async (body: Parameters<typeof updateAsset>[2]) => {
      const asset = uploaded ?? (await upload.mutateAsync(file as File));
      return updateAsset(workspaceId, asset.id, body);
    },
    onSuccess: async (asset) => {
      await queryClient.invalidateQueries({ queryKey: assetKeys.all(workspaceId) });
      props.onAdded(asset);
    },
  });
  const fields = { ...fieldsFromApiError(save.error), ...clientFields };
  const fileError =
    clientFields.file ?? fieldsFromApiError(upload.error).file ?? (upload.error ? errorMessage(upload.error, t) : undefined);

  return (
    <Modal
      opened={props.isOpen}
      onClose={props.onClose}
      size="xl"
      title={t('assets.upload.title')}
      closeButtonProps={{ 'aria-label': t('web.action.cancel') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = AssetUpdateSchema.safeParse(metadata);
          const problems = parsed.success ? {} : fieldsFromZod(parsed.error, t);
          if (!file && !uploaded) problems.file = t('fieldErrors.REQUIRED');
          setClientFields(problems);
          if (Object.keys(problems).length === 0 && parsed.success && !save.isPending) save.mutate(parsed.data);
        }}
      >
        <Stack>
          <FileInput
            label={t('assets.upload.file')}
            description={t('assets.upload.fileHelp')}
            placeholder={t('assets.upload.choose')}
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            accept={ASSET_ACCEPT}
            required
            value={file}
            disabled={Boolean(uploaded)}
            onChange={(chosen) => {
              setFile(chosen);
              upload.reset();
              const first = languages[0] as ContentLanguage | undefined;
              // A title to start from: the file name, in the first language, until one is typed.
              if (chosen && first && !Object.values(metadata.title).some((entry) => entry?.value)) {
                setMetadata({
                  ...metadata,
                  title: { ...metadata.title, [first]: { value: chosen.name.replace(/\.[a-z0-9]+$/i, ''), status: 'draft' } },
                });
              }
            }}
            error={fileError}
          />
          <ErrorAlert error={save.error && !upload.error ? save.error : null} />
          <AssetMetadataFields workspaceId={workspaceId} value={metadata} onChange={setMetadata} languages={languages} fields={fields} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('assets.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
