import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Config } from '../../config.js';
import { transaction } from '../../database/sql.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { canSee, requireRole, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import {
  selectAccountId,
  selectBillingProfile,
  selectBillingProfileForUpdate,
  updateBillingProfile as updateBillingProfileRow,
  type BillingProfileRow,
} from './billing.queries.js';
import { accountFor } from './payment-methods.service.js';
import { isEuCountry, normalizeVatNumber } from './tax.js';

/** Who may change where an account is billed. */
export const BILLING_PROFILE_ROLES = [Role.OWNER, Role.SUPPORT, Role.PLATFORM_ADMIN] as const;

/**
 * Who the account is billed as and where: the country, US state and VAT number decide the tax on
 * top-ups; the legal name and postal address are what receipts are addressed to.
 */
export interface BillingProfileRecord {
  accountId: string;
  country: string | null;
  state: string | null;
  vatNumber: string | null;
  email: string | null;
  legalName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
}

/** The free-text fields of a billing profile, each capped at `billingProfileTextLengthMax` characters. */
const TEXT_FIELDS = ['legalName', 'addressLine1', 'addressLine2', 'city', 'postalCode'] as const;

/** What a caller may change: every field but the account. */
export type BillingProfileFields = Omit<BillingProfileRecord, 'accountId'>;

/**
 * Options of {@link updateBillingProfile}: a field left `undefined` keeps its stored value; `null`
 * (or a blank string) clears it.
 */
export type UpdateBillingProfileOptions = {
  principal: Principal;
  accountId: string | null;
  limits: Pick<Config, 'billingProfileTextLengthMax'>;
} & { [Field in keyof BillingProfileFields]?: string | null };

/**
 * Checks and normalizes a whole profile: country upper case ('UK' is 'GB'), state only for the US,
 * the VAT number only for an EU country and in that state's format (stored normalized), the e-mail
 * an address, each free-text field trimmed and at most `billingProfileTextLengthMax` characters.
 * Blank strings become null.
 * @throws BadUserInputError naming the first field refused (`country`, `state`, `vatNumber`, `email`, `legalName`, …).
 */
export function normalizeBillingProfile(
  fields: { [Field in keyof BillingProfileFields]: string | null },
  limits: Pick<Config, 'billingProfileTextLengthMax'>,
): BillingProfileFields {
  let country = fields.country?.trim().toUpperCase() || null;
  if (country === 'UK') country = 'GB';
  if (country !== null && !/^[A-Z]{2}$/.test(country))
    throw new BadUserInputError('country', 'country must be an ISO 3166-1 alpha-2 code, e.g. "GB", "DE", "US"');
  const state = fields.state?.trim().toUpperCase() || null;
  if (state !== null && (country !== 'US' || !/^[A-Z]{2}$/.test(state))) {
    throw new BadUserInputError('state', 'state is a two-letter US state code, for US billing addresses only');
  }
  let vatNumber: string | null = null;
  if (fields.vatNumber?.trim()) {
    if (country === null || !isEuCountry(country))
      throw new BadUserInputError('vatNumber', 'A VAT number applies to EU billing countries only');
    vatNumber = normalizeVatNumber(country, fields.vatNumber);
    if (vatNumber === null)
      throw new BadUserInputError('vatNumber', `"${fields.vatNumber.slice(0, 40)}" is not a valid VAT number format for ${country}`);
  }
  const email = fields.email?.trim() || null;
  if (email !== null && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    throw new BadUserInputError('email', 'email must be an e-mail address');
  const text = {} as Record<(typeof TEXT_FIELDS)[number], string | null>;
  for (const field of TEXT_FIELDS) {
    const value = fields[field]?.trim() || null;
    if (value !== null && [...value].length > limits.billingProfileTextLengthMax) {
      throw new BadUserInputError(field, `${field} is at most ${limits.billingProfileTextLengthMax} characters`);
    }
    text[field] = value;
  }
  return { country, state, vatNumber, email, ...text };
}

function toRecord(accountId: string, row: BillingProfileRow | null | undefined): BillingProfileRecord {
  return {
    accountId,
    country: row?.billing_country ?? null,
    state: row?.billing_state ?? null,
    vatNumber: row?.vat_number ?? null,
    email: row?.billing_email ?? null,
    legalName: row?.billing_legal_name ?? null,
    addressLine1: row?.billing_address_line1 ?? null,
    addressLine2: row?.billing_address_line2 ?? null,
    city: row?.billing_city ?? null,
    postalCode: row?.billing_postal_code ?? null,
  };
}

/**
 * Changes who and where the account is billed as; the country and VAT number decide the tax on
 * top-ups. Fields left undefined keep their value; the merged profile is checked as a whole (a
 * VAT number kept while the country changes must fit the new country), under the account's row
 * lock so two partial updates never undo each other.
 * @throws ForbiddenError, NotFoundError, BadUserInputError (see {@link normalizeBillingProfile}); nothing is stored then.
 */
export async function updateBillingProfile(em: EntityManager, options: UpdateBillingProfileOptions): Promise<BillingProfileRecord> {
  requireRole(options.principal, BILLING_PROFILE_ROLES, 'change the billing profile');
  const accountId = await accountFor(em, options.principal, options.accountId);
  return transaction(em, async (tx) => {
    const stored = toRecord(accountId, await selectBillingProfileForUpdate.maybeOne(tx, { accountId }));
    const merged = { ...stored };
    for (const field of Object.keys(stored) as (keyof BillingProfileRecord)[]) {
      const given = (options as Partial<Record<keyof BillingProfileRecord, string | null>>)[field];
      if (field !== 'accountId' && given !== undefined) merged[field] = given;
    }
    const { accountId: _accountId, ...fields } = merged;
    const profile = normalizeBillingProfile(fields, options.limits);
    await updateBillingProfileRow.run(tx, { accountId, ...profile });
    const { accountId: _storedAccountId, ...before } = stored;
    await recordAudit(tx, {
      principal: options.principal,
      accountId,
      action: AuditAction.BILLING_PROFILE_CHANGED,
      targetType: 'ACCOUNT',
      targetId: accountId,
      before,
      after: profile as unknown as Record<string, unknown>,
    });
    return { accountId, ...profile };
  });
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
  return toRecord(accountId, await selectBillingProfile.maybeOne(em, { accountId }));
}
