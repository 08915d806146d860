import { describe, expect, it } from 'vitest';
import { detectCommentLanguage } from './comment-language.js';

describe('detectCommentLanguage', () => {
  it('says ar for Arabic script, with or without emoji, Latin names or Eastern digits', () => {
    expect(detectCommentLanguage('مبادرة رائعة، بالتوفيق!')).toBe('ar');
    expect(detectCommentLanguage('شكرًا على هذا العمل الجميل 👏')).toBe('ar');
    expect(detectCommentLanguage('متى ورشة AlterMed في صفاقس؟ ٢٠٢٦')).toBe('ar');
  });

  it('says fr for Latin script, accents and Latin-script darija included', () => {
    expect(detectCommentLanguage('Bravo pour cette belle initiative !')).toBe('fr');
    expect(detectCommentLanguage('Comment s’inscrire à la prochaine session ?')).toBe('fr');
    expect(detectCommentLanguage('3afak fin kayn l’atelier ?')).toBe('fr');
  });

  it('goes with the script of most letters in a mixed comment', () => {
    expect(detectCommentLanguage('Merci beaucoup pour tout, شكرا')).toBe('fr');
    expect(detectCommentLanguage('شكرا جزيلا على كل شيء merci')).toBe('ar');
  });

  it('says nothing without a letter', () => {
    expect(detectCommentLanguage('👏👏🔥')).toBeNull();
    expect(detectCommentLanguage('  2026 !! ')).toBeNull();
    expect(detectCommentLanguage('')).toBeNull();
  });
});
