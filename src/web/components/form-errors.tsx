/**
 * Errors shown where they belong (STYLE G7): field messages next to the field concerned (paths like
 * `name`, `name.ar.value`, `email`), the general message in an alert. Client-side checks use the
 * same zod schemas and the same codes as the server, so both speak the same words.
 */
import { Alert } from '@mantine/core';
import type { z } from 'zod';
import type { Translate } from '../../shared/i18n/translator.js';
import { ApiError } from '../api/api-client.js';
import { useT } from '../i18n/i18n-context.js';

/** Field path → message. */
export type FieldMessages = Record<string, string>;

const ZOD_CODE_TO_FIELD_CODE: Record<string, string> = {
  invalid_type: 'REQUIRED',
  too_big: 'TOO_LONG',
  too_small: 'TOO_SHORT',
  invalid_format: 'INVALID_FORMAT',
  invalid_value: 'INVALID_VALUE',
};

/** The field messages of a server error. */
export function fieldsFromApiError(error: unknown): FieldMessages {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.fields).map(([path, field]) => [path, field.message]));
}

/** The field messages of a failed client-side parse; our schemas put an UPPER_SNAKE code in `message`. */
export function fieldsFromZod(error: z.ZodError, t: Translate): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    const code = /^[A-Z_]+$/.test(issue.message) ? issue.message : (ZOD_CODE_TO_FIELD_CODE[issue.code] ?? 'INVALID_VALUE');
    fields[path] ??= t(`fieldErrors.${code}`);
  }
  return fields;
}

/** Errors of one LocalizedText field per language (`name.ar.value` or `name.ar` → `ar`). */
export function languageErrorsOf(fields: FieldMessages, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = path.match(new RegExp(`^${field}\\.([a-z]{2})(?:\\.|$)`));
    if (match?.[1]) out[match[1]] ??= message;
  }
  return out;
}

/** The words of any error, in the interface language: our catalog by code (problem codes, then better-auth's own codes). */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    for (const key of [`errors.${error.code}`, `web.authError.${error.code}`]) {
      const text = t(key, error.params);
      if (text !== key) return text;
    }
  }
  return t('errors.INTERNAL');
}

/** The general message of a failed request, in an alert (nothing when there is no error). */
export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={t('web.error.title')}>
      {errorMessage(error, t)}
    </Alert>
  );
}
