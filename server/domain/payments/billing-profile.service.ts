import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { canSee, requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { selectAccountId, selectBillingProfile, updateBillingProfile as updateBillingProfileRow } from './billing.queries.js';
import { accountFor } from './payment-methods.service.js';
import { isEuCountry, normalizeVatNumber } from './tax.js';

/** Who may change where an account is billed. */
export const BILLING_PROFILE_ROLES = [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/** The account's billing country, US state, VAT number and e-mail (shown on the Account page). */
export interface BillingProfileRecord {
  accountId: string;
  country: string | null;
  state: string | null;
  vatNumber: string | null;
  email: string | null;
}

/** Options of {@link updateBillingProfile}: every field is replaced (null clears it). */
export interface UpdateBillingProfileOptions {
  principal: Principal;
  accountId: string | null;
  country: string | null;
  state: string | null;
  vatNumber: string | null;
  email: string | null;
}

/**
 * Sets where the account is billed, which decides the tax on top-ups. A VAT number must
 * have a valid format for the (EU) country; it is stored normalized.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (`country`, `state`, `vatNumber`, `email`).
 */
export async function updateBillingProfile(em: EntityManager, options: UpdateBillingProfileOptions): Promise<BillingProfileRecord> {
  requireRole(options.principal, BILLING_PROFILE_ROLES, 'change the billing profile');
  const accountId = await accountFor(em, options.principal, options.accountId);
  let country = options.country?.trim().toUpperCase() || null;
  if (country === 'UK') country = 'GB';
  if (country !== null && !/^[A-Z]{2}$/.test(country))
    throw new BadUserInputError('country', 'country must be an ISO 3166-1 alpha-2 code, e.g. "GB", "DE", "US"');
  const state = options.state?.trim().toUpperCase() || null;
  if (state !== null && (country !== 'US' || !/^[A-Z]{2}$/.test(state))) {
    throw new BadUserInputError('state', 'state is a two-letter US state code, for US billing addresses only');
  }
  let vatNumber: string | null = null;
  if (options.vatNumber?.trim()) {
    if (country === null || !isEuCountry(country))
      throw new BadUserInputError('vatNumber', 'A VAT number applies to EU billing countries only');
    vatNumber = normalizeVatNumber(country, options.vatNumber);
    if (vatNumber === null)
      throw new BadUserInputError('vatNumber', `"${options.vatNumber.slice(0, 40)}" is not a valid VAT number format for ${country}`);
  }
  const email = options.email?.trim() || null;
  if (email !== null && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    throw new BadUserInputError('email', 'email must be an e-mail address');
  await updateBillingProfileRow.run(em, { accountId, country, state, vatNumber, email });
  return { accountId, country, state, vatNumber, email };
}

/**
 * The billing profile of the caller's account, or of the one named (an account the caller may see).
 * @throws NotFoundError for an account that does not exist or that the caller may not see.
 */
export async function findBillingProfileFor(
  em: EntityManager,
  principal: Principal,
  accountId: string | null,
): Promise<BillingProfileRecord> {
  const id = accountId ?? principal.accountId;
  if (id === null || !canSee(principal, id)) throw new NotFoundError('Account', id ?? '');
  if (!(await selectAccountId.maybeOne(em, { id }))) throw new NotFoundError('Account', id);
  return findBillingProfile(em, id);
}

/** The account's billing profile. */
export async function findBillingProfile(em: EntityManager, accountId: string): Promise<BillingProfileRecord> {
  const row = await selectBillingProfile.maybeOne(em, { accountId });
  return {
    accountId,
    country: row?.billing_country ?? null,
    state: row?.billing_state ?? null,
    vatNumber: row?.vat_number ?? null,
    email: row?.billing_email ?? null,
  };
}
