import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from '../../context.js';
import { AccountStatus } from '../enums.js';
import { createAccount } from '../../domain/accounts/create-account.service.js';
import { createApiKey } from '../../domain/accounts/create-api-key.service.js';
import { findAccount, findAccountLifecycle, listApiKeys } from '../../domain/accounts/find-account.service.js';
import { revokeApiKey } from '../../domain/accounts/revoke-api-key.service.js';
import { listAccountWallets } from '../../domain/wallets/find-wallet.service.js';
import { toWalletObject, WalletObject } from '../wallets/wallet.type.js';
import {
  AccountObject,
  ApiKeyObject,
  CreateAccountInput,
  CreateAccountPayload,
  CreateApiKeyInput,
  CreateApiKeyPayload,
  PrincipalObject,
  RevokeApiKeyPayload,
  toAccountObject,
  toApiKeyObject,
} from './account.type.js';

@Resolver(() => AccountObject)
export class AccountResolver {
  @Query(() => PrincipalObject, { description: 'Who the credential in use is.' })
  me(@Ctx() { principal }: Context): PrincipalObject {
    return Object.assign(new PrincipalObject(), {
      role: principal.role,
      accountId: principal.accountId,
      apiKeyId: principal.apiKeyId,
    });
  }

  @Query(() => AccountObject, {
    nullable: true,
    description: 'The caller’s account (any account for platform roles). NOT_FOUND otherwise.',
  })
  async account(
    @Arg('id', () => ID, { description: 'Id of the account.' }) id: string,
    @Ctx() { em, principal }: Context,
  ): Promise<AccountObject> {
    return toAccountObject(await findAccount(em, { principal, accountId: id }));
  }

  @FieldResolver(() => AccountStatus, { description: 'CLOSED after its wallets stayed suspended for the configured period (30 days).' })
  async status(@Root() account: AccountObject, @Ctx() { em }: Context): Promise<AccountStatus> {
    return (await findAccountLifecycle(em, account.id)).status as AccountStatus;
  }

  @FieldResolver(() => DateTimeResolver, { description: 'When the account was closed; null while ACTIVE.', nullable: true })
  async closedAt(@Root() account: AccountObject, @Ctx() { em }: Context): Promise<Date | null> {
    return (await findAccountLifecycle(em, account.id)).closedAt;
  }

  @FieldResolver(() => [WalletObject], {
    description: "The account's wallets, oldest first (the first is the one the account was opened with; createWallet adds more).",
  })
  async wallets(@Root() account: AccountObject, @Ctx() { em }: Context): Promise<WalletObject[]> {
    // The account object was produced by a resolver that already checked the caller may see it.
    return (await listAccountWallets(em, account.id)).map(toWalletObject);
  }

  @FieldResolver(() => [ApiKeyObject], { description: 'OWNER, SUPPORT and PLATFORM_ADMIN only.' })
  async apiKeys(@Root() account: AccountObject, @Ctx() { em, principal }: Context): Promise<ApiKeyObject[]> {
    return (await listApiKeys(em, { principal, accountId: account.id })).map(toApiKeyObject);
  }

  @Mutation(() => CreateAccountPayload, { description: 'PLATFORM_ADMIN: opens a tenant with an empty wallet and an OWNER key.' })
  async createAccount(
    @Arg('input', () => CreateAccountInput, { description: 'The new account: its name and the currency of its first wallet.' })
    input: CreateAccountInput,
    @Ctx() { em, principal, config }: Context,
  ): Promise<CreateAccountPayload> {
    const created = await createAccount(em, { principal, name: input.name, currency: input.currency, limits: config });
    return Object.assign(new CreateAccountPayload(), {
      account: toAccountObject(created.account),
      wallet: toWalletObject(created.wallet),
      apiKey: created.ownerKeySecret,
    });
  }

  @Mutation(() => CreateApiKeyPayload, { description: 'OWNER (own account, tenant roles) or PLATFORM_ADMIN.' })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput, { description: 'The key to create: its account, role and name.' }) input: CreateApiKeyInput,
    @Ctx() { em, principal, config }: Context,
  ): Promise<CreateApiKeyPayload> {
    const created = await createApiKey(em, {
      principal,
      accountId: input.accountId ?? null,
      role: input.role,
      name: input.name,
      limits: config,
    });
    return Object.assign(new CreateApiKeyPayload(), { apiKey: created.secret, key: toApiKeyObject(created.key) });
  }

  @Mutation(() => RevokeApiKeyPayload, { description: 'OWNER (own account) or PLATFORM_ADMIN. Takes effect on the next request.' })
  async revokeApiKey(
    @Arg('id', () => ID, { description: 'Id of the API key to revoke.' }) id: string,
    @Ctx() { em, principal, credentialCache }: Context,
  ): Promise<RevokeApiKeyPayload> {
    return Object.assign(new RevokeApiKeyPayload(), { key: toApiKeyObject(await revokeApiKey(em, { principal, id, credentialCache })) });
  }
}

@Resolver(() => PrincipalObject)
export class PrincipalResolver {
  @FieldResolver(() => AccountObject, { nullable: true, description: 'Null for platform roles.' })
  async account(@Root() me: PrincipalObject, @Ctx() { em, principal }: Context): Promise<AccountObject | null> {
    if (me.accountId === null) return null;
    return toAccountObject(await findAccount(em, { principal, accountId: me.accountId }));
  }
}
