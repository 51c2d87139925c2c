// Validation of GraphQL documents against the committed contract (schema/schema.graphql), shared by the Transactions, Top up and Settings component tests.
import { buildSchema, parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import schemaSource from '../../../schema/schema.graphql?raw';

let schema: GraphQLSchema | undefined;

/** The messages graphql-js reports for `document` against schema/schema.graphql: [] when it is valid. */
export function validationErrors(document: DocumentNode): string[] {
  schema ??= buildSchema(schemaSource);
  // Printed and parsed again by this graphql copy, whichever copy gql used.
  return validate(schema, parse(print(document))).map((error) => error.message);
}

/** The document printed on one line, for field checks. */
export function compact(document: DocumentNode): string {
  return print(document).replace(/\s+/g, ' ');
}
