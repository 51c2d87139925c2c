import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findAutoRecharges, type AutoRechargeSettings } from '../domain/payments/auto-recharge.service.js';
import { refundableMicrosOfWallets } from '../domain/payments/refund-unused-credit.service.js';
import { lowBalanceThresholdsOfWallets } from '../domain/alerts/alerts.service.js';
import { findActiveSubscriptions, findSubscriptionPlans } from '../domain/subscriptions/subscription.service.js';
import type { SubscriptionPlanRecord, SubscriptionRecord } from '../domain/subscriptions/subscription-record.js';
import { NotFoundError } from '../errors.js';
import { describeActors, type ActorRecord } from '../domain/accounts/actors.js';
import { walletLifecyclesOf, type WalletLifecycle } from '../domain/wallets/find-wallet.service.js';
import { listTopUpsOfWallets } from '../domain/payments/reconcile-top-ups.service.js';
import { listCreditRefundsOfWallets, type CreditRefund } from '../domain/payments/refund-unused-credit.service.js';
import { listBankTransfersOfWallets, type BankTransfer } from '../domain/payments/bank-transfer.service.js';
import type { TopUpRecord } from '../domain/payments/top-up-record.js';
import { invoicesOfTransactions } from '../domain/invoices/list-invoices.service.js';
import type { InvoiceRecord } from '../domain/invoices/invoice-record.js';
import { campaignsSpendSeries, type SpendPoint } from '../domain/campaigns/campaign-spend-series.service.js';
import { walletOutlooks, type WalletOutlook } from '../domain/spend-caps/cap-outlook.js';
import type { Clock } from '../domain/calls/clock.js';
import type { Config } from '../config.js';
import {
  listWalletsTransactions,
  type ListWalletsTransactionsOptions,
  type WalletTransactionPage,
} from '../domain/wallets/list-wallet-transactions.service.js';

/** Most keys one batched statement carries (`= any($1)` with this many ids). */
const BATCH_KEYS_MAX = 1_000;

/**
 * The per-parent reads of the wallet and campaign field resolvers, batched: every parent of a
 * list asks in the same tick, and one statement answers them all, so a page of N wallets or
 * campaigns costs a fixed number of statements whatever N. Built once per operation (HTTP request, socket operation) from its
 * EntityManager; each loader is made on first use.
 *
 * Batching only, no cache (`cache: false`): a subscription's context lives as long as the
 * subscription and resolves the wallet again after every event, and a mutation's payload must
 * show the state after the write, so a value read once must never be served again.
 */
export interface Loaders {
  walletLifecycle: DataLoader<string, WalletLifecycle>;
  /** A wallet's burn and what stops its spending first (its balance or a spend cap). */
  walletBurn: DataLoader<string, WalletOutlook>;
  lowBalanceThresholds: DataLoader<string, bigint[]>;
  autoRecharge: DataLoader<string, AutoRechargeSettings | null>;
  refundable: DataLoader<string, bigint>;
  activeSubscription: DataLoader<string, SubscriptionRecord | null>;
  /** A subscription plan by id (NOT_FOUND for an unknown one). */
  subscriptionPlan: DataLoader<string, SubscriptionPlanRecord>;
  /** A page of a wallet's transactions; the wallets asked with the same arguments share one statement. */
  walletTransactions: DataLoader<WalletTransactionsKey, WalletTransactionPage>;
  /** A campaign's spend per minute; the campaigns asked over the same minutes share one statement. */
  campaignSpendSeries: DataLoader<{ campaignId: string; minutes: number }, SpendPoint[]>;
  /** A wallet's newest top-ups, refunds to cards and bank transfers; wallets asked for the same count share one statement. */
  topUps: DataLoader<WalletListKey, TopUpRecord[]>;
  creditRefunds: DataLoader<WalletListKey, CreditRefund[]>;
  bankTransfers: DataLoader<WalletListKey, BankTransfer[]>;
  /** Who did something, by the actor text stored on ledger rows and alerts. */
  actors: DataLoader<string, ActorRecord>;
  /** The invoice or credit note of a wallet transaction (null for most). */
  transactionInvoice: DataLoader<string, InvoiceRecord | null>;
}

/** The newest `first` rows of a wallet's list. */
export interface WalletListKey {
  walletId: string;
  first: number;
}

/** A loader of the newest `first` rows of wallets' lists, one statement per distinct `first`. */
function walletLists<V>(load: (walletIds: string[], first: number) => Promise<Map<string, V[]>>): DataLoader<WalletListKey, V[]> {
  return new DataLoader<WalletListKey, V[]>(
    (keys) =>
      loadGrouped(
        keys.map((key) => ({ id: key.walletId, first: key.first })),
        (key) => ({ name: String(key.first), options: key.first }),
        load,
      ),
    { cache: false, maxBatchSize: BATCH_KEYS_MAX },
  );
}

/** Which page of which wallet {@link Loaders.walletTransactions} loads. */
export interface WalletTransactionsKey {
  walletId: string;
  options: ListWalletsTransactionsOptions;
}

/**
 * Loads `keys` grouped by `groupOf(key)`: one `load` per group, one group after the other (an
 * operation holds one connection at a time). An error (BAD_USER_INPUT on an argument) fails the
 * keys of its group.
 */
async function loadGrouped<K extends { id: string }, G, V>(
  keys: readonly K[],
  groupOf: (key: K) => { name: string; options: G },
  load: (ids: string[], options: G) => Promise<Map<string, V>>,
): Promise<(V | Error)[]> {
  const groups = new Map<string, { options: G; ids: Set<string> }>();
  const names = keys.map((key) => {
    const { name, options } = groupOf(key);
    const group = groups.get(name) ?? { options, ids: new Set<string>() };
    group.ids.add(key.id);
    groups.set(name, group);
    return name;
  });
  const results = new Map<string, Map<string, V> | Error>();
  for (const [name, group] of groups) {
    try {
      results.set(name, await load([...group.ids], group.options));
    } catch (error) {
      results.set(name, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return keys.map((key, index) => {
    const found = results.get(names[index]!)!;
    return found instanceof Error ? found : found.get(key.id)!;
  });
}

/**
 * A loader over `load`, which reads many keys in one statement and returns what it found by key;
 * a key it did not find gets `missing(key)` (a value, or an Error for that key alone).
 */
function batched<V>(
  load: (keys: readonly string[]) => Promise<Map<string, V>>,
  missing: (key: string) => V | Error,
): DataLoader<string, V> {
  return new DataLoader<string, V>(
    async (keys) => {
      // Without a cache the same key may come twice in one batch (status and suspendedAt of one wallet).
      const found = await load([...new Set(keys)]);
      return keys.map((key) => (found.has(key) ? found.get(key)! : missing(key)));
    },
    { cache: false, maxBatchSize: BATCH_KEYS_MAX },
  );
}

/** The error of a wallet the parent resolver saw but that is gone: an outage or a bug, masked as any. */
const walletGone = (walletId: string) => new Error(`Wallet ${walletId} vanished while its fields were read`);

/** What the burn loader reads besides the database: the billing clock and the burn window. */
export interface LoaderSettings {
  clock: Clock;
  config: Pick<Config, 'burnRateWindowSeconds' | 'burnRateWindowMinSeconds'>;
}

/** How each loader of {@link Loaders} is made, on an operation's `em`. */
const LOADER_MAKERS: { [K in keyof Loaders]: (em: EntityManager, settings: LoaderSettings) => Loaders[K] } = {
  walletLifecycle: (em) => batched((ids) => walletLifecyclesOf(em, ids), walletGone),
  walletBurn: (em, settings) =>
    // Each batch reads at its own moment on the billing clock (a subscription's context lives long).
    batched((ids) => walletOutlooks(em, ids, { config: settings.config, nowMs: settings.clock.now() }), walletGone),
  lowBalanceThresholds: (em) => batched((ids) => lowBalanceThresholdsOfWallets(em, ids), walletGone),
  autoRecharge: (em) =>
    batched<AutoRechargeSettings | null>(
      (ids) => findAutoRecharges(em, ids),
      () => null,
    ),
  refundable: (em) =>
    batched(
      (ids) => refundableMicrosOfWallets(em, ids),
      () => 0n,
    ),
  walletTransactions: (em) =>
    new DataLoader<WalletTransactionsKey, WalletTransactionPage>(
      (keys) =>
        loadGrouped(
          keys.map((key) => ({ id: key.walletId, options: key.options })),
          (key) => {
            // A list of wallets asks every wallet with the same arguments: one statement for them all.
            const { limits: _limits, ...args } = key.options;
            return { name: JSON.stringify(args), options: key.options };
          },
          (ids, options) => listWalletsTransactions(em, ids, options),
        ),
      { cache: false, maxBatchSize: BATCH_KEYS_MAX },
    ),
  campaignSpendSeries: (em) =>
    new DataLoader<{ campaignId: string; minutes: number }, SpendPoint[]>(
      (keys) =>
        loadGrouped(
          keys.map((key) => ({ id: key.campaignId, minutes: key.minutes })),
          (key) => ({ name: String(key.minutes), options: key.minutes }),
          (ids, minutes) => campaignsSpendSeries(em, ids, minutes),
        ),
      { cache: false, maxBatchSize: BATCH_KEYS_MAX },
    ),
  topUps: (em) => walletLists((ids, first) => listTopUpsOfWallets(em, ids, first)),
  creditRefunds: (em) => walletLists((ids, first) => listCreditRefundsOfWallets(em, ids, first)),
  bankTransfers: (em) => walletLists((ids, first) => listBankTransfersOfWallets(em, ids, first)),
  actors: (em) =>
    batched(
      (texts) => describeActors(em, texts),
      (text) => new Error(`Actor ${text} was not described`),
    ),
  transactionInvoice: (em) =>
    batched<InvoiceRecord | null>(
      (ids) => invoicesOfTransactions(em, ids),
      () => null,
    ),
  subscriptionPlan: (em) =>
    batched(
      (ids) => findSubscriptionPlans(em, ids),
      (id) => new NotFoundError('Subscription plan', id),
    ),
  activeSubscription: (em) =>
    batched<SubscriptionRecord | null>(
      (ids) => findActiveSubscriptions(em, ids),
      () => null,
    ),
};

/**
 * The loaders of one operation: each made by its {@link LOADER_MAKERS} entry on first use. The
 * getters live on the prototype, defined once, so an operation's loaders cost one small object:
 * building sixteen property descriptors and closures per request (Object.defineProperties) was the
 * context's largest own cost on a charge, which uses none of them.
 */
class OperationLoaders {
  readonly #made: Partial<Loaders> = {};
  readonly #em: EntityManager | (() => EntityManager);
  readonly #settings: LoaderSettings;

  constructor(em: EntityManager | (() => EntityManager), settings: LoaderSettings) {
    this.#em = em;
    this.#settings = settings;
  }

  /** The loader `name`, made on first use. */
  loader<K extends keyof Loaders>(name: K): Loaders[K] {
    let loader: Loaders[K] | undefined = this.#made[name];
    if (loader === undefined) {
      loader = LOADER_MAKERS[name](typeof this.#em === 'function' ? this.#em() : this.#em, this.#settings);
      this.#made[name] = loader;
    }
    return loader;
  }
}
for (const name of Object.keys(LOADER_MAKERS) as (keyof Loaders)[]) {
  Object.defineProperty(OperationLoaders.prototype, name, {
    get(this: OperationLoaders) {
      return this.loader(name);
    },
    enumerable: true,
  });
}

/** The loaders of one operation on `em` (or the EntityManager it returns, asked when a first loader is made), each built on first use. */
export function createLoaders(em: EntityManager | (() => EntityManager), settings: LoaderSettings): Loaders {
  return new OperationLoaders(em, settings) as unknown as Loaders;
}
