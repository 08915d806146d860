import { describe, expect, it } from 'vitest';
import { compileVariant, fillVariant, mergeValuesOf } from './message-template.js';

const variant = {
  subject: 'مرحباً {{first_name|صديقنا}}',
  html:
    '<html><body><p>Bonjour {{name}} — {{attr.city|ville}}</p><a href="https://ex.org/a?x=1&amp;y=2">A</a>' +
    '<a href=\'http://ex.org/b?e={{email}}\'>B</a><a href="mailto:x@ex.org">M</a><a href="{{unsubscribe_url}}">U</a></body></html>',
  text: 'Bonjour {{name}} {{unsubscribe_url}}',
};

const values = mergeValuesOf(
  { email: 'hind@ex.org', name: 'Hind <b>Ben Ali</b>', country: 'TN', organisation: 'Nakhil', attributes: { city: 'صفاقس' } },
  {
    unsubscribeUrl: 'https://app.test/n/unsubscribe/tok',
    preferencesUrl: 'https://app.test/n/preferences/p',
    archiveUrl: 'https://app.test/newsletter/archive',
  },
);

describe('filling a compiled variant', () => {
  it('escapes subscriber values in the HTML part only, and keeps fallbacks', () => {
    const filled = fillVariant(compileVariant(variant, { trackClicks: false, trackOpens: false }), values);
    expect(filled.subject).toBe('مرحباً Hind');
    expect(filled.html).toContain('<p>Bonjour Hind &lt;b&gt;Ben Ali&lt;/b&gt; — صفاقس</p>');
    expect(filled.text).toBe('Bonjour Hind <b>Ben Ali</b> https://app.test/n/unsubscribe/tok');
    expect(filled.html).toContain('href="https://app.test/n/unsubscribe/tok"');
  });

  it('wraps http(s) links in click URLs (targets decoded and personalised), not mailto nor our own links, and adds the pixel', () => {
    const compiled = compileVariant(variant, { trackClicks: true, trackOpens: true });
    expect(compiled.links).toHaveLength(2);
    const targets: string[] = [];
    const filled = fillVariant(compiled, values, {
      clickUrl: (target) => {
        targets.push(target);
        return `https://app.test/n/click/${targets.length}?a=1&b=2`;
      },
      openPixelUrl: 'https://app.test/n/open/o',
    });
    expect(targets).toEqual(['https://ex.org/a?x=1&y=2', 'http://ex.org/b?e=hind@ex.org']);
    expect(filled.html).toContain('href="https://app.test/n/click/1?a=1&amp;b=2"');
    expect(filled.html).toContain("href='https://app.test/n/click/2?a=1&amp;b=2'");
    expect(filled.html).toContain('href="mailto:x@ex.org"');
    expect(filled.html).toContain('href="https://app.test/n/unsubscribe/tok"');
    expect(filled.html).toMatch(/<img src="https:\/\/app\.test\/n\/open\/o"[^>]*\/><\/body>/);
  });

  it('never lets a value carry a merge field or a line break into the subject', () => {
    const sneaky = { ...values, first_name: '{{unsubscribe_url}}\r\nBcc: x@ex.org' };
    const filled = fillVariant(compileVariant(variant, { trackClicks: false, trackOpens: false }), sneaky);
    expect(filled.subject).toBe('مرحباً {{unsubscribe_url}} Bcc: x@ex.org');
  });
});
