import { describe, expect, it } from 'vitest';
import { clickUrl, readClickToken, readUnsubscribeToken, unsubscribeUrl } from './newsletter-links.js';

const signer = { secretKey: 's'.repeat(64), publicUrl: 'https://tawasul.example' };
const tokenOf = (url: string) => url.split('/').pop() as string;

describe('newsletter links', () => {
  it('signs the click target, so a changed URL is refused (no open redirect)', () => {
    const url = clickUrl(signer, 42, 'https://altermed.org/ar/مقال?utm_source=newsletter');
    expect(readClickToken(signer.secretKey, tokenOf(url))).toEqual({
      deliveryId: 42,
      targetUrl: 'https://altermed.org/ar/مقال?utm_source=newsletter',
    });
    const other = clickUrl(signer, 42, 'https://evil.example/');
    const [payload] = tokenOf(other).split('.');
    const [, mac] = tokenOf(url).split('.');
    expect(readClickToken(signer.secretKey, `${payload}.${mac}`)).toBeUndefined();
  });

  it('carries the delivery in an unsubscribe link when there is one', () => {
    expect(readUnsubscribeToken(signer.secretKey, tokenOf(unsubscribeUrl(signer, 'sub-1', 7)))).toEqual({
      subscriberId: 'sub-1',
      deliveryId: 7,
    });
    expect(readUnsubscribeToken(signer.secretKey, tokenOf(unsubscribeUrl(signer, 'sub-1')))).toEqual({ subscriberId: 'sub-1' });
  });
});
