import type { Db } from '../../database/sql.js';
import { EmailNotVerifiedError } from '../../errors.js';
import type { Principal } from '../accounts/principal.js';
import { selectAccountUnverified } from './sign-up.queries.js';

/**
 * Refuses a tenant principal (API key or session) whose account signed up by itself and whose owner
 * has not yet verified their e-mail address: used before topping up, starting campaigns, sending
 * messages, buying numbers and inviting people. Platform staff act on any account unchecked.
 * One primary-key read.
 * @throws EmailNotVerifiedError.
 */
export async function requireVerifiedEmail(db: Db, principal: Principal): Promise<void> {
  if (principal.accountId === null) return;
  await requireVerifiedAccount(db, principal.accountId);
}

/** {@link requireVerifiedEmail} for an account by id (the wallet's account, whoever asks). @throws EmailNotVerifiedError. */
export async function requireVerifiedAccount(db: Db, accountId: string): Promise<void> {
  const row = await selectAccountUnverified.maybeOne(db, { accountId });
  if (row?.unverified) throw new EmailNotVerifiedError(accountId);
}
