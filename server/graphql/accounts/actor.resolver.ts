import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { actorAsSeenBy } from '../../domain/accounts/actors.js';
import { BankTransferObject } from '../payments/payments.types.js';
import { TransactionObject } from '../wallets/wallet.type.js';
import { ActorObject, toActorObject } from './actor.type.js';

/** The actor stored as `text`, as the caller may see it. */
async function actorOf({ loaders, principal }: Context, text: string): Promise<ActorObject> {
  return toActorObject(actorAsSeenBy(principal, await loaders.actors.load(text)));
}

@Resolver(() => TransactionObject)
export class TransactionActorResolver {
  @FieldResolver(() => ActorObject, {
    description:
      'Who caused the transaction: the user or key (a support grant or adjustment names the staff member to platform staff only), or the server for payments and renewals.',
  })
  async actor(@Root() transaction: TransactionObject, @Ctx() context: Context): Promise<ActorObject> {
    return actorOf(context, transaction.actorText);
  }
}

@Resolver(() => BankTransferObject)
export class BankTransferActorResolver {
  @FieldResolver(() => ActorObject, { description: 'Who announced the transfer (the owner, or support on their behalf).' })
  async recordedBy(@Root() transfer: BankTransferObject, @Ctx() context: Context): Promise<ActorObject> {
    return actorOf(context, transfer.createdByText);
  }

  @FieldResolver(() => ActorObject, { nullable: true, description: 'Who completed or canceled it; null while PENDING.' })
  async settledBy(@Root() transfer: BankTransferObject, @Ctx() context: Context): Promise<ActorObject | null> {
    return transfer.settledByText === null ? null : actorOf(context, transfer.settledByText);
  }
}
