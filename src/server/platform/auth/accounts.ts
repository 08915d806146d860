/** Creating accounts outside sign-up (which is closed): invitations, the CLI and the demo seed. */
import type { Auth } from './auth.js';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  locale?: string;
}

/** Creates a user with a password credential through better-auth's own adapter; returns the user id. */
export async function createAccount(auth: Auth, account: NewAccount): Promise<string> {
  const context = await auth.$context;
  const email = account.email.trim().toLowerCase();
  const user = await context.internalAdapter.createUser(
    {
      email,
      name: account.name,
      emailVerified: true,
      locale: account.locale ?? 'fr',
    },
    { method: 'admin' },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await context.password.hash(account.password),
  });
  return user.id;
}

/** Whether `password` is the password of the user's credential account (argon2id verify). */
export async function isPasswordOf(auth: Auth, userId: string, password: string): Promise<boolean> {
  const context = await auth.$context;
  const accounts = await context.internalAdapter.findAccounts(userId);
  const hash = accounts.find((account) => account.providerId === 'credential')?.password;
  if (!hash) return false;
  return context.password.verify({ hash, password });
}

/** Finds a user id by email. */
export async function findUserIdByEmail(auth: Auth, email: string): Promise<string | undefined> {
  const context = await auth.$context;
  const found = await context.internalAdapter.findUserByEmail(email.trim().toLowerCase());
  return found?.user.id;
}
