/**
 * The metadata of an asset, shared by the upload dialog and the asset page: title, alt text and
 * caption side by side per language, credit, licence, tags, organisation, campaign, languages of its
 * text, and whether it shows people (who then need a consent record).
 */
import { Checkbox, Group, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { LIMITS } from '../../../../shared/limits.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { ASSET_LIMITS, type Asset } from '../../../../shared/studio/assets.schema.js';
import { type FieldMessages, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useOrganisationPages } from '../../directory/directory-api.js';
import { useCampaignChoices } from './assets-api.js';

export interface AssetMetadata {
  title: LocalizedText;
  alt: LocalizedText;
  caption: LocalizedText;
  credit: string;
  licence: string;
  tags: string[];
  organisationId: string | null;
  campaignId: string | null;
  languages: string[];
  showsPeople: boolean;
}

/** The form's value for an asset (or an empty one), with every content language present. */
export function metadataOf(asset: Asset | null, languages: readonly string[]): AssetMetadata {
  return {
    title: completeLocalized(asset?.title, languages),
    alt: completeLocalized(asset?.alt, languages),
    caption: completeLocalized(asset?.caption, languages),
    credit: asset?.credit ?? '',
    licence: asset?.licence ?? '',
    tags: asset?.tags ?? [],
    organisationId: asset?.organisationId ?? null,
    campaignId: asset?.campaignId ?? null,
    languages: asset?.languages ?? [],
    showsPeople: asset?.showsPeople ?? false,
  };
}

function labelOf(text: Record<string, { value: string }>, locale: string): string {
  return text[locale]?.value || Object.values(text).find((entry) => entry.value)?.value || '—';
}

export function AssetMetadataFields(props: {
  workspaceId: string;
  value: AssetMetadata;
  onChange(value: AssetMetadata): void;
  languages: readonly string[];
  fields: FieldMessages;
  isDisabled?: boolean;
}) {
  const { t, locale } = useI18n();
  const { value, onChange, languages, fields, isDisabled } = props;
  const organisations = useOrganisationPages(props.workspaceId, {}, 100);
  const campaigns = useCampaignChoices(props.workspaceId);
  const set = <K extends keyof AssetMetadata>(key: K, next: AssetMetadata[K]) => onChange({ ...value, [key]: next });
  return (
    <Stack>
      <fieldset disabled={isDisabled} style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
        <Stack>
          <LocalizedTextEditor
            label={t('assets.field.title')}
            name="assetTitle"
            value={value.title}
            onChange={(next) => set('title', next)}
            languages={languages}
            isRequired
            maxLength={LIMITS.nameLength}
            error={fields.title}
            languageErrors={languageErrorsOf(fields, 'title')}
          />
          <LocalizedTextEditor
            label={t('assets.field.alt')}
            name="assetAlt"
            value={value.alt}
            onChange={(next) => set('alt', next)}
            languages={languages}
            isMultiline
            maxLength={ASSET_LIMITS.altLength}
            languageErrors={languageErrorsOf(fields, 'alt')}
          />
          <LocalizedTextEditor
            label={t('assets.field.caption')}
            name="assetCaption"
            value={value.caption}
            onChange={(next) => set('caption', next)}
            languages={languages}
            isMultiline
            maxLength={ASSET_LIMITS.captionLength}
            languageErrors={languageErrorsOf(fields, 'caption')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('assets.field.credit')}
              dir="auto"
              value={value.credit}
              onChange={(event) => set('credit', event.currentTarget.value)}
              maxLength={ASSET_LIMITS.creditLength}
              error={fields.credit}
            />
            <TextInput
              label={t('assets.field.licence')}
              dir="auto"
              placeholder="CC BY 4.0"
              value={value.licence}
              onChange={(event) => set('licence', event.currentTarget.value)}
              maxLength={ASSET_LIMITS.licenceLength}
              error={fields.licence}
            />
          </SimpleGrid>
          <TagsInput
            label={t('assets.field.tags')}
            description={t('assets.field.tagsHelp')}
            value={value.tags}
            onChange={(next) => set('tags', next)}
            maxTags={ASSET_LIMITS.tagsMax}
            error={fields.tags}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('assets.field.organisation')}
              clearable
              searchable
              value={value.organisationId}
              onChange={(next) => set('organisationId', next)}
              data={(organisations.data?.pages[0]?.items ?? []).map((organisation) => ({
                value: organisation.id,
                label: labelOf(organisation.name as Record<string, { value: string }>, locale),
              }))}
              error={fields.organisationId}
            />
            <Select
              label={t('assets.field.campaign')}
              clearable
              searchable
              value={value.campaignId}
              onChange={(next) => set('campaignId', next)}
              data={(campaigns.data?.items ?? []).map((campaign) => ({ value: campaign.id, label: labelOf(campaign.title, locale) }))}
              error={fields.campaignId}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('assets.field.languages')}
            description={t('assets.field.languagesHelp')}
            value={value.languages}
            onChange={(next) => set('languages', next)}
            error={fields.languages}
          >
            <Group mt={4}>
              {languages.map((language) => (
                <Checkbox key={language} value={language} label={t(`public.languageName.${language}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label={t('assets.field.showsPeople')}
            description={t('assets.field.showsPeopleHelp')}
            checked={value.showsPeople}
            onChange={(event) => set('showsPeople', event.currentTarget.checked)}
          />
        </Stack>
      </fieldset>
    </Stack>
  );
}
