/**
 * The only file that reads `process.env` (STYLE G8). Parsed once with zod; every problem is printed
 * and the process exits non-zero, so a misconfigured server never half-starts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const EnvSchema = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 127.0.0.1 keeps a fresh install private. */
  HOST: z.string().default('127.0.0.1'),
  /** Folder for the embedded database, the file store and the generated secret key. */
  DATA_DIR: z.string().default('./data'),
  /** A PostgreSQL server URL; when unset the embedded PGlite database under DATA_DIR/pglite is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Address the outside world uses to reach this server (links in emails, public site, CSRF origin). */
  PUBLIC_URL: z.string().url().optional(),
  /** SMTP server (smtp://user:pass@host:port); when unset mail goes to the in-app outbox. */
  SMTP_URL: z.string().url().optional(),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z.string().default('Tawasul <no-reply@tawasul.local>'),
  /** Secret for sessions and signed links; generated into DATA_DIR/secret.key on first start when unset. */
  SECRET_KEY: z.string().min(32).optional(),
  /** `app` runs job workers inside the web process; `none` leaves them to `tawasul worker` processes. */
  WORKERS: z.enum(['app', 'none']).default('app'),
  /** Largest accepted upload, in mebibytes. */
  UPLOAD_MAX_MB: z.coerce.number().positive().default(20),
  /** Cached renders and previews not used for this many days are deleted by a daily job. */
  RENDER_CACHE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Seed the demo workspace on first start (npm start sets it). */
  SEED_DEMO: z.enum(['true', 'false']).default('false'),
  /** Log level of the server. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The Meta app that connects Facebook pages (App settings → Basic → App ID); unset: no real page can be connected. */
  FACEBOOK_APP_ID: z
    .string()
    .regex(/^\d{5,20}$/, 'must be the numeric App ID')
    .optional(),
  /** That app's secret (App settings → Basic → App secret); required with FACEBOOK_APP_ID. */
  FACEBOOK_APP_SECRET: z.string().min(16, 'must be the app secret (32 hexadecimal characters)').optional(),
  /** Base URL of the Graph API (tests and the demo point it at the local fake). */
  FACEBOOK_GRAPH_URL: z.string().url().default('https://graph.facebook.com'),
  /** Graph API version every call names, e.g. v26.0 (Meta supports each version about two years). */
  FACEBOOK_GRAPH_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v26.0')
    .default('v26.0'),
  /** Base URL of Facebook's login dialog (`<url>/<version>/dialog/oauth`). */
  FACEBOOK_DIALOG_URL: z.string().url().default('https://www.facebook.com'),
});

export type Env = z.infer<typeof EnvSchema>;

/** The parsed configuration, frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: { readonly driver: 'pglite' | 'postgresql'; readonly url?: string; readonly pgliteDir: string };
  readonly publicUrl: string;
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  readonly secretKey: string;
  readonly workers: 'app' | 'none';
  readonly uploadMaxBytes: number;
  readonly renderCacheDays: number;
  readonly seedDemo: boolean;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly facebook: FacebookConfig;
}

/** Where and as which Meta app Tawasul talks to Facebook. */
export interface FacebookConfig {
  /** Undefined when no Meta app is configured (connecting a real page is then refused). */
  readonly appId?: string;
  readonly appSecret?: string;
  /** Without a trailing slash. */
  readonly graphUrl: string;
  readonly graphVersion: string;
  readonly dialogUrl: string;
  /** True when the Graph URL is the demo's local sandbox (see src/server/modules/social/channels/sandbox.ts). */
  readonly sandbox: boolean;
}

/** Reads a secret from DATA_DIR/secret.key, creating it on first use. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Builds the configuration from an environment object (tests pass their own). */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty variable (`SMTP_URL=` in a .env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.FACEBOOK_APP_ID) !== Boolean(e.FACEBOOK_APP_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  FACEBOOK_APP_ID and FACEBOOK_APP_SECRET: set both or neither');
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: Object.freeze({
      driver: e.DATABASE_URL ? 'postgresql' : 'pglite',
      url: e.DATABASE_URL,
      pgliteDir: path.join(dataDir, 'pglite'),
    }),
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    secretKey: e.SECRET_KEY ?? loadOrCreateSecret(dataDir),
    workers: e.WORKERS,
    uploadMaxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
    renderCacheDays: e.RENDER_CACHE_DAYS,
    seedDemo: e.SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    facebook: Object.freeze({
      appId: e.FACEBOOK_APP_ID,
      appSecret: e.FACEBOOK_APP_SECRET,
      graphUrl: e.FACEBOOK_GRAPH_URL.replace(/\/+$/, ''),
      graphVersion: e.FACEBOOK_GRAPH_VERSION,
      dialogUrl: e.FACEBOOK_DIALOG_URL.replace(/\/+$/, ''),
      sandbox: false,
    }),
  } satisfies Config);
}

/** Raised for an unusable configuration; the CLI prints it and exits 1. */
export class ConfigError extends Error {}

let cached: Config | undefined;

/** The process configuration (reads `.env` when present), parsed once. */
export function loadConfig(overrides: Record<string, string | undefined> = {}): Config {
  if (!cached) {
    loadDotenv({ quiet: true });
    cached = parseConfig({ ...process.env, ...overrides });
  }
  return cached;
}

/** Test and CLI helper: the environment of the test database, if any (read here so no other file touches env). */
export function readTestEnv(): { testDatabaseUrl?: string; chromiumPath: string; ci: boolean } {
  return {
    testDatabaseUrl: process.env.TEST_DATABASE_URL || undefined,
    chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    ci: process.env.CI === 'true',
  };
}
