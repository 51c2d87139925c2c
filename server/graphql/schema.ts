import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import './enums.js';
import { AccountResolver, PrincipalResolver } from './accounts/account.resolver.js';
import { WalletResolver } from './wallets/wallet.resolver.js';

/** Builds the executable GraphQL schema from the type-graphql resolvers. */
export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [AccountResolver, PrincipalResolver, WalletResolver],
    validate: false,
    emitSchemaFile: false,
  });
}

/** The SDL committed as schema/schema.graphql: the contract the client's types are generated from. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
