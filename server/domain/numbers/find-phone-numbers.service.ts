import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { afterCursorParams, validatePageSize } from '../campaigns/created-cursor.js';
import { isUuid } from '../ids.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { selectPhoneNumber, selectPhoneNumbersPage } from './numbers.queries.js';
import { toPhoneNumberRecord, type PhoneNumberRecord, type PhoneNumberStatus } from './phone-number-record.js';

/**
 * A number the caller may see (every role reads its own account's numbers; SUPPORT and
 * PLATFORM_ADMIN any). A purchase still in flight is not a number yet.
 * @throws NotFoundError for an unknown id or a number of another tenant (indistinguishably).
 */
export async function findPhoneNumber(em: EntityManager, principal: Principal, phoneNumberId: string): Promise<PhoneNumberRecord> {
  if (!isUuid(phoneNumberId)) throw new NotFoundError('Phone number', phoneNumberId);
  const row = await selectPhoneNumber.maybeOne(em, { id: phoneNumberId, scope: tenantScope(principal) });
  if (!row) throw new NotFoundError('Phone number', phoneNumberId);
  return toPhoneNumberRecord(row);
}

/** Options of {@link listPhoneNumbers}. */
export interface ListPhoneNumbersOptions {
  principal: Principal;
  /** Only this wallet's numbers. */
  walletId?: string | null;
  status?: PhoneNumberStatus | null;
  /** Page size, 1..`callsPageSizeMax` (the limit shared by every list of this API besides transactions). */
  first?: number | null;
  after?: string | null;
  limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>;
}

/**
 * The caller's numbers (every tenant's for SUPPORT and PLATFORM_ADMIN), newest first, one page.
 * @throws NotFoundError for a wallet the caller cannot see. @throws BadUserInputError (`first`, `after`).
 */
export async function listPhoneNumbers(
  em: EntityManager,
  options: ListPhoneNumbersOptions,
): Promise<{ phoneNumbers: PhoneNumberRecord[]; hasNextPage: boolean }> {
  const first = validatePageSize(options.first, options.limits);
  const cursor = afterCursorParams(options.after);
  const walletId =
    options.walletId === null || options.walletId === undefined
      ? null
      : (await findWallet(em, { principal: options.principal, walletId: options.walletId })).id;
  const rows = await selectPhoneNumbersPage.all(em, {
    scope: tenantScope(options.principal),
    ...cursor,
    walletId,
    status: options.status ?? null,
    limit: first + 1,
  });
  return { phoneNumbers: rows.slice(0, first).map(toPhoneNumberRecord), hasNextPage: rows.length > first };
}
