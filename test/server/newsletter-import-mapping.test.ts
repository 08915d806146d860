/**
 * Import mapping: headers of Mailchimp, Brevo and listmonk exports (and French and Arabic headers
 * typed by hand) are recognised; rows become candidates or say why they cannot.
 */
import { describe, expect, it } from 'vitest';
import { attributeKeyFor, isDataRow, suggestMapping } from '../../src/server/modules/newsletter/import/import-mapping.js';
import { compileMapping, parseCountry, parseLanguages, readRow } from '../../src/server/modules/newsletter/import/import-row.js';
import { ImportMappingSchema } from '../../src/shared/newsletter/import-api.schema.js';

/** Mailchimp's audience export (subscribed members). */
const MAILCHIMP = [
  'Email Address',
  'First Name',
  'Last Name',
  'Address',
  'Phone Number',
  'MEMBER_RATING',
  'OPTIN_TIME',
  'OPTIN_IP',
  'CONFIRM_TIME',
  'CONFIRM_IP',
  'LATITUDE',
  'LONGITUDE',
  'GMTOFF',
  'DSTOFF',
  'TIMEZONE',
  'CC',
  'REGION',
  'LAST_CHANGED',
  'LEID',
  'EUID',
  'NOTES',
  'TAGS',
];

describe('suggested mapping', () => {
  it('maps a Mailchimp export', () => {
    const mapping = suggestMapping(MAILCHIMP, [], true);
    expect(mapping).toMatchObject({
      '0': 'email',
      '1': 'first_name',
      '2': 'last_name',
      '3': 'attribute:address',
      '4': 'attribute:phone_number',
      '5': 'ignore',
      '6': 'ignore',
      '15': 'country',
      '19': 'ignore',
      '20': 'attribute:notes',
      '21': 'tags',
    });
  });

  it('maps Brevo exports of French and English accounts', () => {
    expect(suggestMapping(['EMAIL', 'PRENOM', 'NOM', 'SMS', 'EXT_ID'], [], true)).toEqual({
      '0': 'email',
      '1': 'first_name',
      '2': 'last_name',
      '3': 'attribute:sms',
      '4': 'attribute:ext_id',
    });
    expect(suggestMapping(['CONTACT ID', 'EMAIL', 'FIRSTNAME', 'LASTNAME', 'ADDED_TIME'], [], true)).toEqual({
      '0': 'ignore',
      '1': 'email',
      '2': 'first_name',
      '3': 'last_name',
      '4': 'ignore',
    });
  });

  it('maps a listmonk export', () => {
    expect(suggestMapping(['uuid', 'email', 'name', 'attributes', 'status', 'created_at', 'updated_at'], [], true)).toEqual({
      '0': 'ignore',
      '1': 'email',
      '2': 'name',
      '3': 'attributes',
      '4': 'ignore',
      '5': 'ignore',
      '6': 'ignore',
    });
  });

  it('maps French and Arabic headers, and our own export', () => {
    expect(suggestMapping(['Courriel', 'Prénom', 'Nom', 'Langue', 'Pays', 'Organisation', 'Étiquettes'], [], true)).toEqual({
      '0': 'email',
      '1': 'first_name',
      '2': 'last_name',
      '3': 'language',
      '4': 'country',
      '5': 'organisation',
      '6': 'tags',
    });
    expect(suggestMapping(['البريد الإلكتروني', 'الاسم الكامل', 'اللغة', 'البلد', 'الجمعية', 'المدينة'], [], true)).toEqual({
      '0': 'email',
      '1': 'name',
      '2': 'language',
      '3': 'country',
      '4': 'organisation',
      '5': 'attribute:column_6',
    });
    expect(
      suggestMapping(['email', 'name', 'languages', 'country', 'organisation', 'tags', 'status', 'created_at', 'attributes'], [], true),
    ).toEqual({
      '0': 'email',
      '1': 'name',
      '2': 'language',
      '3': 'country',
      '4': 'organisation',
      '5': 'tags',
      '6': 'ignore',
      '7': 'ignore',
      '8': 'attributes',
    });
  });

  it('finds the address column by its values when no header names it, and files without a header', () => {
    expect(
      suggestMapping(
        ['Contact', 'Adresse de contact'],
        [
          ['Sara', 'sara@example.org'],
          ['Nour', 'nour@example.org'],
        ],
        true,
      ),
    ).toEqual({
      '0': 'attribute:contact',
      '1': 'email',
    });
    expect(isDataRow(['sara@example.org', 'Sara'])).toBe(true);
    expect(isDataRow(['email', 'name'])).toBe(false);
    expect(suggestMapping(['', ''], [['Sara', 'sara@example.org']], false)).toEqual({ '0': 'ignore', '1': 'email' });
  });

  it('makes attribute keys merge fields can name', () => {
    expect(attributeKeyFor('Ville / Wilaya', 2)).toBe('ville_wilaya');
    expect(attributeKeyFor('2e adresse', 0)).toBe('c_2e_adresse');
    expect(attributeKeyFor('المدينة', 4)).toBe('column_5');
  });

  it('validates a mapping: one email column, each field once', () => {
    expect(ImportMappingSchema.safeParse({ '0': 'email', '1': 'tags', '2': 'tags', '3': 'attribute:city' }).success).toBe(true);
    expect(ImportMappingSchema.safeParse({ '0': 'name' }).error?.issues[0]?.message).toBe('EMAIL_COLUMN_REQUIRED');
    expect(ImportMappingSchema.safeParse({ '0': 'email', '1': 'name', '2': 'name' }).error?.issues[0]?.message).toBe('DUPLICATE_TARGET');
    expect(ImportMappingSchema.safeParse({ '0': 'email', '1': 'attribute:Ville' }).success).toBe(false);
  });
});

describe('rows', () => {
  const mapping = compileMapping({
    '0': 'email',
    '1': 'first_name',
    '2': 'last_name',
    '3': 'language',
    '4': 'country',
    '5': 'tags',
    '6': 'attribute:city',
    '7': 'organisation',
  });

  it('reads a row: names joined, language and country understood, tags split', () => {
    expect(
      readRow(
        [' Mohamed.BenAli@Example.MA ', 'محمد', 'بن علي', 'العربية والفرنسية', 'Maroc', 'jeunes; Rabat,jeunes', 'الرباط', ''],
        mapping,
      ),
    ).toEqual({
      ok: true,
      candidate: {
        email: 'Mohamed.BenAli@Example.MA',
        emailNormalized: 'mohamed.benali@example.ma',
        name: 'محمد بن علي',
        languages: ['ar', 'fr'],
        country: 'MA',
        organisationName: null,
        tags: ['jeunes', 'Rabat'],
        attributes: { city: 'الرباط' },
      },
    });
  });

  it('drops values it does not understand rather than the row', () => {
    const outcome = readRow(['sara@example.org', 'Sara', '', 'klingon', 'Atlantide', '', '', ''], mapping);
    expect(outcome.ok && outcome.candidate).toMatchObject({ name: 'Sara', languages: null, country: null });
  });

  it('says why a row cannot be imported', () => {
    expect(readRow(['', 'Sara', 'Idrissi'], mapping)).toEqual({ ok: false, reason: 'EMAIL_MISSING', value: ' | Sara | Idrissi' });
    expect(readRow(['sara@@example', 'Sara'], mapping)).toEqual({ ok: false, reason: 'EMAIL_INVALID', value: 'sara@@example' });
    expect(readRow(['sara@example.org', 'S'.repeat(300)], mapping)).toMatchObject({ ok: false, reason: 'VALUE_TOO_LONG' });
    const listmonk = compileMapping({ '0': 'email', '1': 'attributes' });
    expect(readRow(['sara@example.org', '{"city": "Sfax", "projects": ["eau"], "age": 31}'], listmonk)).toMatchObject({
      ok: true,
      candidate: { attributes: { city: 'Sfax', projects: '["eau"]', age: '31' } },
    });
    expect(readRow(['sara@example.org', '{city: Sfax'], listmonk)).toEqual({
      ok: false,
      reason: 'ATTRIBUTES_INVALID',
      value: '{city: Sfax',
    });
  });

  it('keeps a formula in a name as text', () => {
    const outcome = readRow(['eve@example.org', '=HYPERLINK("http://evil.example","x")', ''], mapping);
    expect(outcome.ok && outcome.candidate.name).toBe('=HYPERLINK("http://evil.example","x")');
  });

  it('understands languages and countries written in several ways', () => {
    expect(parseLanguages('fr-FR')).toEqual(['fr']);
    expect(parseLanguages('Arabe, Français')).toEqual(['ar', 'fr']);
    expect(parseLanguages('les deux')).toEqual(['ar', 'fr']);
    expect(parseLanguages('الفرنسية')).toEqual(['fr']);
    expect(parseLanguages('')).toBeNull();
    expect(parseCountry('tn')).toBe('TN');
    expect(parseCountry('Algérie')).toBe('DZ');
    expect(parseCountry('الجزائر')).toBe('DZ');
    expect(parseCountry('Tunisia')).toBe('TN');
    expect(parseCountry('Nowhere')).toBeNull();
  });
});
