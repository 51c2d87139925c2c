import { Args, ArgsType, Field, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../context.js';
import { findWallet, findWalletState } from '../../domain/wallets/find-wallet.service.js';
import { BadUserInputError } from '../../errors.js';
import { availableMicros } from '../../domain/wallets/credit.js';
import type { WalletEvent } from '../../events/wallet-event.js';
import { openWalletStream, resumeWindowExceeded, SubscriberOverflowError, walletStateKept } from '../../events/wallet-stream.js';
import { toTransactionObject, toWalletObject, TransactionObject, WalletObject } from './wallet.type.js';
import { openChangeStream } from '../../events/change-stream.js';
import { mapStream } from '../../events/map-stream.js';

/** graphql-ws close code for a subscriber that fell too far behind (it resumes with afterSequence). */
export const CLOSE_CODE_SUBSCRIBER_OVERFLOW = 4413;

const SEQUENCE_PATTERN = /^(0|[1-9][0-9]{0,18})$/;

interface SubscribeData {
  args: { walletId: string; afterSequence?: string | null };
  context: Context;
}

// The wallet hub hands the same event object to every subscriber of the wallet: map it once.
const transactions = new WeakMap<WalletEvent, TransactionObject>();
function transactionOf(event: WalletEvent): TransactionObject {
  let transaction = transactions.get(event);
  if (!transaction) {
    transaction = toTransactionObject(event.transaction);
    transactions.set(event, transaction);
  }
  return transaction;
}

const walletStates = new WeakMap<WalletEvent, WalletObject>();
function walletAfter(event: WalletEvent, build: () => WalletObject): WalletObject {
  let wallet = walletStates.get(event);
  if (!wallet) {
    wallet = build();
    walletStates.set(event, wallet);
  }
  return wallet;
}

/**
 * Maps a stream's events; when the consumer falls behind, hangs up the socket with 4413 and ends.
 * Closing the subscription ends the source at once (see {@link mapStream}).
 */
function mapWalletStream<T>(
  context: Context,
  source: AsyncIterableIterator<WalletEvent>,
  map: (event: WalletEvent) => T,
): AsyncIterableIterator<T> {
  return mapStream(source, map, {
    endsOn: (error) => {
      if (!(error instanceof SubscriberOverflowError)) return false;
      context.closeSocket?.(CLOSE_CODE_SUBSCRIBER_OVERFLOW, 'Subscriber fell behind: resume with afterSequence');
      return true;
    },
  });
}

/** @throws BadUserInputError (`afterSequence`) unless absent or a sequence number. */
function parseAfterSequence(text: string | null | undefined): bigint | null {
  if (text === null || text === undefined) return null;
  if (!SEQUENCE_PATTERN.test(text))
    throw new BadUserInputError('afterSequence', 'afterSequence must be a sequence number such as "0" or "42"');
  return BigInt(text);
}

/**
 * @param walletStateRequired the subscriber needs each event's wallet state (reserved credit),
 * which only the outbox keeps: a resume from beyond its retention answers RESUME_WINDOW_EXCEEDED.
 */
async function walletStream({ args, context }: SubscribeData, walletStateRequired: boolean) {
  const afterSequence = parseAfterSequence(args.afterSequence);
  // The tenant check happens before any event is read: another tenant's wallet is NOT_FOUND.
  const wallet = await findWallet(context.em, { principal: context.principal, walletId: args.walletId });
  // A resume point the wallet has not reached would wait in silence: say so instead.
  if (afterSequence !== null && afterSequence > wallet.lastSequence) {
    throw new BadUserInputError(
      'afterSequence',
      `afterSequence ${afterSequence} is ahead of the wallet's last sequence ${wallet.lastSequence}`,
    );
  }
  if (
    walletStateRequired &&
    afterSequence !== null &&
    afterSequence < wallet.lastSequence &&
    !(await walletStateKept(context.em, wallet.id, afterSequence + 1n))
  ) {
    throw resumeWindowExceeded(afterSequence);
  }
  const stream = openWalletStream({
    em: context.em,
    hubs: context.events.hubs,
    walletId: wallet.id,
    afterSequence,
    queueMax: context.config.subscriberQueueMax,
    replayBatchSize: context.config.outboxBatchSize,
    walletStateRequired,
  });
  return { wallet, stream };
}

@ArgsType()
class WalletStreamArgs {
  @Field(() => ID, { description: "The wallet to follow (one of the caller's; NOT_FOUND otherwise)." })
  walletId!: string;

  @Field(() => String, { nullable: true, description: 'Last sequence the client has; "0" replays everything.' })
  afterSequence?: string | null;
}

@ArgsType()
class WalletIdArgs {
  @Field(() => ID, { description: "The wallet to follow (one of the caller's; NOT_FOUND otherwise)." })
  walletId!: string;
}

@Resolver()
export class WalletSubscriptionResolver {
  @Subscription(() => TransactionObject, {
    description:
      'Every transaction of the wallet, in sequence order, exactly once. With afterSequence: first every transaction after it (replay), then live, with no gap or duplicate at the seam. Without: from the next transaction on. Resumes from any sequence: transactions are never deleted.',
    subscribe: async (data: SubscribeData) => {
      // Transactions replay from any sequence: their rows are never deleted.
      const { stream } = await walletStream(data, false);
      return mapWalletStream(data.context, stream, transactionOf);
    },
  })
  transactionAdded(@Root() transaction: TransactionObject, @Args(() => WalletStreamArgs) _args: WalletStreamArgs): TransactionObject {
    return transaction;
  }

  @Subscription(() => WalletObject, {
    description:
      'The wallet as it is after each change, in sequence order. With afterSequence: first its state after each later change (replay), then live; without: from the next change on. The states after each change are kept outboxResumeWindowMs (7 days by default): resuming from further back answers RESUME_WINDOW_EXCEEDED (transactionAdded resumes from any sequence).',
    subscribe: async (data: SubscribeData) => {
      // Wallet states after each change live in the outbox only: resumable within outboxResumeWindowMs.
      const { wallet, stream } = await walletStream(data, true);
      return mapWalletStream(data.context, stream, (event) =>
        walletAfter(event, () =>
          Object.assign(new WalletObject(), {
            id: wallet.id,
            accountId: wallet.accountId,
            currency: wallet.currency.trim(),
            balance: event.balanceMicros,
            // Never null here: the stream requires the wallet state (walletStateRequired).
            reserved: event.reservedMicros!,
            available: availableMicros({ balanceMicros: event.balanceMicros, reservedMicros: event.reservedMicros! }),
            sequence: event.sequence.toString(),
            createdAt: wallet.createdAt,
          }),
        ),
      );
    },
  })
  balanceChanged(@Root() wallet: WalletObject, @Args(() => WalletStreamArgs) _args: WalletStreamArgs): WalletObject {
    return wallet;
  }

  @Subscription(() => WalletObject, {
    description:
      'The wallet now, then again after every change of its balance, reserved credit (calls reserving increments, message holds) or status. A state feed: a slow reader gets the latest state, never a stale one. balanceChanged follows transactions only, resumably.',
    subscribe: async ({ args, context }: { args: { walletId: string }; context: Context }) => {
      const wallet = await findWallet(context.em, { principal: context.principal, walletId: args.walletId });
      // Each notification counts; a load covers every notification counted before it started.
      let notified = 0n;
      let last: string | undefined;
      return openChangeStream<WalletObject>({
        listen: (onChange) => context.events.tail.onWalletChange(wallet.id, () => onChange(wallet.id, ++notified)),
        load: async () => {
          const version = notified;
          const state = await findWalletState(context.em, { principal: context.principal, walletId: wallet.id });
          const current = toWalletObject(state.wallet);
          const status = state.status;
          const signature = `${current.balance}|${current.reserved}|${current.sequence}|${status}`;
          if (signature === last) return [];
          last = signature;
          return [{ key: wallet.id, version, state: current }];
        },
      });
    },
  })
  walletUpdated(@Root() wallet: WalletObject, @Args(() => WalletIdArgs) _args: WalletIdArgs): WalletObject {
    return wallet;
  }
}
