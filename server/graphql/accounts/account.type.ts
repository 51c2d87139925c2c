import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { AccountRecord, ApiKeyRecord } from '../../domain/accounts/account-record.js';
import { Role } from '../enums.js';
import { WalletObject } from '../wallets/wallet.type.js';

@ObjectType('Account', { description: 'A tenant of the platform.' })
export class AccountObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

/** The GraphQL view of an account record. */
export function toAccountObject(account: AccountRecord): AccountObject {
  return Object.assign(new AccountObject(), { id: account.id, name: account.name, createdAt: account.createdAt });
}

@ObjectType('ApiKey', { description: 'A credential; its secret is shown only when created.' })
export class ApiKeyObject {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null for SUPPORT and PLATFORM_ADMIN keys.' })
  accountId!: string | null;

  @Field(() => Role)
  role!: Role;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'First characters of the secret, to tell keys apart.' })
  prefix!: string;

  @Field(() => DateTimeResolver)
  createdAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
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
  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The caller’s account; null for platform roles.' })
  accountId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API key in use; null for the operator token.' })
  apiKeyId!: string | null;
}

@InputType('CreateAccountInput')
export class CreateAccountInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of the first wallet. Default "USD".' })
  currency?: string | null;
}

@ObjectType('CreateAccountPayload')
export class CreateAccountPayload {
  @Field(() => AccountObject)
  account!: AccountObject;

  @Field(() => WalletObject)
  wallet!: WalletObject;

  @Field(() => String, { description: 'The OWNER key’s secret. Shown this once; store it now.' })
  apiKey!: string;
}

@InputType('CreateApiKeyInput')
export class CreateApiKeyInput {
  @Field(() => ID, { nullable: true, description: 'Required for tenant roles; omitted for SUPPORT and PLATFORM_ADMIN.' })
  accountId?: string | null;

  @Field(() => Role)
  role!: Role;

  @Field(() => String)
  name!: string;
}

@ObjectType('CreateApiKeyPayload')
export class CreateApiKeyPayload {
  @Field(() => String, { description: 'The secret. Shown this once; store it now.' })
  apiKey!: string;

  @Field(() => ApiKeyObject)
  key!: ApiKeyObject;
}

@ObjectType('RevokeApiKeyPayload')
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyObject)
  key!: ApiKeyObject;
}
