import { DateTimeResolver } from 'graphql-scalars';
import { WalletStatus } from '../enums.js';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { adjustWallet } from '../../domain/wallets/adjust-wallet.service.js';
import { chargeWallet } from '../../domain/wallets/charge-wallet.service.js';
import { recordUsage } from '../../domain/wallets/record-usage.service.js';
import { RecordUsageInput, RecordUsagePayload } from './record-usage.types.js';
import { findWallet } from '../../domain/wallets/find-wallet.service.js';
import { encodeTransactionCursor } from '../../domain/wallets/list-wallet-transactions.service.js';
import type { PostedWalletTransaction } from '../../domain/wallets/post-wallet-transaction.js';
import { AdjustWalletInput, AdjustWalletPayload, ChargeInput, ChargePayload } from './wallet-mutations.types.js';
import { TransactionsArgs } from './transactions.args.js';
import { toTransactionObject, toWalletObject, TransactionConnection, WalletObject } from './wallet.type.js';

function toPayload<T extends ChargePayload | AdjustWalletPayload>(payload: T, posted: PostedWalletTransaction): T {
  return Object.assign(payload, {
    transaction: toTransactionObject(posted.transaction),
    wallet: toWalletObject(posted.wallet),
    replayed: posted.replayed,
  });
}

@Resolver(() => WalletObject)
export class WalletResolver {
  @Query(() => WalletObject, {
    nullable: true,
    description: 'A wallet of the caller (any wallet for SUPPORT and PLATFORM_ADMIN). NOT_FOUND otherwise.',
  })
  async wallet(
    @Arg('id', () => ID, { description: 'Id of the wallet.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<WalletObject> {
    return toWalletObject(await findWallet(em, { principal, walletId: id }));
  }

  @FieldResolver(() => WalletStatus, { description: 'SUSPENDED once it ran out (nothing left, nothing held) until it is funded again.' })
  async status(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<WalletStatus> {
    return (await loaders.walletLifecycle.load(wallet.id)).status as WalletStatus;
  }

  @FieldResolver(() => String, {
    description:
      'What the wallet picker shows: the name its owner gave it (createWallet), or "<currency> wallet" for one made without a name.',
  })
  async name(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<string> {
    return (await loaders.walletLifecycle.load(wallet.id)).name ?? `${wallet.currency} wallet`;
  }

  @FieldResolver(() => DateTimeResolver, { description: 'When it was suspended; null while ACTIVE.', nullable: true })
  async suspendedAt(@Root() wallet: WalletObject, @Ctx() { loaders }: Context): Promise<Date | null> {
    return (await loaders.walletLifecycle.load(wallet.id)).suspendedAt;
  }

  @FieldResolver(() => TransactionConnection, { description: 'Newest first; first is 1..100 (default 20).' })
  async transactions(
    @Root() wallet: WalletObject,
    @Args(() => TransactionsArgs) args: TransactionsArgs,
    @Ctx() { loaders, config }: Context,
  ): Promise<TransactionConnection> {
    // The wallet object was produced by a resolver that already checked the caller may see it.
    const page = await loaders.walletTransactions.load({ walletId: wallet.id, options: { ...args, limits: config } });
    const edges = page.transactions.map((row) => ({ cursor: encodeTransactionCursor(row.sequence), node: toTransactionObject(row) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Mutation(() => ChargePayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: debits a wallet; refused whole with INSUFFICIENT_FUNDS when available does not cover it. ' +
      'BAD_USER_INPUT (amount ≤ 0 or over operationAmountMicrosMax, description over 500 characters), IDEMPOTENCY_KEY_REUSED, NOT_FOUND.',
  })
  async charge(
    @Arg('input', () => ChargeInput, { description: 'The wallet, the amount and what it is for.' }) input: ChargeInput,
    @Ctx() context: Context,
  ): Promise<ChargePayload> {
    const { principal, config, spend } = context;
    // The request's EntityManager is read (and forked) only when a refusal or replay needs it: a charge that goes through never does.
    const posted = await chargeWallet(() => context.em, spend.deps, {
      principal,
      walletId: input.walletId,
      amountMicros: input.amount,
      description: input.description,
      idempotencyKey: input.idempotencyKey,
      campaignId: input.campaignId,
      limits: config,
    });
    return toPayload(new ChargePayload(), posted);
  }

  @Mutation(() => RecordUsagePayload, {
    description:
      'OWNER, CAMPAIGN_MANAGER, INTEGRATOR, PLATFORM_ADMIN: charges a batch of usage events (each exactly as `charge`), in one statement where possible, ' +
      'in the order given; each event is answered on its own (POSTED, REPLAYED, or REFUSED with its error code) and never affects another. ' +
      'BAD_USER_INPUT on `events` for none or more than usageEventsPerCallMax (1,000). Each event counts as one mutation against the rate limit.',
  })
  async recordUsage(
    @Arg('input', () => RecordUsageInput, { description: 'The usage events.' }) input: RecordUsageInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<RecordUsagePayload> {
    const outcomes = await recordUsage(em, spend.deps, {
      principal,
      events: input.events.map((event) => ({
        walletId: event.walletId,
        amountMicros: event.amount,
        description: event.description,
        idempotencyKey: event.idempotencyKey,
        campaignId: event.campaignId,
      })),
      limits: config,
    });
    return new RecordUsagePayload(outcomes);
  }

  @Mutation(() => AdjustWalletPayload, { description: 'SUPPORT and PLATFORM_ADMIN: credit or debit any wallet with a reason.' })
  async adjustWallet(
    @Arg('input', () => AdjustWalletInput, { description: 'The wallet, the signed amount and the reason.' }) input: AdjustWalletInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<AdjustWalletPayload> {
    const posted = await adjustWallet(em, spend.deps, {
      principal,
      walletId: input.walletId,
      amountMicros: input.amount,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
      limits: config,
    });
    return toPayload(new AdjustWalletPayload(), posted);
  }
}
