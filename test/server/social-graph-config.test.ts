import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/server/platform/config.js';

const base = { SECRET_KEY: 'k'.repeat(40), DATA_DIR: '/tmp/tawasul-config-unused' };

describe('Facebook configuration', () => {
  it('defaults to Meta’s addresses and a current Graph version, without an app', () => {
    const { facebook } = parseConfig(base);
    expect(facebook).toEqual({
      appId: undefined,
      appSecret: undefined,
      graphUrl: 'https://graph.facebook.com',
      graphVersion: 'v26.0',
      dialogUrl: 'https://www.facebook.com',
      sandbox: false,
    });
    expect(Object.isFrozen(facebook)).toBe(true);
  });

  it('takes the app, the addresses (trailing slash dropped) and the version from the environment', () => {
    const { facebook } = parseConfig({
      ...base,
      FACEBOOK_APP_ID: '123456789012345',
      FACEBOOK_APP_SECRET: '0123456789abcdef0123456789abcdef',
      FACEBOOK_GRAPH_URL: 'http://127.0.0.1:4010/',
      FACEBOOK_GRAPH_VERSION: 'v24.0',
      FACEBOOK_DIALOG_URL: 'http://127.0.0.1:4010',
    });
    expect(facebook.appId).toBe('123456789012345');
    expect(facebook.graphUrl).toBe('http://127.0.0.1:4010');
    expect(facebook.graphVersion).toBe('v24.0');
  });

  it('refuses a malformed version, URL or App ID, naming each', () => {
    try {
      parseConfig({
        ...base,
        FACEBOOK_GRAPH_VERSION: '26',
        FACEBOOK_GRAPH_URL: 'graph',
        FACEBOOK_APP_ID: 'my-app',
        FACEBOOK_APP_SECRET: 'x'.repeat(32),
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('FACEBOOK_GRAPH_VERSION');
      expect(message).toContain('FACEBOOK_GRAPH_URL');
      expect(message).toContain('FACEBOOK_APP_ID');
    }
  });

  it('wants the app ID and its secret together', () => {
    expect(() => parseConfig({ ...base, FACEBOOK_APP_ID: '123456789012345' })).toThrow(/FACEBOOK_APP_SECRET/);
    expect(() => parseConfig({ ...base, FACEBOOK_APP_SECRET: 'x'.repeat(32) })).toThrow(/FACEBOOK_APP_ID/);
  });
});
