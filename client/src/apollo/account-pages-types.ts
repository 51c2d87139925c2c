/**
 * Query subsets of the Transactions, Top up and Settings pages: the fields each of their
 * documents selects, built with `Pick` from the generated schema types (./generated/schema-types.ts)
 * so a renamed or retyped schema field fails to compile here. Kept apart from apollo/types.ts,
 * which other changes own; each type names the document it describes.
 */
import type {
  Account,
  AddPaymentMethodPayload,
  ApiKey,
  AutoRecharge,
  Campaign,
  CreateApiKeyInput,
  PageInfo,
  Principal,
  SetAutoRechargeInput,
  SetLowBalanceThresholdsInput,
  SetLowBalanceThresholdsPayload,
  SetMonthlyRechargeInput,
  TopUp,
  TransactionKind,
  TransactionStatus,
  TransactionType,
  Wallet,
} from './generated/schema-types.js';
import type { SavedCard } from './types.js';

/**
 * Variables of the `WalletTransactions` query (routes/wallet/WalletTransactions.tsx) with every
 * filter of the history; its result is still apollo/types.ts `WalletTransactionsQuery`.
 */
export interface WalletTransactionsFilteredVariables {
  walletId: string;
  /** Page size, 1..100. */
  first: number;
  /** endCursor of the previous page; null for the newest page. */
  after: string | null;
  type: TransactionType | null;
  kind: TransactionKind | null;
  status: TransactionStatus | null;
  /** Created at or after this instant (RFC 3339), inclusive. */
  from: string | null;
  /** Created before this instant (RFC 3339), exclusive. */
  to: string | null;
  campaignId: string | null;
}

/** A campaign as the history's campaign filter lists it. */
export type CampaignOption = Pick<Campaign, 'id' | 'name' | 'walletId' | 'status'>;

/** Result of the `CampaignOptions` query (hooks/useCampaignFilterOptions.ts). */
export interface CampaignOptionsQuery {
  campaigns: {
    edges: { node: CampaignOption }[];
    pageInfo: Pick<PageInfo, 'hasNextPage'>;
  };
}

/** Variables of the `CampaignOptions` query. */
export interface CampaignOptionsQueryVariables {
  /** 1..100. */
  first: number;
}

/** A card top-up as the recent top-ups list and the history's receipts show it: fragment `TopUpHistoryFields`. */
export type TopUpHistoryItem = Pick<
  TopUp,
  | 'id'
  | 'walletId'
  | 'origin'
  | 'status'
  | 'currency'
  | 'amount'
  | 'tax'
  | 'total'
  | 'paymentIntentId'
  | 'cardBrand'
  | 'cardLast4'
  | 'receiptNumber'
  | 'failureReason'
  | 'createdAt'
  | 'updatedAt'
  | 'receipt'
>;

/** Result of the `WalletTopUps` query (hooks/useWalletTopUps.ts). */
export interface WalletTopUpsQuery {
  wallet: (Pick<Wallet, 'id'> & { topUps: TopUpHistoryItem[] }) | null;
}

/** Variables of the `WalletTopUps` query. */
export interface WalletTopUpsQueryVariables {
  walletId: string;
  /** 1..100. */
  first: number;
}

/** A wallet's automatic funding settings, every field: fragment `AutoRechargeFields`. */
export type AutoRechargeSettings = Pick<
  AutoRecharge,
  | 'walletId'
  | 'enabled'
  | 'threshold'
  | 'target'
  | 'inFlightTopUpId'
  | 'lastAttemptAt'
  | 'consecutiveFailures'
  | 'pausedAt'
  | 'pausedReason'
  | 'monthlyEnabled'
  | 'monthlyDay'
  | 'monthlyAmount'
>;

/** Result of the `WalletFunding` query (hooks/useAutoRecharge.ts). */
export interface WalletFundingQuery {
  wallet: (Pick<Wallet, 'id' | 'currency'> & { autoRecharge: AutoRechargeSettings | null }) | null;
}

/** Variables of the `WalletFunding` query. */
export interface WalletFundingQueryVariables {
  walletId: string;
}

/** Result of the `SetAutoRecharge` mutation (hooks/useSetAutoRechargeMutation.ts). */
export interface SetAutoRechargeMutation {
  setAutoRecharge: { autoRecharge: AutoRechargeSettings };
}

/** Variables of the `SetAutoRecharge` mutation. */
export interface SetAutoRechargeMutationVariables {
  input: SetAutoRechargeInput;
}

/** Result of the `SetMonthlyRecharge` mutation (hooks/useSetMonthlyRechargeMutation.ts). */
export interface SetMonthlyRechargeMutation {
  setMonthlyRecharge: { autoRecharge: AutoRechargeSettings };
}

/** Variables of the `SetMonthlyRecharge` mutation. */
export interface SetMonthlyRechargeMutationVariables {
  input: SetMonthlyRechargeInput;
}

/** A wallet's low-balance alert thresholds: fragment `BalanceAlertThresholdsFields` (routes/settings/BalanceAlertThresholdList.tsx). */
export type BalanceAlertThresholds = Pick<Wallet, 'id' | 'lowBalanceThresholds'>;

/** Result of the `WalletBalanceAlerts` query (hooks/useBalanceAlertThresholds.ts). */
export interface WalletBalanceAlertsQuery {
  wallet: BalanceAlertThresholds | null;
}

/** Variables of the `WalletBalanceAlerts` query. */
export interface WalletBalanceAlertsQueryVariables {
  walletId: string;
}

/** Result of the `SetLowBalanceThresholds` mutation (hooks/useSetLowBalanceThresholdsMutation.ts). */
export interface SetLowBalanceThresholdsMutation {
  setLowBalanceThresholds: Pick<SetLowBalanceThresholdsPayload, 'thresholds'> & { wallet: BalanceAlertThresholds };
}

/** Variables of the `SetLowBalanceThresholds` mutation. */
export interface SetLowBalanceThresholdsMutationVariables {
  input: SetLowBalanceThresholdsInput;
}

/** An API key as the keys list shows it (never its secret). */
export type ApiKeyRow = Pick<ApiKey, 'id' | 'name' | 'role' | 'prefix' | 'createdAt' | 'revokedAt'>;

/** Result of the `ApiKeys` query (hooks/useApiKeys.ts): the account's keys. */
export interface ApiKeysQuery {
  account: (Pick<Account, 'id'> & { apiKeys: ApiKeyRow[] }) | null;
}

/** Variables of the `ApiKeys` query. */
export interface ApiKeysQueryVariables {
  accountId: string;
}

/** Result of the `CredentialInUse` query (hooks/useApiKeys.ts): the API key this page is signed with, if any. */
export interface CredentialInUseQuery {
  me: Pick<Principal, 'apiKeyId'>;
}

/** Variables of the `CredentialInUse` query: none. */
export type CredentialInUseQueryVariables = Record<string, never>;

/** Result of the `CreateApiKey` mutation (hooks/useCreateApiKeyMutation.ts). */
export interface CreateApiKeyMutation {
  createApiKey: {
    /** The secret, shown this once. */
    apiKey: string;
    key: ApiKeyRow;
  };
}

/** Variables of the `CreateApiKey` mutation: a tenant key of the caller's account. */
export interface CreateApiKeyMutationVariables {
  input: Required<Pick<CreateApiKeyInput, 'accountId' | 'role' | 'name'>>;
}

/** Result of the `RevokeApiKey` mutation (hooks/useRevokeApiKeyMutation.ts). */
export interface RevokeApiKeyMutation {
  revokeApiKey: { key: ApiKeyRow };
}

/** Variables of the `RevokeApiKey` mutation. */
export interface RevokeApiKeyMutationVariables {
  id: string;
}

/** Result of the `AddPaymentMethod` mutation (hooks/useAddPaymentMethodMutation.ts). */
export interface AddPaymentMethodMutation {
  addPaymentMethod: Pick<AddPaymentMethodPayload, 'status' | 'setupIntentId' | 'clientSecret' | 'failureReason'> & {
    paymentMethod: SavedCard | null;
  };
}

/** Variables of the `AddPaymentMethod` mutation: a card of the caller's account. */
export interface AddPaymentMethodMutationVariables {
  input: { paymentMethodId: string; makeDefault: boolean };
}

/** Result of the `SetDefaultPaymentMethod` mutation (hooks/useSetDefaultPaymentMethodMutation.ts). */
export interface SetDefaultPaymentMethodMutation {
  setDefaultPaymentMethod: { paymentMethod: SavedCard };
}

/** Result of the `RemovePaymentMethod` mutation (hooks/useRemovePaymentMethodMutation.ts). */
export interface RemovePaymentMethodMutation {
  removePaymentMethod: { paymentMethod: SavedCard };
}

/** Variables of the `SetDefaultPaymentMethod` and `RemovePaymentMethod` mutations. */
export interface PaymentMethodIdVariables {
  id: string;
}
