import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.js';
import { signToken, verifyToken } from './signed-token.js';

const KEY = 'k'.repeat(64);

describe('signed tokens', () => {
  it('round-trips parts and refuses another purpose, another key or a changed payload', () => {
    const token = signToken(KEY, 'newsletter.unsubscribe', ['sub-1', '42']);
    expect(verifyToken(KEY, 'newsletter.unsubscribe', token)).toEqual(['sub-1', '42']);
    expect(verifyToken(KEY, 'newsletter.click', token)).toBeUndefined();
    expect(verifyToken('x'.repeat(64), 'newsletter.unsubscribe', token)).toBeUndefined();
    const [, mac] = token.split('.');
    const forged = `${Buffer.from('sub-2:42').toString('base64url')}.${mac}`;
    expect(verifyToken(KEY, 'newsletter.unsubscribe', forged)).toBeUndefined();
    expect(verifyToken(KEY, 'newsletter.unsubscribe', 'garbage')).toBeUndefined();
  });
});

describe('secret box', () => {
  it('opens what it sealed, and refuses another key, another purpose or a tampered value', () => {
    const sealed = sealSecret(KEY, 'dkim', '-----BEGIN PRIVATE KEY-----\nabc');
    expect(sealed).not.toContain('BEGIN');
    expect(openSecret(KEY, 'dkim', sealed)).toBe('-----BEGIN PRIVATE KEY-----\nabc');
    expect(() => openSecret('x'.repeat(64), 'dkim', sealed)).toThrow();
    expect(() => openSecret(KEY, 'social', sealed)).toThrow();
    expect(() => openSecret(KEY, 'dkim', `${sealed.slice(0, -2)}AA`)).toThrow();
  });
});
