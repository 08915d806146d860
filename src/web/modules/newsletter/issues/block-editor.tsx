/**
 * The fields of one leaf block, every text in each content language side by side (the shared
 * LocalizedTextEditor), links through LinkField, images through ImageField, event times on the
 * workspace's clock. Server errors land on the field they name (`blocks.3.url.fr.value`).
 */
import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import type { LeafBlock } from '../../../../shared/newsletter/newsletter.schema.js';
import { type FieldMessages, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useT } from '../../../i18n/i18n-context.js';
import { fromWallTime, toWallTime } from './blocks.js';
import { ImageField } from './image-field.js';
import { LinkField } from './link-field.js';

export interface LeafBlockEditorProps {
  block: LeafBlock;
  onChange(block: LeafBlock): void;
  languages: readonly string[];
  timeZone: string;
  /** Field path of the block in the issue (`blocks.3`, `blocks.5.columns.1.0`). */
  path: string;
  fields: FieldMessages;
}

const LIMITS = { heading: 300, text: 20_000, alt: 300, caption: 500, label: 80, title: 300, summary: 2000, place: 300 } as const;

export function LeafBlockEditor({ block, onChange, languages, timeZone, path, fields }: LeafBlockEditorProps) {
  const t = useT();
  const at = (key: string) => `${path}.${key}`;
  const text = (key: string, label: string, value: LocalizedText | undefined, maxLength: number, isMultiline = false) => (
    <LocalizedTextEditor
      label={label}
      name={at(key)}
      value={completeLocalized(value as Record<string, { value: string; status: string }>, languages)}
      onChange={(next) => onChange({ ...block, [key]: next } as LeafBlock)}
      languages={languages}
      isMultiline={isMultiline}
      maxLength={maxLength}
      error={fields[at(key)]}
      languageErrors={languageErrorsOf(fields, at(key))}
    />
  );
  const link = (key: string, label: string, value: LocalizedText | undefined) => (
    <LinkField
      label={label}
      value={value}
      onChange={(next) => onChange({ ...block, [key]: next } as LeafBlock)}
      languages={languages}
      languageErrors={languageErrorsOf(fields, at(key))}
    />
  );

  switch (block.type) {
    case 'heading':
      return (
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('newsletter.block.level')}
            value={String(block.level)}
            onChange={(value) => onChange({ ...block, level: value === '1' ? 1 : 2 })}
            data={[
              { value: '1', label: t('newsletter.block.level1') },
              { value: '2', label: t('newsletter.block.level2') },
            ]}
            w="fit-content"
          />
          {text('text', t('newsletter.block.headingText'), block.text, LIMITS.heading)}
        </Stack>
      );
    case 'text':
      return (
        <Stack gap={4}>
          {text('text', t('newsletter.block.text'), block.text, LIMITS.text, true)}
          <Text size="xs" c="dimmed">
            {t('newsletter.block.textHelp')}
          </Text>
        </Stack>
      );
    case 'image':
      return (
        <Stack gap="sm">
          <ImageField
            fileId={block.fileId}
            url={block.url}
            onChange={(source) => onChange({ ...block, fileId: source.fileId, url: source.url })}
            fileError={fields[at('fileId')]}
            urlError={fields[at('url')]}
          />
          {text('alt', t('newsletter.block.alt'), block.alt, LIMITS.alt)}
          {text('caption', t('newsletter.block.caption'), block.caption, LIMITS.caption)}
          {link('href', t('newsletter.block.imageLink'), block.href)}
        </Stack>
      );
    case 'button':
      return (
        <Stack gap="sm">
          {text('label', t('newsletter.block.label'), block.label, LIMITS.label)}
          {link('url', t('newsletter.block.url'), block.url)}
        </Stack>
      );
    case 'article':
      return (
        <Stack gap="sm">
          {text('title', t('newsletter.block.title'), block.title, LIMITS.title)}
          {text('summary', t('newsletter.block.summary'), block.summary, LIMITS.summary, true)}
          {link('url', t('newsletter.block.url'), block.url)}
          <ImageField
            fileId={block.imageFileId}
            url={block.imageUrl}
            onChange={(source) => onChange({ ...block, imageFileId: source.fileId, imageUrl: source.url })}
            fileError={fields[at('imageFileId')]}
            urlError={fields[at('imageUrl')]}
          />
        </Stack>
      );
    case 'event':
      return (
        <Stack gap="sm">
          {text('title', t('newsletter.block.title'), block.title, LIMITS.title)}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="datetime-local"
              label={t('newsletter.block.startsAt', { timeZone })}
              value={toWallTime(block.startsAt, timeZone)}
              error={fields[at('startsAt')]}
              onChange={(event) => {
                const startsAt = fromWallTime(event.currentTarget.value, timeZone);
                if (startsAt) onChange({ ...block, startsAt });
              }}
            />
            <TextInput
              type="datetime-local"
              label={t('newsletter.block.endsAt', { timeZone })}
              value={block.endsAt ? toWallTime(block.endsAt, timeZone) : ''}
              error={fields[at('endsAt')]}
              onChange={(event) => onChange({ ...block, endsAt: fromWallTime(event.currentTarget.value, timeZone) })}
            />
          </SimpleGrid>
          {text('place', t('newsletter.block.place'), block.place, LIMITS.place)}
          {link('url', t('newsletter.block.url'), block.url)}
        </Stack>
      );
    case 'divider':
      return (
        <Text size="sm" c="dimmed">
          {t('newsletter.block.dividerHelp')}
        </Text>
      );
    default: {
      const unknown: never = block;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}
