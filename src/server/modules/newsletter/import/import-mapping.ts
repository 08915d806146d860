/**
 * Column mapping: header names of Mailchimp ("Email Address", "First Name", "Last Name", "TAGS", "CC"
 * and its system columns), Brevo (EMAIL, FIRSTNAME/LASTNAME or PRENOM/NOM, SMS…) and listmonk
 * (email, name, attributes, status…) exports, and French and Arabic headers typed by hand, become a
 * suggested mapping; unknown columns become custom attributes. Pure functions.
 */
import { foldForSearch } from '../../../../shared/localized-text.js';
import type { ImportTarget } from '../../../../shared/newsletter/import-api.schema.js';
import { isPlausibleEmail } from '../../../../shared/newsletter/subscriber-identity.js';
import type { CsvRecord } from './csv-records.js';

/** Folded header → target (keys are folded with `foldHeader`). */
const HEADER_TARGETS: Record<string, ImportTarget> = {};

function alias(target: ImportTarget, names: string[]): void {
  for (const name of names) HEADER_TARGETS[foldHeader(name)] = target;
}

/** Lower case, accents and Arabic letter variants folded, separators as single spaces. */
export function foldHeader(header: string): string {
  return foldForSearch(header.replace(/^\uFEFF/, ''))
    .replace(/[_\-.:/\\*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

alias('email', [
  'email',
  'e-mail',
  'email address',
  'emailaddress',
  'email_address',
  'mail',
  'courriel',
  'adresse email',
  'adresse e-mail',
  'adresse mail',
  'adresse électronique',
  'البريد الإلكتروني',
  'البريد الالكتروني',
  'البريد',
  'الإيميل',
  'الايميل',
]);
alias('name', [
  'name',
  'full name',
  'fullname',
  'nom complet',
  'nom et prénom',
  'prénom et nom',
  'الاسم الكامل',
  'الاسم واللقب',
  'الإسم الكامل',
]);
alias('first_name', ['first name', 'firstname', 'fname', 'given name', 'prenom', 'prénom', 'الاسم الأول', 'الإسم', 'الاسم']);
alias('last_name', ['last name', 'lastname', 'lname', 'surname', 'family name', 'nom', 'nom de famille', 'اللقب', 'اسم العائلة', 'النسب']);
alias('language', ['language', 'languages', 'lang', 'preferred language', 'langue', 'langues', 'langue préférée', 'اللغة', 'لغة المراسلة']);
alias('country', ['country', 'country code', 'cc', 'pays', 'code pays', 'البلد', 'الدولة']);
alias('organisation', [
  'organisation',
  'organization',
  'company',
  'entreprise',
  'société',
  'structure',
  'association',
  'organisme',
  'المنظمة',
  'الجمعية',
  'المؤسسة',
  'الهيئة',
]);
alias('tags', ['tags', 'tag', 'étiquettes', 'étiquette', 'labels', 'الوسوم', 'الكلمات المفتاحية']);
alias('attributes', ['attributes', 'attribs']);
// Export bookkeeping of the tools we read, which means nothing here.
alias('ignore', [
  'member_rating',
  'optin_time',
  'optin_ip',
  'confirm_time',
  'confirm_ip',
  'latitude',
  'longitude',
  'gmtoff',
  'dstoff',
  'timezone',
  'region',
  'last_changed',
  'leid',
  'euid',
  'uuid',
  'id',
  'contact id',
  'status',
  'created_at',
  'updated_at',
  'added_time',
  'modified_time',
  'email_blacklisted',
  'sms_blacklisted',
  'unsubscribe_time',
  'clean_time',
  'campaign_title',
  'cleaned_campaign_title',
  'unsub_reason',
  'unsub_campaign_title',
]);

/** A custom attribute key from a header ("Phone Number" → phone_number); Arabic headers get `column_<n>`. */
export function attributeKeyFor(header: string, column: number): string {
  const key = foldHeader(header)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'c_$1')
    .slice(0, 40)
    .replace(/_+$/, '');
  return key ? key : `column_${column + 1}`;
}

/** The share of non-empty sample cells in each column that hold an address. */
function emailShare(rows: string[][], column: number): number {
  const values = rows.map((row) => (row[column] ?? '').trim()).filter((value) => value !== '');
  if (values.length === 0) return 0;
  return values.filter((value) => isPlausibleEmail(value)).length / values.length;
}

/** Whether the first row is data rather than a header: it already holds an address. */
export function isDataRow(cells: string[]): boolean {
  return cells.some((cell) => isPlausibleEmail(cell.trim()));
}

/** Whether the file's first record is its header (a broken first line counts as data when it holds an address). */
export function isHeaderRecord(record: CsvRecord): boolean {
  return record.kind === 'cells' ? !isDataRow(record.cells) : !/[^\s@,;"]+@[^\s@,;"]+\.[^\s@,;"]+/.test(record.raw);
}

/**
 * The suggested target of each column (index → target). Known headers first (each field once);
 * without a recognised email header, the column whose sample values are addresses.
 */
export function suggestMapping(headers: string[], sampleRows: string[][], hasHeaderRow: boolean): Record<string, ImportTarget> {
  const mapping: Record<string, ImportTarget> = {};
  const taken = new Set<ImportTarget>();
  const usedKeys = new Set<string>();
  headers.forEach((header, column) => {
    const known = hasHeaderRow ? HEADER_TARGETS[foldHeader(header)] : undefined;
    if (known && (known === 'ignore' || known === 'tags' || !taken.has(known))) {
      mapping[String(column)] = known;
      taken.add(known);
      return;
    }
    if (!hasHeaderRow || header.trim() === '') {
      mapping[String(column)] = 'ignore';
      return;
    }
    let key = attributeKeyFor(header, column);
    while (usedKeys.has(key)) key = `${key.slice(0, 36)}_${column + 1}`;
    usedKeys.add(key);
    mapping[String(column)] = `attribute:${key}`;
  });
  if (!taken.has('email')) {
    let best = -1;
    let bestShare = 0.5;
    headers.forEach((_, column) => {
      const share = emailShare(sampleRows, column);
      if (share > bestShare) {
        best = column;
        bestShare = share;
      }
    });
    if (best >= 0) mapping[String(best)] = 'email';
  }
  return mapping;
}
