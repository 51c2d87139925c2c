import { Args, ArgsType, Ctx, Field, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { searchAccounts } from '../../domain/accounts/search-accounts.service.js';
import { AccountConnection, AccountObject, toAccountObject } from './account.type.js';

@ArgsType()
class AccountsArgs {
  @Field(() => String, {
    nullable: true,
    description:
      "Part of the account's name or of one of its users' e-mails (case-insensitive), or the account's whole id; every account when omitted or blank. At most accountSearchLengthMax (default 254) characters.",
  })
  search?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..accountsPageSizeMax (default 50). Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;
}

@Resolver(() => AccountObject)
export class AccountSearchResolver {
  @Query(() => AccountConnection, {
    description:
      'SUPPORT and PLATFORM_ADMIN: finds accounts by name, id or user e-mail, newest first. FORBIDDEN for account roles; BAD_USER_INPUT.',
  })
  async accounts(@Args(() => AccountsArgs) args: AccountsArgs, @Ctx() { em, principal, config }: Context): Promise<AccountConnection> {
    const page = await searchAccounts(em, config, { principal, ...args });
    return {
      edges: page.accounts.map(({ account, cursor }) => ({ cursor, node: toAccountObject(account) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.accounts.at(-1)?.cursor ?? null },
    };
  }
}
