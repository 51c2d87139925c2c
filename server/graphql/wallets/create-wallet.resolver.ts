import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { createWallet } from '../../domain/wallets/create-wallet.service.js';
import { toWalletObject, WalletObject } from './wallet.type.js';

@InputType('CreateWalletInput', { description: 'A further wallet of an account: its currency and the name the wallet picker shows.' })
export class CreateWalletInput {
  @Field(() => ID, { description: "The account (an OWNER's own; any for PLATFORM_ADMIN)." })
  accountId!: string;

  @Field(() => String, {
    description: 'ISO 4217 code, one of those accounts may use (USD, EUR, GBP, CAD, AUD). Several wallets may share one.',
  })
  currency!: string;

  @Field(() => String, {
    description: 'Unique in the account (ignoring case), 1 to walletNameLengthMax (default 100) characters, trimmed.',
  })
  name!: string;
}

@ObjectType('CreateWalletPayload', { description: 'Result of createWallet.' })
export class CreateWalletPayload {
  @Field(() => WalletObject, { description: 'The new wallet, empty.' })
  wallet!: WalletObject;
}

@Resolver()
export class CreateWalletResolver {
  @Mutation(() => CreateWalletPayload, {
    description:
      'OWNER (own account) and PLATFORM_ADMIN: opens a further empty wallet. LIMIT_EXCEEDED past walletsPerAccountMax (default 10) wallets; ' +
      'INVALID_STATE when the name is taken (`field: name`) or the account is closed; BAD_USER_INPUT (`currency`, `name`); NOT_FOUND.',
  })
  async createWallet(
    @Arg('input', () => CreateWalletInput, { description: 'The account, the currency and the name.' }) input: CreateWalletInput,
    @Ctx() { em, principal, config, spend }: Context,
  ): Promise<CreateWalletPayload> {
    const wallet = await createWallet(em, config, {
      principal,
      accountId: input.accountId,
      currency: input.currency,
      name: input.name,
      nowMs: spend.clock.now(),
    });
    return Object.assign(new CreateWalletPayload(), { wallet: toWalletObject(wallet) });
  }
}
