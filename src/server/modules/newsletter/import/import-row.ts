/**
 * One CSV row → one subscriber candidate, or the reason it cannot be one. Optional values that mean
 * nothing here (an unknown language or country) are dropped rather than costing the person their
 * row; values too long, a missing or invalid address and unreadable attributes are row errors.
 */

import { LIMITS } from '../../../../shared/limits.js';
import { foldForSearch } from '../../../../shared/localized-text.js';
import {
  IMPORT_ATTRIBUTE_PREFIX,
  ImportLimits,
  type ImportMapping,
  type ImportRowReason,
} from '../../../../shared/newsletter/import-api.schema.js';
import { isPlausibleEmail, normalizeEmail } from '../../../../shared/newsletter/subscriber-identity.js';
import { attributeKeyFor } from './import-mapping.js';

export interface ImportCandidate {
  /** As written in the file (trimmed). */
  email: string;
  emailNormalized: string;
  /** null: the file says nothing (an existing subscriber keeps theirs). */
  name: string | null;
  languages: string[] | null;
  country: string | null;
  organisationName: string | null;
  tags: string[];
  attributes: Record<string, string>;
}

export type RowOutcome = { ok: true; candidate: ImportCandidate } | { ok: false; reason: ImportRowReason; value: string };

/** The mapping as column indexes, resolved once per import. */
export interface CompiledMapping {
  email: number;
  name?: number;
  firstName?: number;
  lastName?: number;
  language?: number;
  country?: number;
  organisation?: number;
  tags: number[];
  attributesJson?: number;
  attributes: Array<{ column: number; key: string }>;
}

export function compileMapping(mapping: ImportMapping): CompiledMapping {
  const compiled: CompiledMapping = { email: -1, tags: [], attributes: [] };
  for (const [key, target] of Object.entries(mapping)) {
    const column = Number(key);
    if (target.startsWith(IMPORT_ATTRIBUTE_PREFIX)) compiled.attributes.push({ column, key: target.slice(IMPORT_ATTRIBUTE_PREFIX.length) });
    else if (target === 'email') compiled.email = column;
    else if (target === 'name') compiled.name = column;
    else if (target === 'first_name') compiled.firstName = column;
    else if (target === 'last_name') compiled.lastName = column;
    else if (target === 'language') compiled.language = column;
    else if (target === 'country') compiled.country = column;
    else if (target === 'organisation') compiled.organisation = column;
    else if (target === 'tags') compiled.tags.push(column);
    else if (target === 'attributes') compiled.attributesJson = column;
  }
  return compiled;
}

const LANGUAGE_WORDS: Record<string, string[]> = {
  ar: ['ar', 'ara', 'arabe', 'arabic', 'العربية', 'عربي', 'عربية'],
  fr: ['fr', 'fra', 'fre', 'français', 'french', 'الفرنسية', 'فرنسي', 'فرنسية'],
  en: ['en', 'eng', 'anglais', 'english', 'الإنجليزية', 'إنجليزي', 'الإنكليزية'],
};
const BOTH_WORDS = new Set(['both', 'les deux', 'bilingue', 'bilingual', 'كلاهما', 'اللغتان', 'اللغتين'].map(foldForSearch));
const LANGUAGE_OF = new Map(
  Object.entries(LANGUAGE_WORDS).flatMap(([code, words]) => words.map((word) => [foldForSearch(word), code] as const)),
);

/** "ar", "Arabe", "العربية", "fr-FR", "ar, fr", "les deux" → content languages; unknown → null. */
export function parseLanguages(value: string): string[] | null {
  const folded = foldForSearch(value);
  if (folded === '') return null;
  if (BOTH_WORDS.has(folded)) return ['ar', 'fr'];
  const languages: string[] = [];
  for (const token of folded.split(/\s*(?:[,;|/+&]|\bet\b|\band\b)\s*|\s+و\s*/)) {
    const code = LANGUAGE_OF.get(token) ?? LANGUAGE_OF.get(token.split(/[-_]/)[0] ?? '');
    if (code && !languages.includes(code)) languages.push(code);
  }
  return languages.length > 0 ? languages : null;
}

const COUNTRY_WORDS: Record<string, string[]> = {
  MA: ['maroc', 'morocco', 'المغرب', 'المملكة المغربية'],
  TN: ['tunisie', 'tunisia', 'تونس'],
  DZ: ['algérie', 'algeria', 'الجزائر'],
  FR: ['france', 'فرنسا'],
  MR: ['mauritanie', 'mauritania', 'موريتانيا'],
  LY: ['libye', 'libya', 'ليبيا'],
  EG: ['égypte', 'egypt', 'مصر'],
  LB: ['liban', 'lebanon', 'لبنان'],
  BE: ['belgique', 'belgium', 'بلجيكا'],
  ES: ['espagne', 'spain', 'إسبانيا'],
  IT: ['italie', 'italy', 'إيطاليا'],
  CH: ['suisse', 'switzerland', 'سويسرا'],
  SN: ['sénégal', 'senegal', 'السنغال'],
  CA: ['canada', 'كندا'],
};
const COUNTRY_OF = new Map(
  Object.entries(COUNTRY_WORDS).flatMap(([code, words]) => words.map((word) => [foldForSearch(word), code] as const)),
);

/** "MA", "ma", "Maroc", "المغرب" → ISO 3166-1 alpha-2; unknown → null. */
export function parseCountry(value: string): string | null {
  const folded = foldForSearch(value);
  if (/^[a-z]{2}$/.test(folded)) return folded.toUpperCase();
  return COUNTRY_OF.get(folded) ?? null;
}

function clip(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

function tooLong(value: string): RowOutcome {
  return { ok: false, reason: 'VALUE_TOO_LONG', value: clip(value) };
}

/** Splits a tags cell ("a, b; c | d"). */
export function splitTags(value: string): string[] {
  return value
    .split(/[,;|]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** listmonk's `attributes` column: a JSON object; nested values are kept as JSON text. */
function parseAttributesJson(value: string): Record<string, string> | undefined {
  if (value.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const attributes: Record<string, string> = {};
  Object.entries(parsed as Record<string, unknown>).forEach(([key, item], index) => {
    if (item === null || item === undefined || item === '') return;
    attributes[attributeKeyFor(key, index)] =
      typeof item === 'string' ? item : typeof item === 'object' ? JSON.stringify(item) : String(item);
  });
  return attributes;
}

const cell = (cells: string[], column: number | undefined) => (column === undefined ? '' : (cells[column] ?? '').trim());

/** Reads one row with the compiled mapping. */
export function readRow(cells: string[], mapping: CompiledMapping): RowOutcome {
  const email = cell(cells, mapping.email).replace(/^mailto:/i, '');
  if (email === '') return { ok: false, reason: 'EMAIL_MISSING', value: clip(cells.join(' | ')) };
  if (!isPlausibleEmail(email)) return { ok: false, reason: 'EMAIL_INVALID', value: clip(email) };

  const fullName = cell(cells, mapping.name);
  const joined = [cell(cells, mapping.firstName), cell(cells, mapping.lastName)].filter((part) => part !== '').join(' ');
  const name = fullName || joined;
  if (name.length > LIMITS.nameLength) return tooLong(name);
  const organisation = cell(cells, mapping.organisation);
  if (organisation.length > ImportLimits.valueLength) return tooLong(organisation);

  const tags: string[] = [];
  for (const column of mapping.tags) {
    for (const tag of splitTags(cell(cells, column))) {
      if (tag.length > ImportLimits.tagLength) return tooLong(tag);
      if (!tags.includes(tag)) tags.push(tag);
    }
  }

  let attributes: Record<string, string> = {};
  if (mapping.attributesJson !== undefined) {
    const parsed = parseAttributesJson(cell(cells, mapping.attributesJson));
    if (!parsed) return { ok: false, reason: 'ATTRIBUTES_INVALID', value: clip(cell(cells, mapping.attributesJson)) };
    attributes = parsed;
  }
  for (const { column, key } of mapping.attributes) {
    const value = cell(cells, column);
    if (value === '') continue;
    if (value.length > LIMITS.shortTextLength) return tooLong(value);
    attributes[key] = value;
  }
  for (const value of Object.values(attributes)) if (value.length > LIMITS.shortTextLength) return tooLong(value);

  return {
    ok: true,
    candidate: {
      email,
      emailNormalized: normalizeEmail(email),
      name: name === '' ? null : name,
      languages: mapping.language === undefined ? null : parseLanguages(cell(cells, mapping.language)),
      country: mapping.country === undefined ? null : parseCountry(cell(cells, mapping.country)),
      organisationName: organisation === '' ? null : organisation,
      tags,
      attributes,
    },
  };
}
