/**
 * Catalogs are complete (STYLE G9): the same keys in every language and namespace, every message
 * parses as ICU, and every Arabic plural spells out all six forms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../languages.js';

const folder = path.dirname(fileURLToPath(import.meta.url));
const ARABIC_PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

function load(locale: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const file of readdirSync(path.join(folder, locale)).filter((name) => name.endsWith('.json'))) {
    out[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(folder, locale, file), 'utf8'));
  }
  return out;
}

function plurals(elements: MessageFormatElement[]): Array<{ options: string[] }> {
  const found: Array<{ options: string[] }> = [];
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      found.push({ options: Object.keys(element.options) });
      for (const option of Object.values(element.options)) found.push(...plurals(option.value));
    }
    if (element.type === TYPE.select) for (const option of Object.values(element.options)) found.push(...plurals(option.value));
    if (element.type === TYPE.tag) found.push(...plurals(element.children));
  }
  return found;
}

const catalogs = Object.fromEntries(UI_LOCALES.map((locale) => [locale, load(locale)]));

describe('catalogs', () => {
  it('have the same namespaces and keys in every language', () => {
    const reference = catalogs.fr as Record<string, Record<string, string>>;
    for (const locale of UI_LOCALES) {
      const catalog = catalogs[locale] as Record<string, Record<string, string>>;
      expect(Object.keys(catalog).sort(), locale).toEqual(Object.keys(reference).sort());
      for (const namespace of Object.keys(reference)) {
        expect(Object.keys(catalog[namespace] ?? {}).sort(), `${locale}/${namespace}`).toEqual(
          Object.keys(reference[namespace] ?? {}).sort(),
        );
      }
    }
  });

  it('parse as ICU messages with no empty value', () => {
    for (const locale of UI_LOCALES) {
      for (const [namespace, entries] of Object.entries(catalogs[locale] as Record<string, Record<string, string>>)) {
        for (const [key, message] of Object.entries(entries)) {
          expect(message.trim(), `${locale}/${namespace}.${key}`).not.toBe('');
          expect(() => parse(message), `${locale}/${namespace}.${key}`).not.toThrow();
        }
      }
    }
  });

  it('give every Arabic plural its six forms', () => {
    let checked = 0;
    for (const [namespace, entries] of Object.entries(catalogs.ar as Record<string, Record<string, string>>)) {
      for (const [key, message] of Object.entries(entries)) {
        for (const plural of plurals(parse(message))) {
          checked += 1;
          const categories = plural.options.filter((option) => !option.startsWith('='));
          expect(categories.sort(), `ar/${namespace}.${key}`).toEqual([...ARABIC_PLURAL_FORMS].sort());
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
