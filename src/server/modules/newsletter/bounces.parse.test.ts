import { describe, expect, it } from 'vitest';
import { bareMessageId, isSnsConfirmationUrl, parseBounceWebhook } from './bounces.parse.js';
import { redirectTarget } from './tracking/redirect-target.js';

describe('bounce webhook payloads', () => {
  it('reads the generic shape, one or many, and refuses anything else whole', () => {
    expect(parseBounceWebhook({ email: 'Lecteur <a@b.example>', type: 'complaint', diagnostic: 'abuse' })).toEqual({
      kind: 'events',
      events: [{ email: 'a@b.example', type: 'complaint', diagnostic: 'abuse' }],
      ignored: 0,
    });
    expect(parseBounceWebhook(JSON.stringify([{ email: 'a@b.example', type: 'soft', messageId: '<x@y>' }]))).toMatchObject({
      events: [{ messageId: '<x@y>' }],
    });
    expect(parseBounceWebhook([{ email: 'a@b.example', type: 'hard' }, { nope: true }])).toEqual({ kind: 'invalid' });
    expect(parseBounceWebhook(Array(1001).fill({ email: 'a@b.example', type: 'hard' }))).toEqual({ kind: 'invalid' });
  });

  it('treats an undetermined SES bounce as soft and reads the Message-ID from the original headers', () => {
    const parsed = parseBounceWebhook({
      eventType: 'Bounce',
      bounce: { bounceType: 'Undetermined', bouncedRecipients: [{ emailAddress: 'a@b.example' }] },
      mail: { headers: [{ name: 'message-id', value: '<m1@tawasul>' }] },
    });
    expect(parsed).toEqual({
      kind: 'events',
      events: [{ email: 'a@b.example', type: 'soft', messageId: '<m1@tawasul>', diagnostic: 'Undetermined' }],
      ignored: 0,
    });
    expect(bareMessageId(' <m1@tawasul> ')).toBe('m1@tawasul');
  });

  it('confirms only Amazon SNS subscription links', () => {
    expect(isSnsConfirmationUrl('https://sns.eu-west-3.amazonaws.com/?Action=ConfirmSubscription&TopicArn=x&Token=y')).toBe(true);
    for (const url of [
      'http://sns.eu-west-3.amazonaws.com/?Action=ConfirmSubscription',
      'https://sns.eu-west-3.amazonaws.com.evil.example/?Action=ConfirmSubscription',
      'https://sns.eu-west-3.amazonaws.com:8443/?Action=ConfirmSubscription',
      'https://sns.eu-west-3.amazonaws.com/?Action=Unsubscribe',
      'https://evil.example/?Action=ConfirmSubscription',
    ]) {
      expect(isSnsConfirmationUrl(url), url).toBe(false);
    }
  });
});

describe('click redirect target', () => {
  it('keeps plain http(s) URLs exactly, encodes non-ASCII ones, refuses the rest', () => {
    expect(redirectTarget('https://altermed.example/a?b=c#d')).toBe('https://altermed.example/a?b=c#d');
    expect(redirectTarget('https://altermed.example/تونس')).toBe('https://altermed.example/%D8%AA%D9%88%D9%86%D8%B3');
    for (const url of [
      '//evil.example',
      'javascript:alert(1)',
      'data:text/html,x',
      'https:///evil',
      'https://a.example/\nx',
      'ftp://a.example/',
    ]) {
      expect(redirectTarget(url), url).toBeUndefined();
    }
  });
});
