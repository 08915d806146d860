import { describe, expect, it } from 'vitest';
import { flattenNamespaces, loadCatalog, namespaceLoadersOf } from './catalog-loader.js';

describe('catalog loader', () => {
  it('flattens namespaces into <namespace>.<key> like the server', () => {
    expect(
      flattenNamespaces([
        ['directory', { 'field.name': 'Nom' }],
        ['web', { loading: 'Chargement…' }],
      ]),
    ).toEqual({
      'directory.field.name': 'Nom',
      'web.loading': 'Chargement…',
    });
  });

  it('keeps only the asked language among the discovered files', () => {
    const load = async () => ({});
    const loaders = namespaceLoadersOf(
      { '../../shared/i18n/ar/web.json': load, '../../shared/i18n/fr/web.json': load, '../../shared/i18n/ar/errors.json': load },
      'ar',
    );
    expect(loaders.map(([namespace]) => namespace)).toEqual(['errors', 'web']);
  });

  it('loads every namespace of a language, Arabic plurals included', async () => {
    const catalog = await loadCatalog('ar');
    expect(catalog['directory.field.name']).toBe('الاسم');
    expect(catalog['roles.admin']).toBeTruthy();
    expect(catalog['web.nav.organisations']).toBe('المنظمات');
    expect(catalog['directory.organisationCount']).toContain('two {');
  });

  it('gives the same keys in French, Arabic and English', async () => {
    const [fr, ar, en] = await Promise.all([loadCatalog('fr'), loadCatalog('ar'), loadCatalog('en')]);
    expect(Object.keys(ar).sort()).toEqual(Object.keys(fr).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
});
