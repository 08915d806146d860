/** The composed message of a post: order, isolates where needed, hashtags per language, Arabic untouched. */
import { describe, expect, it } from 'vitest';
import {
  type ComposablePost,
  composeFirstComment,
  composeMessage,
  countGraphemes,
  FSI,
  firstStrongDirection,
  LRI,
  normalizeForFingerprint,
  PDI,
  publicationTargets,
  RLI,
} from '../../src/shared/social/compose-message.js';
import { characterIssues, SOCIAL_POST_LIMITS } from '../../src/shared/social/posts.schema.js';

const AR = 'ينظم اتحاد AlterMed ورشة حول الاقتصاد التضامني في صفاقس يوم 12 ماي.\nالدعوة مفتوحة للجميع!';
const FR = 'AlterMed organise un atelier sur l’économie solidaire à Sfax le 12 mai.\nEntrée libre !';

function post(overrides: Partial<ComposablePost> = {}): ComposablePost {
  return {
    languageMode: 'together',
    text: { ar: { value: AR }, fr: { value: FR } },
    hashtags: { ar: ['الاقتصاد_التضامني', 'صفاقس'], fr: ['ESS', 'Sfax'] },
    ...overrides,
  };
}

const strip = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

describe('composeMessage, together', () => {
  it('puts the languages in the workspace order, Arabic first, separated by a blank line', () => {
    const message = composeMessage(post(), 'together', ['ar', 'fr']);
    const [arabic, french] = strip(message).split('\n\n#الاقتصاد_التضامني #صفاقس\n\n');
    expect(arabic).toBe(AR);
    expect(french).toBe(`${FR}\n\n#ESS #Sfax`);
  });

  it('follows the other order when the workspace puts French first', () => {
    const message = strip(composeMessage(post(), 'together', ['fr', 'ar']));
    expect(message.indexOf('AlterMed organise')).toBe(0);
    expect(message.indexOf('ينظم')).toBeGreaterThan(message.indexOf('#Sfax'));
  });

  it('isolates each French line of an Arabic-first post with FSI…PDI and leaves the Arabic lines bare', () => {
    const lines = composeMessage(post(), 'together', ['ar', 'fr']).split('\n');
    expect(lines[0]).toBe('ينظم اتحاد AlterMed ورشة حول الاقتصاد التضامني في صفاقس يوم 12 ماي.');
    expect(lines[1]).toBe('الدعوة مفتوحة للجميع!');
    expect(lines).toContain(`${FSI}AlterMed organise un atelier sur l’économie solidaire à Sfax le 12 mai.${PDI}`);
    expect(lines).toContain(`${FSI}Entrée libre !${PDI}`);
    expect(lines).toContain(`${FSI}#ESS #Sfax${PDI}`);
    // Blank separator lines stay blank (no isolate around nothing).
    expect(lines.filter((line) => line === '')).toHaveLength(3);
  });

  it('isolates the Arabic lines of a French-first post', () => {
    const lines = composeMessage(post(), 'together', ['fr', 'ar']).split('\n');
    expect(lines[0]).toBe('AlterMed organise un atelier sur l’économie solidaire à Sfax le 12 mai.');
    expect(lines).toContain(`${FSI}الدعوة مفتوحة للجميع!${PDI}`);
  });

  it('uses the explicit isolate when the first letter would make a reader guess the wrong direction', () => {
    const arabicStartingLatin = post({ text: { ar: { value: 'AlterMed تنظم ورشة.' }, fr: { value: 'Atelier.' } }, hashtags: {} });
    const arFirst = composeMessage(arabicStartingLatin, 'together', ['ar', 'fr']).split('\n');
    expect(arFirst[0]).toBe(`${RLI}AlterMed تنظم ورشة.${PDI}`);
    const frenchStartingArabic = post({ text: { ar: { value: 'ورشة.' }, fr: { value: 'صفاقس accueille l’atelier.' } }, hashtags: {} });
    const frFirstLine = composeMessage(frenchStartingArabic, 'together', ['ar', 'fr']).split('\n').at(-1);
    expect(frFirstLine).toBe(`${LRI}صفاقس accueille l’atelier.${PDI}`);
  });

  it('leaves lines without letters (dates, emoji) of the first language alone', () => {
    const message = composeMessage(post({ text: { ar: { value: '12/05 — 18:00 🎉\nورشة' } }, hashtags: {} }), 'together', ['ar', 'fr']);
    expect(message).toBe('12/05 — 18:00 🎉\nورشة');
  });

  it('keeps the Arabic text byte for byte: diacritics, tatweel, Arabic digits, presentation of letters', () => {
    const vocalized = 'السَّلَامُ عَلَيْكُمْ — مـــرحبا بكم يوم ١٢ ماي في «صفاقس»؛ ﻻ تفوتوا الموعد.';
    const message = composeMessage(post({ text: { ar: { value: vocalized }, fr: { value: 'Bonjour.' } } }), 'together', ['ar', 'fr']);
    expect(message.startsWith(vocalized)).toBe(true);
    expect(message.split('\n')[0]).toBe(vocalized);
  });

  it('skips a language without text and composes the rest', () => {
    const message = composeMessage(post({ text: { ar: { value: '' }, fr: { value: 'Seulement en français.' } } }), 'together', [
      'ar',
      'fr',
    ]);
    expect(message).toBe('Seulement en français.\n\n#ESS #Sfax');
  });
});

describe('composeMessage, per language', () => {
  it('gives one publication per written language, each with its own hashtags and no other language', () => {
    const perLanguage = post({ languageMode: 'per_language' });
    expect(publicationTargets(perLanguage, ['ar', 'fr'])).toEqual(['ar', 'fr']);
    expect(composeMessage(perLanguage, 'ar', ['ar', 'fr'])).toBe(`${AR}\n\n#الاقتصاد_التضامني #صفاقس`);
    expect(composeMessage(perLanguage, 'fr', ['ar', 'fr'])).toBe(`${FR}\n\n#ESS #Sfax`);
  });

  it('together mode publishes once; a post with no text publishes nothing', () => {
    expect(publicationTargets(post(), ['ar', 'fr'])).toEqual(['together']);
    expect(publicationTargets(post({ text: {} }), ['ar', 'fr'])).toEqual([]);
    expect(composeMessage(post({ text: {} }), 'together', ['ar', 'fr'])).toBe('');
  });

  it('isolates a Latin hashtag line in an Arabic post so its # stays in front', () => {
    const message = composeMessage(post({ languageMode: 'per_language', hashtags: { ar: ['AlterMed', 'صفاقس'] } }), 'ar', ['ar', 'fr']);
    expect(message.split('\n').at(-1)).toBe(`${RLI}#AlterMed #صفاقس${PDI}`);
  });

  it('accepts hashtags typed with their #', () => {
    expect(composeMessage(post({ languageMode: 'per_language', hashtags: { fr: ['#ESS', '##Sfax'] } }), 'fr', ['ar', 'fr'])).toBe(
      `${FR}\n\n#ESS #Sfax`,
    );
  });
});

describe('first comment', () => {
  it('composes like the message, without hashtags, and is empty when there is none', () => {
    const withComment = post({ firstComment: { ar: { value: 'التسجيل عبر الرابط' }, fr: { value: 'Inscription par le lien' } } });
    expect(composeFirstComment(withComment, 'together', ['ar', 'fr'])).toBe(`التسجيل عبر الرابط\n\n${FSI}Inscription par le lien${PDI}`);
    expect(composeFirstComment(withComment, 'fr', ['ar', 'fr'])).toBe('Inscription par le lien');
    expect(composeFirstComment(post(), 'together', ['ar', 'fr'])).toBe('');
  });
});

describe('directions, counts and fingerprints', () => {
  it('reads the first strong letter, skipping isolated runs and neutral characters', () => {
    expect(firstStrongDirection('12 — « AlterMed »')).toBe('ltr');
    expect(firstStrongDirection('١٢ – صفاقس')).toBe('rtl');
    expect(firstStrongDirection(`${LRI}AlterMed${PDI} تنظم`)).toBe('rtl');
    expect(firstStrongDirection('12:00 🎉')).toBeUndefined();
  });

  it('counts what a reader sees: an emoji family or a vowelled letter is one character, as Intl.Segmenter does', () => {
    expect(countGraphemes('👨‍👩‍👧‍👦')).toBe(1);
    expect(countGraphemes('سَلَام')).toBe(4);
    expect(countGraphemes('é')).toBe(1);
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const samples = ['سَلَامٌ عَلَيْكُمْ', 'e\u0301té', '👍🏽🇲🇦🇫🇷', 'a\r\nb', 'لا\u200Dب', '#️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'ﻻ ١٢', 'مـــرحبا'];
    for (const sample of samples) expect(countGraphemes(sample), sample).toBe([...segmenter.segment(sample)].length);
  });

  it('gives the same fingerprint text whatever a network does to isolates, marks and spaces', () => {
    const message = composeMessage(post(), 'together', ['ar', 'fr']);
    const mangled = `\u200F${message.replace(/[\u2066-\u2069]/g, '').replaceAll('\n', '\r\n')}  `;
    expect(normalizeForFingerprint(mangled)).toBe(normalizeForFingerprint(message));
    expect(normalizeForFingerprint(message)).not.toBe(normalizeForFingerprint(message.replace('12 mai', '13 mai')));
  });
});

describe('character limits', () => {
  it('counts each language and the whole together post in graphemes', () => {
    const half = 'ب'.repeat(40_000);
    const issues = characterIssues(post({ text: { ar: { value: half }, fr: { value: 'x'.repeat(30_000) } }, hashtags: {} }), ['ar', 'fr']);
    expect(issues).toEqual([{ path: ['text'], message: 'TOGETHER_TOO_LONG' }]);
    const emoji = '🎉'.repeat(SOCIAL_POST_LIMITS.messageCharacters);
    expect(characterIssues(post({ text: { fr: { value: emoji } }, hashtags: {} }), ['ar', 'fr'])).toEqual([]);
    expect(characterIssues(post({ text: { fr: { value: `${emoji}!` } }, hashtags: {} }), ['ar', 'fr'])).toEqual([
      { path: ['text', 'fr', 'value'], message: 'TOO_LONG' },
    ]);
  });
});
