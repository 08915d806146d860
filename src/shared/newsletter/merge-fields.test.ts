import { describe, expect, it } from 'vitest';
import { compileMergeTemplate, escapeHtml, mergeFieldsIn } from './merge-fields.js';

describe('merge fields', () => {
  it('fills values, uses the fallback when a value is empty, and escapes with the given escaper', () => {
    const fill = compileMergeTemplate('<p>مرحبا {{ name | صديقنا }} — {{attr.city|Tunis}} <a href="{{unsubscribe_url}}">x</a></p>');
    expect(fill({ name: 'سلمى <b>', 'attr.city': '', unsubscribe_url: 'https://e.test/u?a=1&b=2' }, escapeHtml)).toBe(
      '<p>مرحبا سلمى &lt;b&gt; — Tunis <a href="https://e.test/u?a=1&amp;b=2">x</a></p>',
    );
    expect(fill({}, escapeHtml)).toBe('<p>مرحبا صديقنا — Tunis <a href="">x</a></p>');
  });

  it('leaves text without fields untouched and lists the fields a template uses', () => {
    expect(compileMergeTemplate('no {fields} here')({ name: 'x' })).toBe('no {fields} here');
    expect(mergeFieldsIn('{{name|ami}} {{email}}')).toEqual([
      { name: 'name', fallback: 'ami' },
      { name: 'email', fallback: undefined },
    ]);
  });
});
