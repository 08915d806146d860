/**
 * Consent records of the people an asset shows: who, for which uses, until when, the scanned form.
 * Shown to members who make visuals (the records name people); editable by the asset's editors.
 */
import { Anchor, Badge, Button, Checkbox, FileInput, Group, Modal, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ASSET_LIMITS, CONSENT_USES, type ConsentCreate, ConsentCreateSchema } from '../../../../shared/studio/assets.schema.js';
import { ErrorAlert, errorMessage, type FieldMessages, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { fileUrl, uploadFile } from '../../admin/admin-api.js';
import { type Asset, assetKeys, type Consent, createConsent, deleteConsent, updateConsent, useAssetConsents } from './assets-api.js';

function ConsentDialog(props: { workspaceId: string; assetId: string; consent: Consent | null; onClose(): void }) {
  const { workspaceId, assetId, consent } = props;
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [personName, setPersonName] = useState(consent?.personName ?? '');
  const [scope, setScope] = useState<string[]>(consent?.scope ?? []);
  const [expiresOn, setExpiresOn] = useState(consent?.expiresOn ?? '');
  const [documentFileId, setDocumentFileId] = useState<string | null>(consent?.documentFileId ?? null);
  const [notes, setNotes] = useState(consent?.notes ?? '');
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const form = useMutation({ mutationFn: (file: File) => uploadFile(workspaceId, file), onSuccess: (file) => setDocumentFileId(file.id) });
  const save = useMutation({
    mutationFn: (body: ConsentCreate) =>
      consent ? updateConsent(workspaceId, assetId, consent.id, body) : createConsent(workspaceId, assetId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: assetKeys.consents(workspaceId, assetId) });
      await queryClient.invalidateQueries({ queryKey: assetKeys.one(workspaceId, assetId) });
      await queryClient.invalidateQueries({ queryKey: assetKeys.usage(workspaceId, assetId) });
      props.onClose();
    },
  });
  const fields = { ...fieldsFromApiError(save.error), ...clientFields };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={consent ? t('assets.consent.editTitle') : t('assets.consent.addTitle')}
      closeButtonProps={{ 'aria-label': t('web.action.cancel') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = ConsentCreateSchema.safeParse({ personName, scope, expiresOn: expiresOn || null, documentFileId, notes });
          setClientFields(parsed.success ? {} : fieldsFromZod(parsed.error, t));
          if (parsed.success && !save.isPending) save.mutate(parsed.data);
        }}
      >
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label={t('assets.consent.person')}
            required
            dir="auto"
            value={personName}
            onChange={(event) => setPersonName(event.currentTarget.value)}
            maxLength={ASSET_LIMITS.personNameLength}
            error={fields.personName}
          />
          <Checkbox.Group label={t('assets.consent.scope')} required value={scope} onChange={setScope} error={fields.scope}>
            <Group mt={4}>
              {CONSENT_USES.map((use) => (
                <Checkbox key={use} value={use} label={t(`assets.consent.use.${use}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput
            type="date"
            label={t('assets.consent.expiresOn')}
            description={t('assets.consent.expiresOnHelp')}
            value={expiresOn}
            onChange={(event) => setExpiresOn(event.currentTarget.value)}
            error={fields.expiresOn}
            maw={220}
          />
          <FileInput
            label={t('assets.consent.form')}
            placeholder={documentFileId ? t('assets.consent.formAttached') : t('assets.upload.choose')}
            styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
            accept="application/pdf,image/jpeg,image/png"
            value={null}
            onChange={(file) => file && form.mutate(file)}
            disabled={form.isPending}
            error={fields.documentFileId ?? (form.error ? errorMessage(form.error, t) : undefined)}
          />
          <Textarea
            label={t('assets.consent.notes')}
            dir="auto"
            rows={3}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            maxLength={ASSET_LIMITS.consentNotesLength}
            error={fields.notes}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('web.action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function AssetConsents({ workspaceId, asset }: { workspaceId: string; asset: Asset }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const consents = useAssetConsents(workspaceId, asset.id, true);
  const [editing, setEditing] = useState<Consent | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (consentId: string) => deleteConsent(workspaceId, asset.id, consentId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: assetKeys.consents(workspaceId, asset.id) });
      await queryClient.invalidateQueries({ queryKey: assetKeys.one(workspaceId, asset.id) });
    },
  });
  const items = consents.data?.items ?? [];
  return (
    <Stack component="section" aria-labelledby="asset-consents">
      <Group justify="space-between">
        <Title order={2} size="h4" id="asset-consents">
          {t('assets.consent.title')}
        </Title>
        {asset.canEdit ? (
          <Button size="xs" onClick={() => setEditing('new')}>
            {t('assets.consent.add')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('assets.consent.help')}
      </Text>
      <ErrorAlert error={consents.error ?? remove.error} />
      {items.map((consent) => (
        <Paper key={consent.id} withBorder p="sm" data-testid="consent-row">
          <Group justify="space-between" align="start">
            <Stack gap={4}>
              <Text fw={600}>
                <bdi>{consent.personName}</bdi>
              </Text>
              <Group gap={4}>
                {consent.scope.map((use) => (
                  <Badge key={use} color="gray.7" variant="filled">
                    {t(`assets.consent.use.${use}`)}
                  </Badge>
                ))}
                {consent.isExpired ? <Badge color="red.9">{t('assets.consent.expired')}</Badge> : null}
              </Group>
              <Text size="sm">
                {consent.expiresOn ? t('assets.consent.until', { date: formatDate(consent.expiresOn) }) : t('assets.consent.noEnd')}
              </Text>
              {consent.documentFileId ? (
                <Anchor href={fileUrl(workspaceId, consent.documentFileId)} target="_blank" size="sm">
                  {t('assets.consent.openForm')}
                </Anchor>
              ) : null}
              {consent.notes ? (
                <Text size="sm" c="dimmed" dir="auto">
                  {consent.notes}
                </Text>
              ) : null}
            </Stack>
            {asset.canEdit ? (
              <Group gap={4}>
                <Button size="xs" variant="default" onClick={() => setEditing(consent)}>
                  {t('web.action.edit')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  color="red.9"
                  onClick={() => remove.mutate(consent.id)}
                  loading={remove.isPending && remove.variables === consent.id}
                >
                  {t('web.action.remove')}
                </Button>
              </Group>
            ) : null}
          </Group>
        </Paper>
      ))}
      {consents.isSuccess && items.length === 0 ? <Text c="dimmed">{t('assets.consent.none')}</Text> : null}
      {editing ? (
        <ConsentDialog
          key={editing === 'new' ? 'new' : editing.id}
          workspaceId={workspaceId}
          assetId={asset.id}
          consent={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
