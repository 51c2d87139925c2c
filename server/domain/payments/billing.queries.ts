/** The statements of an account's billing side (table `account`): its Stripe Customer, billing profile and top-up wallet. */
import { sql } from '../../database/sql.js';

/** A row when the account exists. */
export const selectAccountId = sql<{ id: string }, { id: string }>('select id from account where id = :id');

/** The account whose Stripe Customer is `customerId`. */
export const selectAccountOfStripeCustomer = sql<{ id: string }, { customerId: string }>(
  'select id from account where stripe_customer_id = :customerId',
);

export const selectStripeCustomer = sql<
  { stripe_customer_id: string | null; name: string; billing_email: string | null },
  { accountId: string }
>('select stripe_customer_id, name, billing_email from account where id = :accountId');

/** Keeps the first Stripe Customer recorded; returns the one kept. */
export const storeStripeCustomer = sql<{ stripe_customer_id: string }, { accountId: string; customerId: string }>(
  'update account set stripe_customer_id = coalesce(stripe_customer_id, :customerId) where id = :accountId returning stripe_customer_id',
);

/** A billing profile as stored on the account. */
export interface BillingProfileRow {
  billing_country: string | null;
  billing_state: string | null;
  vat_number: string | null;
  billing_email: string | null;
  billing_legal_name: string | null;
  billing_address_line1: string | null;
  billing_address_line2: string | null;
  billing_city: string | null;
  billing_postal_code: string | null;
}

const BILLING_PROFILE_COLUMNS =
  'billing_country, billing_state, vat_number, billing_email, billing_legal_name, billing_address_line1, billing_address_line2, billing_city, billing_postal_code';

export const selectBillingProfile = sql<BillingProfileRow, { accountId: string }>(
  `select ${BILLING_PROFILE_COLUMNS} from account where id = :accountId`,
);

/** The fields of {@link updateBillingProfile}, each stored as given (null clears it). */
export type BillingProfileParams = {
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
};

/** The profile, the account's row locked until the transaction ends (so two partial updates never lose one another's fields). */
export const selectBillingProfileForUpdate = sql<BillingProfileRow, { accountId: string }>(
  `select ${BILLING_PROFILE_COLUMNS} from account where id = :accountId for update`,
);

export const updateBillingProfile = sql<never, BillingProfileParams>(
  `update account set billing_country = :country, billing_state = :state, vat_number = :vatNumber, billing_email = :email,
          billing_legal_name = :legalName, billing_address_line1 = :addressLine1, billing_address_line2 = :addressLine2,
          billing_city = :city, billing_postal_code = :postalCode
    where id = :accountId`,
);

/** A wallet with what a top-up needs of its account. */
export interface TopUpWalletRow {
  account_id: string;
  currency: string;
  status: string;
  stripe_customer_id: string | null;
  billing_country: string | null;
  billing_state: string | null;
  vat_number: string | null;
}

/** The wallet within `scope` (an account id; null for every tenant) and its account's billing side. */
export const selectTopUpWallet = sql<TopUpWalletRow, { walletId: string; scope: string | null }>(
  `select w.account_id, w.currency, a.status, a.stripe_customer_id, a.billing_country, a.billing_state, a.vat_number
     from wallet w join account a on a.id = w.account_id
    where w.id = :walletId and (:scope::uuid is null or w.account_id = :scope::uuid)`,
);
