/**
 * Merge fields: `{{name}}`, `{{name|ami·e}}` (fallback after the bar), `{{attr.city|Tunis}}`, and the
 * links the sending engine fills per recipient (`{{unsubscribe_url}}`, `{{preferences_url}}`).
 * A template is compiled once per issue variant and filled per recipient, so a send of 100,000
 * messages never re-parses 20 KB of HTML. Values are escaped by the caller's escaper (HTML or none).
 */

const FIELD = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_.-]*)\s*(?:\|([^}]*))?\}\}/g;

/** Fields every subscriber has, besides `attr.<key>` and the per-message links. */
export const MERGE_FIELDS = ['name', 'first_name', 'email', 'country', 'organisation'] as const;
export const LINK_FIELDS = ['unsubscribe_url', 'preferences_url', 'archive_url'] as const;

export type MergeValues = Readonly<Record<string, string | undefined>>;
export type CompiledTemplate = (values: MergeValues, escapeValue?: (value: string) => string) => string;

const identity = (value: string) => value;

export function escapeHtml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Compiles `template`; the result fills fields with `values` (empty → fallback → ''). */
export function compileMergeTemplate(template: string): CompiledTemplate {
  const literals: string[] = [];
  const fields: Array<{ name: string; fallback: string }> = [];
  let last = 0;
  for (const match of template.matchAll(FIELD)) {
    literals.push(template.slice(last, match.index));
    fields.push({ name: match[1] as string, fallback: (match[2] ?? '').trim() });
    last = match.index + match[0].length;
  }
  literals.push(template.slice(last));
  return (values, escapeValue = identity) => {
    let out = literals[0] as string;
    for (let index = 0; index < fields.length; index += 1) {
      const field = fields[index] as { name: string; fallback: string };
      const value = values[field.name]?.trim();
      out += escapeValue(value ? value : field.fallback) + (literals[index + 1] as string);
    }
    return out;
  };
}

/** The merge fields a template uses (composer warnings: unknown field, no fallback). */
export function mergeFieldsIn(template: string): Array<{ name: string; fallback: string | undefined }> {
  return [...template.matchAll(FIELD)].map((match) => ({ name: match[1] as string, fallback: match[2]?.trim() }));
}
