import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { AccountRecord, ApiKeyRecord } from '../../domain/accounts/account-record.js';
import { Role } from '../enums.js';
import { PageInfo, WalletObject } from '../wallets/wallet.type.js';

@ObjectType('Account', { description: 'A tenant of the platform.' })
export class AccountObject {
  @Field(() => ID, { description: 'Unique id of the account.' })
  id!: string;

  @Field(() => String, { description: 'Display name of the tenant (1 to 200 characters).' })
  name!: string;

  @Field(() => DateTimeResolver, { description: 'When the account was created.' })
  createdAt!: Date;
}

/** The GraphQL view of an account record. */
export function toAccountObject(account: AccountRecord): AccountObject {
  return Object.assign(new AccountObject(), { id: account.id, name: account.name, createdAt: account.createdAt });
}

@ObjectType('ApiKey', { description: 'A credential; its secret is shown only when created.' })
export class ApiKeyObject {
  @Field(() => ID, { description: 'Unique id of the API key.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null for SUPPORT and PLATFORM_ADMIN keys.' })
  accountId!: string | null;

  @Field(() => Role, { description: 'What the key may do.' })
  role!: Role;

  @Field(() => String, { description: 'A label to tell keys apart (1 to 200 characters).' })
  name!: string;

  @Field(() => String, { description: 'First characters of the secret, to tell keys apart.' })
  prefix!: string;

  @Field(() => DateTimeResolver, { description: 'When the API key was created.' })
  createdAt!: Date;

  @Field(() => DateTimeResolver, {
    description: 'When the key was revoked (it is refused from then on); null while in use.',
    nullable: true,
  })
  revokedAt!: Date | null;
}

/** The GraphQL view of an API key record (never its hash). */
export function toApiKeyObject(key: ApiKeyRecord): ApiKeyObject {
  return Object.assign(new ApiKeyObject(), {
    id: key.id,
    accountId: key.accountId,
    role: key.role,
    name: key.name,
    prefix: key.keyPrefix,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
  });
}

@ObjectType('Principal', { description: 'The caller.' })
export class PrincipalObject {
  @Field(() => Role, { description: 'What the credential in use may do.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The caller’s account; null for platform roles.' })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API key in use; null for the operator token.' })
  apiKeyId!: string | null;
}

@InputType('CreateAccountInput', { description: 'A new tenant: its name and the currency of its first wallet.' })
export class CreateAccountInput {
  @Field(() => String, { description: 'Display name of the tenant, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of the first wallet. Default "USD".' })
  currency?: string | null;
}

@ObjectType('CreateAccountPayload', {
  description: 'The result of createAccount: the account, its first (empty) wallet and its OWNER key.',
})
export class CreateAccountPayload {
  @Field(() => AccountObject, { description: 'The new account.' })
  account!: AccountObject;

  @Field(() => WalletObject, { description: 'Its first wallet, with a zero balance.' })
  wallet!: WalletObject;

  @Field(() => String, { description: 'The OWNER key’s secret. Shown this once; store it now.' })
  apiKey!: string;
}

@InputType('CreateApiKeyInput', { description: 'A new API key: the account it acts for, its role and a label.' })
export class CreateApiKeyInput {
  @Field(() => ID, { nullable: true, description: 'Required for tenant roles; omitted for SUPPORT and PLATFORM_ADMIN.' })
  accountId?: string | null;

  @Field(() => Role, {
    description: 'What the key may do. Tenant roles need accountId; SUPPORT and PLATFORM_ADMIN keys are made by PLATFORM_ADMIN only.',
  })
  role!: Role;

  @Field(() => String, { description: 'A label to tell keys apart, 1 to 200 characters.' })
  name!: string;
}

@ObjectType('CreateApiKeyPayload', { description: 'The result of createApiKey: the key and its secret, shown this once.' })
export class CreateApiKeyPayload {
  @Field(() => String, { description: 'The secret. Shown this once; store it now.' })
  apiKey!: string;

  @Field(() => ApiKeyObject, { description: 'The key as stored (without its secret).' })
  key!: ApiKeyObject;
}

@ObjectType('RevokeApiKeyPayload', { description: 'The result of revokeApiKey.' })
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyObject, { description: 'The key, now with revokedAt set.' })
  key!: ApiKeyObject;
}

@ObjectType('AccountEdge', { description: 'One account of a page and its cursor.' })
export class AccountEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => AccountObject, { description: 'The account.' })
  node!: AccountObject;
}

@ObjectType('AccountConnection', { description: 'Accounts newest first, Relay style.' })
export class AccountConnection {
  @Field(() => [AccountEdge], { description: 'This page of accounts, in order.' })
  edges!: AccountEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}
