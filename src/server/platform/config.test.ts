import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('configuration', () => {
  it('has working defaults and generates a secret key into DATA_DIR once', () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tawasul-config-'));
    const config = parseConfig({ DATA_DIR: folder });
    expect(config.port).toBe(3000);
    expect(config.database.driver).toBe('pglite');
    expect(config.database.pgliteDir).toBe(path.join(folder, 'pglite'));
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
    expect(existsSync(path.join(folder, 'secret.key'))).toBe(true);
    expect(parseConfig({ DATA_DIR: folder }).secretKey).toBe(config.secretKey);
    expect(readFileSync(path.join(folder, 'secret.key'), 'utf8').trim()).toBe(config.secretKey);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/tawasul', SECRET_KEY: 'k'.repeat(40) });
    expect(config.database.driver).toBe('postgresql');
  });

  it('lists every problem at once', () => {
    expect(() => parseConfig({ PORT: 'eighty', SMTP_URL: 'not a url', SECRET_KEY: 'short' })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: 'eighty', SMTP_URL: 'not a url', SECRET_KEY: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('SMTP_URL');
      expect(message).toContain('SECRET_KEY');
    }
  });
});
