// Fixtures of the Transactions, Top up and Settings component tests: a wallet as the account query has it, transaction rows, top-ups with receipts, auto-recharge settings and API keys, each typed by the client's own query types.
import type {
  ApiKeyRowFieldsFragment as ApiKeyRow,
  AutoRechargeFieldsFragment as AutoRechargeSettings,
  TopUpHistoryFieldsFragment as TopUpHistoryItem,
} from '../../../client/src/gql/graphql.js';
import type {
  ReceiptFieldsFragment as Receipt,
  SavedCardFieldsFragment as SavedCard,
  TransactionRowFieldsFragment as TransactionRow,
  WalletSummaryFieldsFragment as WalletSummary,
} from '../../../client/src/gql/graphql.js';

export const WALLET: WalletSummary = { id: 'w-1', currency: 'USD', balance: '73.75', available: '70.5', reserved: '3.25', sequence: '3' };

export const TOP_UP_ROW: TransactionRow = {
  id: 't-3',
  sequence: '3',
  type: 'CREDIT',
  kind: 'TOP_UP',
  amount: '25',
  balanceBefore: '48.75',
  balanceAfter: '73.75',
  description: 'Wallet refill by card (visa •••• 4242), receipt SW-2026-00000001',
  status: 'COMPLETED',
  paymentIntentId: 'pi_1',
  createdAt: '2026-11-01T10:00:00.000Z',
  campaignId: null,
};

export const CHARGE_ROW: TransactionRow = {
  id: 't-2',
  sequence: '2',
  type: 'DEBIT',
  kind: 'CHARGE',
  amount: '1.25',
  balanceBefore: '50',
  balanceAfter: '48.75',
  description: 'Campaign set-up fee',
  status: 'COMPLETED',
  paymentIntentId: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  campaignId: 'c-1',
};

export const RECEIPT: Receipt = {
  receiptNumber: 'SW-2026-00000001',
  transactionId: 't-3',
  topUpId: 'tu-1',
  amount: '25',
  tax: '5',
  taxRate: '20',
  taxLabel: 'VAT 20% (United Kingdom)',
  total: '30',
  currency: 'USD',
  paidAt: '2026-11-01T10:00:00.000Z',
  cardBrand: 'visa',
  cardLast4: '4242',
  paymentIntentId: 'pi_1',
};

export const SUCCEEDED_TOP_UP: TopUpHistoryItem = {
  id: 'tu-1',
  walletId: 'w-1',
  origin: 'MANUAL',
  status: 'SUCCEEDED',
  currency: 'USD',
  amount: '25',
  tax: '5',
  total: '30',
  paymentIntentId: 'pi_1',
  cardBrand: 'visa',
  cardLast4: '4242',
  receiptNumber: 'SW-2026-00000001',
  failureReason: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:01.000Z',
  receipt: RECEIPT,
};

export const FAILED_TOP_UP: TopUpHistoryItem = {
  ...SUCCEEDED_TOP_UP,
  id: 'tu-2',
  origin: 'AUTO_RECHARGE',
  status: 'FAILED',
  paymentIntentId: 'pi_2',
  receiptNumber: null,
  failureReason: 'Your card was declined.',
  receipt: null,
};

export const SETTINGS_ON: AutoRechargeSettings = {
  walletId: 'w-1',
  enabled: true,
  threshold: '10',
  target: '40',
  inFlightTopUpId: null,
  lastAttemptAt: null,
  consecutiveFailures: 0,
  pausedAt: null,
  pausedReason: null,
  monthlyEnabled: false,
  monthlyDay: null,
  monthlyAmount: null,
};

export const CARDS: SavedCard[] = [
  { id: 'pm_2', brand: 'mastercard', last4: '4444', expMonth: 12, expYear: 2029, isDefault: true },
  { id: 'pm_1', brand: 'visa', last4: '4242', expMonth: 4, expYear: 2031, isDefault: false },
];

export const KEYS: ApiKeyRow[] = [
  {
    id: 'k-3',
    name: 'Old switch',
    role: 'INTEGRATOR',
    prefix: 'sw_Old1',
    createdAt: '2026-10-01T00:00:00.000Z',
    revokedAt: '2026-10-02T00:00:00.000Z',
  },
  { id: 'k-2', name: 'Production switch', role: 'INTEGRATOR', prefix: 'sw_Prod', createdAt: '2026-10-03T00:00:00.000Z', revokedAt: null },
  { id: 'k-1', name: 'Owner key', role: 'OWNER', prefix: 'sw_Own1', createdAt: '2026-09-01T00:00:00.000Z', revokedAt: null },
];
