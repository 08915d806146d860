import { describe, expect, it } from 'vitest';
import { translatorFor } from '../i18n.js';
import { localizeParams } from './error-handler.js';

describe('problem params', () => {
  it('words a `<name>Key` param in the reader’s language as `<name>`, keeping the key and what was already worded', () => {
    const params = { reasonKey: 'fieldErrors.SEGMENT_IN_USE', state: 'draft' };
    expect(localizeParams(params, translatorFor('ar'))).toEqual({
      reasonKey: 'fieldErrors.SEGMENT_IN_USE',
      reason: 'يستعمل عددٌ لم يُرسَل بعدُ هذه الشريحة: أزلها من ذلك العدد أولًا.',
      state: 'draft',
    });
    expect(translatorFor('fr')('errors.REFUSED_BY_RULE', localizeParams(params, translatorFor('fr')))).toBe(
      'Action refusée : Un numéro pas encore envoyé utilise ce segment : retirez-le de ce numéro d’abord.',
    );
    // A reason given in words wins; a key that is not text is left alone.
    expect(localizeParams({ reasonKey: 'fieldErrors.SEGMENT_IN_USE', reason: 'déjà dit' }, translatorFor('fr')).reason).toBe('déjà dit');
    expect(localizeParams({ countKey: 3 }, translatorFor('fr'))).toEqual({ countKey: 3 });
  });
});
