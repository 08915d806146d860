/**
 * Adds or edits one entry of the partner strip: an organisation of the directory (its name is used)
 * or a free name, the logo (uploaded and checked at once), partner or funder, the mention printed
 * with it per language, and the languages whose strips show it.
 */
import { Button, Checkbox, FileInput, Group, Image, Modal, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import {
  BRAND_LIMITS,
  BRAND_PARTNER_ROLES,
  type BrandPartnerRole,
  LOGO_CONTENT_TYPES,
} from '../../../../shared/studio/brand-kit.schema.js';
import { ErrorAlert, errorMessage, fieldsFromApiError, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useOrganisationPages } from '../../directory/directory-api.js';
import { type BrandPartner, brandKitKeys, createPartner, updatePartner, uploadBrandLogo, workspaceFileUrl } from './brand-kit-api.js';

export function PartnerFormDialog(props: {
  workspaceId: string;
  languages: readonly string[];
  /** The entry to edit, or null to add one. */
  partner: BrandPartner | null;
  isOpen: boolean;
  onClose(): void;
}) {
  const { workspaceId, languages, partner, isOpen, onClose } = props;
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<'directory' | 'free'>(partner && !partner.organisationId ? 'free' : 'directory');
  const [organisationId, setOrganisationId] = useState<string | null>(partner?.organisationId ?? null);
  const [name, setName] = useState<LocalizedText>(() => completeLocalized(partner?.name, languages));
  const [logoFileId, setLogoFileId] = useState<string | null>(partner?.logoFileId ?? null);
  const [role, setRole] = useState<BrandPartnerRole>(partner?.role ?? 'partner');
  const [mention, setMention] = useState<LocalizedText>(() => completeLocalized(partner?.mention, languages));
  const [shownIn, setShownIn] = useState<string[]>(partner && partner.languages.length > 0 ? partner.languages : [...languages]);
  const [clientError, setClientError] = useState<Record<string, string>>({});
  const organisations = useOrganisationPages(workspaceId, {}, 100);
  const logo = useMutation({ mutationFn: (file: File) => uploadBrandLogo(workspaceId, file), onSuccess: (file) => setLogoFileId(file.id) });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        organisationId: source === 'directory' ? organisationId : null,
        name: source === 'free' || Object.values(name).some((entry) => entry?.value.trim()) ? name : undefined,
        logoFileId: logoFileId as string,
        role,
        mention,
        // Every language ticked is the same as none: the entry shows everywhere, including languages added later.
        languages: shownIn.length === languages.length ? [] : (shownIn as Array<'ar' | 'fr' | 'en'>),
      };
      return partner ? updatePartner(workspaceId, partner.id, body) : createPartner(workspaceId, body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKitKeys.one(workspaceId) });
      onClose();
    },
  });
  const fields = { ...fieldsFromApiError(logo.error), ...fieldsFromApiError(save.error), ...clientError };
  const organisationOptions = (organisations.data?.pages[0]?.items ?? []).map((organisation) => {
    const names = organisation.name as Record<string, { value: string }>;
    return { value: organisation.id, label: names[locale]?.value || Object.values(names).find((entry) => entry.value)?.value || '—' };
  });

  return (
    <Modal
      opened={isOpen}
      onClose={onClose}
      size="lg"
      title={partner ? t('brandKit.partners.editTitle') : t('brandKit.partners.addTitle')}
      closeButtonProps={{ 'aria-label': t('web.action.cancel') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problems: Record<string, string> = {};
          if (!logoFileId) problems.logoFileId = t('fieldErrors.REQUIRED');
          if (shownIn.length === 0) problems.languages = t('brandKit.partners.languagesRequired');
          if (source === 'directory' && !organisationId) problems.organisationId = t('fieldErrors.REQUIRED');
          setClientError(problems);
          if (Object.keys(problems).length === 0 && !save.isPending) save.mutate();
        }}
      >
        <Stack>
          <ErrorAlert error={save.error} />
          <SegmentedControl
            aria-label={t('brandKit.partners.source')}
            value={source}
            onChange={(value) => setSource(value as typeof source)}
            data={[
              { value: 'directory', label: t('brandKit.partners.fromDirectory') },
              { value: 'free', label: t('brandKit.partners.freeName') },
            ]}
          />
          {source === 'directory' ? (
            <Select
              label={t('brandKit.partners.organisation')}
              searchable
              required
              value={organisationId}
              onChange={setOrganisationId}
              data={organisationOptions}
              error={fields.organisationId}
            />
          ) : null}
          <LocalizedTextEditor
            label={source === 'directory' ? t('brandKit.partners.nameOverride') : t('brandKit.partners.name')}
            name="partnerName"
            value={name}
            onChange={setName}
            languages={languages}
            isRequired={source === 'free'}
            maxLength={LIMITS.nameLength}
            error={fields.name}
            languageErrors={languageErrorsOf(fields, 'name')}
          />
          <Group align="end">
            <Paper withBorder p={4} w={140} h={72} display="flex" style={{ alignItems: 'center', justifyContent: 'center' }}>
              {logoFileId ? (
                <Image
                  src={workspaceFileUrl(workspaceId, logoFileId)}
                  alt={t('brandKit.partners.logoPreview')}
                  fit="contain"
                  w={130}
                  h={62}
                />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('brandKit.logos.none')}
                </Text>
              )}
            </Paper>
            <FileInput
              label={t('brandKit.partners.logo')}
              description={t('brandKit.logos.help')}
              placeholder={t('brandKit.logos.choose')}
              styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
              accept={LOGO_CONTENT_TYPES.join(',')}
              value={null}
              required
              onChange={(file) => {
                if (file) logo.mutate(file);
              }}
              disabled={logo.isPending}
              error={fields.file ?? fields.logoFileId ?? (logo.error ? errorMessage(logo.error, t) : undefined)}
              style={{ flex: '1 1 14rem' }}
            />
          </Group>
          <Select
            label={t('brandKit.partners.role')}
            allowDeselect={false}
            value={role}
            onChange={(value) => setRole((value ?? 'partner') as BrandPartnerRole)}
            data={BRAND_PARTNER_ROLES.map((value) => ({ value, label: t(`brandKit.partners.roles.${value}`) }))}
          />
          <LocalizedTextEditor
            label={t('brandKit.partners.mention')}
            name="partnerMention"
            value={mention}
            onChange={setMention}
            languages={languages}
            maxLength={BRAND_LIMITS.mentionLength}
            languageErrors={languageErrorsOf(fields, 'mention')}
          />
          <Checkbox.Group label={t('brandKit.partners.shownIn')} value={shownIn} onChange={setShownIn} error={fields.languages}>
            <Group mt={4}>
              {languages.map((language) => (
                <Checkbox key={language} value={language} label={t(`public.languageName.${language}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
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
