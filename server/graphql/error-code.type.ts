import { GraphQLEnumType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { ERROR_CODE_DESCRIPTIONS } from '../errors.js';

/**
 * The `ErrorCode` enum of the schema: every `extensions.code` the API answers, each described. No field
 * returns it (codes arrive in `errors[].extensions.code`), so type-graphql would never emit it: it is
 * built here from errors.ts, the one place the codes are defined, and added by {@link documentSchema}.
 */
export const ErrorCodeEnum = new GraphQLEnumType({
  name: 'ErrorCode',
  description:
    'Every value `errors[].extensions.code` may take in an answer (HTTP and WebSocket). Branch on the code, never on the message. ' +
    'Details come in the other extensions named beside each code.',
  values: Object.fromEntries(Object.entries(ERROR_CODE_DESCRIPTIONS).map(([code, description]) => [code, { value: code, description }])),
});

/** Descriptions of the root operation types, which type-graphql builds without one. */
const ROOT_DESCRIPTIONS = {
  query:
    "Reads. Every request needs a credential (API key or session cookie) and sees only what its role may see: another tenant's objects are NOT_FOUND.",
  mutation:
    'Writes. A mutation answered with an error wrote nothing unless its code says otherwise (OPERATION_TIMEOUT). Money mutations take an idempotencyKey: ' +
    'retrying with the same key is safe.',
  subscription:
    'Live feeds over WebSocket (graphql-ws protocol, path /graphql). Resumable feeds take afterSequence or afterPosition; state feeds send the latest state.',
} as const;

/** The built schema plus the ErrorCode enum and descriptions of its root types (same field objects, same resolvers). */
export function documentSchema(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const described = (type: GraphQLObjectType | null | undefined, description: string) =>
    type ? new GraphQLObjectType({ ...type.toConfig(), description }) : type;
  const query = described(config.query, ROOT_DESCRIPTIONS.query);
  const mutation = described(config.mutation, ROOT_DESCRIPTIONS.mutation);
  const subscription = described(config.subscription, ROOT_DESCRIPTIONS.subscription);
  // Each root keeps its place in the type list, so the printed schema keeps its order.
  const replacements = new Map<unknown, unknown>([
    [config.query, query],
    [config.mutation, mutation],
    [config.subscription, subscription],
  ]);
  const types = config.types.map((type) => (replacements.get(type) as typeof type | undefined) ?? type);
  return new GraphQLSchema({ ...config, query, mutation, subscription, types: [...types, ErrorCodeEnum] });
}
