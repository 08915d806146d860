/**
 * Accounts through better-auth (a maintained library, not hand-made session code): email + password
 * hashed with argon2id, sessions stored in the database behind an httpOnly SameSite cookie, login rate
 * limiting, password reset that ends every session. Sign-up is closed: accounts come from invitations
 * and `tawasul user create`.
 */
import type * as Argon2 from '@node-rs/argon2';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { accounts, rateLimits, sessions, users, verifications } from './auth.tables.js';

/** Header we set ourselves from the socket address; any client-sent value is overwritten. */
export const CLIENT_IP_HEADER = 'x-tawasul-client-ip';

export interface PasswordResetMail {
  user: { email: string; name: string; locale?: string };
  url: string;
}

// better-auth and argon2 are imported when first used, not with this file: a process without sign-in
// (`tawasul worker`, see platform.ts) never loads them (~25 MiB).
let argon2: Promise<typeof Argon2> | undefined;
const loadArgon2 = () => {
  argon2 ??= import('@node-rs/argon2');
  return argon2;
};

export async function hashPassword(password: string): Promise<string> {
  // argon2id with OWASP's minimum parameters (19 MiB, 2 passes).
  return (await loadArgon2()).hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(data: { hash: string; password: string }): Promise<boolean> {
  return (await loadArgon2()).verify(data.hash, data.password).catch(() => false);
}

export async function createAuth(options: {
  db: Db;
  config: Pick<Config, 'publicUrl' | 'secretKey'>;
  sendPasswordReset: (mail: PasswordResetMail) => Promise<void>;
  loginAttemptsPerMinute?: number;
}) {
  const [{ betterAuth }, { drizzleAdapter }] = await Promise.all([import('better-auth'), import('better-auth/adapters/drizzle')]);
  return betterAuth({
    appName: 'Tawasul',
    baseURL: options.config.publicUrl,
    basePath: '/api/auth',
    secret: options.config.secretKey,
    trustedOrigins: [options.config.publicUrl],
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    user: { additionalFields: { locale: { type: 'string', required: false, defaultValue: 'fr', input: false } } },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await options.sendPasswordReset({ user: user as PasswordResetMail['user'], url });
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: options.loginAttemptsPerMinute ?? 5 },
        '/request-password-reset': { window: 60, max: 3 },
      },
    },
    advanced: {
      cookiePrefix: 'tawasul',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;
