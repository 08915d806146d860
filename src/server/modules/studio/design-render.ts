/**
 * From a design (template, variant, the form's data) to a render request: the data checked against
 * the template's fields, its images checked against their consent for the template's use and read
 * from the asset library, dates worded per language, and the brand kit added (colours, fonts, logos,
 * the organisation's name, the partner strip with the funder's mention). Only what the template's
 * manifest accepts is passed on, so one composition serves every template.
 */
import { z } from 'zod';
import type { ArabicDigits } from '../../../shared/i18n/translator.js';
import { type LocalizedText, pickLocalized } from '../../../shared/localized-text.js';
import type { RenderVariant } from '../../../shared/render/render.schema.js';
import { consentSummaryOf } from '../../../shared/studio/consent-rules.js';
import { joinedLine, type VisualLanguage, wordedWhen } from '../../../shared/studio/design-dates.js';
import {
  type DesignData,
  type DesignTemplateDefinition,
  designDataSchema,
  designTemplate,
} from '../../../shared/studio/design-templates.js';
import { PARTNER_SLOTS_MAX } from '../../../shared/studio/visual-data.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import type { RenderRequest } from '../../platform/render/render.service.js';
import type { RegisteredTemplate } from '../../platform/render/template-registry.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { workspaceToday } from './asset-rules.js';
import { type BrandKitForRender, brandKitForRender } from './brand-kit-render.js';
import { type DesignAssetRow, findConsentTerms, findDesignAssets, findFileKeys } from './designs.repo.js';

const LANGUAGES: readonly VisualLanguage[] = ['ar', 'fr'];

/** The template's definition, or a field error naming it. */
export function definitionOf(name: string, field = 'template'): DesignTemplateDefinition {
  const definition = designTemplate(name);
  if (!definition) throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'UNKNOWN_TEMPLATE' } });
  return definition;
}

/** The form's data checked and normalised (trimmed texts, lower-case colours), or `data.<field>` errors. */
export function parseDesignData(definition: DesignTemplateDefinition, raw: unknown): DesignData {
  const parsed = designDataSchema(definition).safeParse(raw);
  if (parsed.success) return parsed.data as DesignData;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const at = ['data', ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...at, key].join('.')] = 'UNKNOWN_FIELD';
    } else {
      fields[at.join('.')] ??= /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID_VALUE';
    }
  }
  throw new AppError('VALIDATION_FAILED', { fields });
}

export interface CheckedAssets {
  /** Image field → its asset, for the fields whose asset may be used. */
  readonly byField: ReadonlyMap<string, DesignAssetRow>;
  /** Image field → why its asset may not be used. */
  readonly problems: FieldErrors;
}

/** What the consent check reads, loaded once for one design or for a page of them. */
interface AssetFacts {
  rows: DesignAssetRow[];
  consents: Array<{ assetId: string; scope: string[]; expiresOn: string | null }>;
  today: string;
}

async function loadAssetFacts(db: DbOrTransaction, workspaceId: string, ids: readonly string[]): Promise<AssetFacts> {
  const [rows, consents, today] = await Promise.all([
    findDesignAssets(db, workspaceId, ids),
    findConsentTerms(db, ids),
    workspaceToday(db, workspaceId),
  ]);
  return { rows, consents, today };
}

const imageFieldsOf = (definition: DesignTemplateDefinition, data: DesignData) =>
  definition.fields.filter((field) => field.kind === 'image' && typeof data[field.key] === 'string');

function checkWith(facts: AssetFacts, definition: DesignTemplateDefinition, data: DesignData): CheckedAssets {
  const byField = new Map<string, DesignAssetRow>();
  const problems: FieldErrors = {};
  for (const field of imageFieldsOf(definition, data)) {
    const at = `data.${field.key}`;
    const row = facts.rows.find((candidate) => candidate.id === data[field.key]);
    if (!row) problems[at] = 'ASSET_NOT_FOUND';
    else if (row.archivedAt) problems[at] = 'ASSET_ARCHIVED';
    else if (row.kind !== 'image') problems[at] = 'ASSET_NOT_IMAGE';
    else {
      const consents = facts.consents.filter((consent) => consent.assetId === row.id);
      if (consentSummaryOf(row.showsPeople, consents, facts.today).usableFor.includes(definition.use)) byField.set(field.key, row);
      else problems[at] = 'CONSENT_NOT_VALID';
    }
  }
  return { byField, problems };
}

/**
 * Whether each image of the data may be used in this template: an image of the workspace's library,
 * not archived, and — when it shows people — with a current consent for the template's use.
 */
export async function checkDesignAssets(
  db: DbOrTransaction,
  workspaceId: string,
  definition: DesignTemplateDefinition,
  data: DesignData,
): Promise<CheckedAssets> {
  const ids = imageFieldsOf(definition, data).map((field) => data[field.key] as string);
  return checkWith(await loadAssetFacts(db, workspaceId, ids), definition, data);
}

/** The image problems of several designs of a workspace (a list page), in three queries. */
export async function assetProblemsOfDesigns(
  db: DbOrTransaction,
  workspaceId: string,
  designs: ReadonlyArray<{ definition: DesignTemplateDefinition; data: DesignData }>,
): Promise<FieldErrors[]> {
  const ids = designs.flatMap(({ definition, data }) => imageFieldsOf(definition, data).map((field) => data[field.key] as string));
  if (ids.length === 0) return designs.map(() => ({}));
  const facts = await loadAssetFacts(db, workspaceId, [...new Set(ids)]);
  return designs.map(({ definition, data }) => checkWith(facts, definition, data).problems);
}

/** The object schema under optional/nullable wrappers, if any. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current instanceof z.ZodObject ? (current.shape as Record<string, z.ZodType>) : undefined;
}

/** Keeps the keys a schema knows, recursively through objects (a template gets only what it declares). */
function pickKnown(schema: z.ZodType, value: Record<string, unknown>): Record<string, unknown> {
  const shape = objectShape(schema);
  if (!shape) return value;
  const picked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const inner = shape[key];
    if (!inner || item === undefined) continue;
    picked[key] = item && typeof item === 'object' && !Array.isArray(item) ? pickKnown(inner, item as Record<string, unknown>) : item;
  }
  return picked;
}

type Texts = Partial<Record<VisualLanguage, string>>;

/** `{ ar, fr }` from per-language values, or undefined when all are empty. */
function textsFrom(pick: (language: VisualLanguage) => string | undefined): Texts | undefined {
  const texts: Texts = {};
  for (const language of LANGUAGES) {
    const value = pick(language);
    if (value) texts[language] = value;
  }
  return Object.keys(texts).length > 0 ? texts : undefined;
}

/**
 * The partner strip of a variant: the strip of its language (both, merged, when bilingual) with
 * names in both languages, funders kept first when there are more entries than slots.
 */
function partnerEntries(kit: BrandKitForRender, variant: RenderVariant) {
  const languages: VisualLanguage[] = variant === 'bilingual' ? ['ar', 'fr'] : [variant];
  const entries = new Map<string, { id: string; role: 'partner' | 'funder'; name: Texts; logoFileId: string; mention: Texts }>();
  for (const language of languages) {
    for (const entry of kit.partnerStrips[language] ?? []) {
      const known = entries.get(entry.id) ?? { id: entry.id, role: entry.role, name: {}, logoFileId: entry.logoFileId, mention: {} };
      if (entry.name) known.name[language] = entry.name;
      if (entry.mention) known.mention[language] = entry.mention;
      entries.set(entry.id, known);
    }
  }
  const all = [...entries.values()];
  const funders = all.filter((entry) => entry.role === 'funder').slice(0, PARTNER_SLOTS_MAX);
  const partners = all.filter((entry) => entry.role === 'partner').slice(0, PARTNER_SLOTS_MAX - funders.length);
  return [...partners, ...funders];
}

export interface DesignRenderContext {
  readonly db: DbOrTransaction;
  readonly storage: FileStorage;
  readonly workspaceId: string;
}

/** Everything the template receives for a design: render data and image bytes per slot. */
export async function composeRenderRequest(
  context: DesignRenderContext,
  template: RegisteredTemplate,
  input: { definition: DesignTemplateDefinition; variant: RenderVariant; data: DesignData; assets: ReadonlyMap<string, DesignAssetRow> },
): Promise<RenderRequest> {
  const { db, storage, workspaceId } = context;
  const { definition, variant, data } = input;
  const [kit, workspace] = await Promise.all([brandKitForRender(db, workspaceId), findWorkspaceById(db, workspaceId)]);
  const digits = (workspace?.arabicDigits ?? 'latn') as ArabicDigits;
  const slots = new Set(Object.keys(template.manifest.assets ?? {}));

  const candidate: Record<string, unknown> = {};
  for (const field of definition.fields) {
    if (field.kind !== 'localizedText') continue;
    // A required text goes as `{}` when empty, so the renderer names the missing language (`title.ar`).
    candidate[field.key] = textsFrom((language) => (data[field.key] as Texts | undefined)?.[language]) ?? (field.required ? {} : undefined);
  }
  const dates = { date: data.date as string | null, startTime: data.startTime as string | null, endTime: data.endTime as string | null };
  const when = textsFrom((language) => wordedWhen(dates, language, digits));
  candidate.when = when;
  candidate.dateLine = textsFrom((language) => joinedLine((data.place as Texts | undefined)?.[language], when?.[language], language));
  candidate.brand = {
    primary: kit.colors.primary,
    secondary: kit.colors.secondary,
    accent: (data.accentColour as string | null | undefined) ?? kit.colors.accent,
    ink: kit.colors.text,
    paper: kit.colors.background,
  };
  candidate.fonts = kit.fonts;
  candidate.organisation = textsFrom((language) => pickLocalized(workspace?.name as LocalizedText, language)?.value);
  candidate.disclaimer = textsFrom((language) => kit.disclaimer[language]);

  const fileIds: Record<string, string> = {};
  const partnerSlotsDeclared = slots.has('partner-1');
  if (partnerSlotsDeclared) {
    const entries = partnerEntries(kit, variant);
    candidate.partners = entries.map((entry, index) => {
      fileIds[`partner-${index + 1}`] = entry.logoFileId;
      return { name: entry.name, role: entry.role, logo: `partner-${index + 1}` };
    });
    const funder = entries.find((entry) => entry.role === 'funder' && Object.keys(entry.mention).length > 0);
    candidate.supportLine = funder?.mention;
  }
  // A template with a slot for each background gets each logo; one with a single `logo` slot puts
  // it on its brand-colour band, so it gets the logo made for dark backgrounds first.
  const { light, dark } = kit.logos;
  if (slots.has('logo-on-dark')) {
    if (light) fileIds.logo = light.fileId;
    if (dark) fileIds['logo-on-dark'] = dark.fileId;
  } else if (slots.has('logo') && (dark ?? light)) {
    fileIds.logo = (dark ?? light)?.fileId as string;
  }

  const keys = new Map((await findFileKeys(db, workspaceId, Object.values(fileIds))).map((row) => [row.id, row.storageKey]));
  const assets: Record<string, Uint8Array> = {};
  const reads: Array<Promise<void>> = [];
  for (const [slot, fileId] of Object.entries(fileIds)) {
    const key = keys.get(fileId);
    if (key && slots.has(slot))
      reads.push(
        storage.get(key).then((bytes) => {
          assets[slot] = bytes;
        }),
      );
  }
  for (const field of definition.fields) {
    const row = input.assets.get(field.key);
    if (field.kind === 'image' && field.slot && row && slots.has(field.slot)) {
      const slot = field.slot;
      reads.push(
        storage.get(row.storageKey).then((bytes) => {
          assets[slot] = bytes;
        }),
      );
    }
  }
  await Promise.all(reads);
  return {
    template: template.manifest.name,
    variant,
    data: pickKnown(template.manifest.data, candidate),
    assets,
    format: 'svg',
    workspaceId,
  };
}
