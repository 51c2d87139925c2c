import {
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { Config } from '../config.js';
import type { ValidatedDocuments } from './validated-documents.js';

/**
 * The query limits of both transports, defined once: HTTP (Apollo's `parseOptions`,
 * `validationRules` and transport/graphql-request-plugin.ts) and WebSocket ({@link prepareSocketOperation} in
 * graphql-ws `onSubscribe`) apply exactly these. A document over a limit is refused before it runs
 * with `extensions: { code: 'QUERY_TOO_COMPLEX', limit: '<config field>', max: N }` (HTTP 400).
 */

/** `extensions.code` of a document refused by a query limit. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** The config fields of the query limits, as named in a refusal's `extensions.limit`. */
export type QueryLimit = 'queryCostMax' | 'queryAliasesMax' | 'queryDepthMax' | 'queryTokensMax' | 'queryDirectivesMax';

/** The settings the query limits read. */
export type QueryLimitsConfig = Pick<
  Config,
  | QueryLimit
  | 'introspectionEnabled'
  | 'transactionsPageSizeDefault'
  | 'callsPageSizeDefault'
  | 'alertsPageSizeDefault'
  | 'webhookDeliveriesPageSizeDefault'
  | 'transactionsPageSizeMax'
  | 'callsPageSizeMax'
  | 'alertsPageSizeMax'
  | 'webhookDeliveriesPageSizeMax'
>;

/** The refusal of a document over `limit`. */
export function queryTooComplexError(limit: QueryLimit, max: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: QUERY_TOO_COMPLEX, limit, max, http: { status: 400 } } });
}

/**
 * Options for graphql's `parse`: `maxTokens` stops the parser at the token limit, so a huge
 * document is refused without being parsed in full (its error is turned into QUERY_TOO_COMPLEX by
 * {@link tokenLimitErrorOf}).
 */
export function queryParseOptions(config: QueryLimitsConfig): ParseOptions {
  // `maxTokens` (a deprecated alias of `maxLexicalTokens` since graphql 16.14) works on every 16.x.
  return { maxTokens: config.queryTokensMax };
}

/** graphql-js's message when `maxTokens` stops the parser (graphql/language/parser.js; 16.15 spells it "more that"). */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens\. Parsing aborted\.$/;

/** The QUERY_TOO_COMPLEX error for a parse error caused by the token limit; undefined for any other parse error. */
export function tokenLimitErrorOf(message: string): GraphQLError | undefined {
  const match = TOKEN_LIMIT_MESSAGE.exec(message);
  if (!match) return undefined;
  const max = Number(match[1]);
  return queryTooComplexError('queryTokensMax', max, `The document has more than ${max} tokens (queryTokensMax)`);
}

/**
 * The validation rules of the limits that do not depend on variables: aliases, depth and
 * directives (GraphQL Armor's rules, reporting QUERY_TOO_COMPLEX instead of throwing), and
 * introspection when it is disabled. Cost depends on variables (`first: $n`) and is checked by
 * {@link queryCostError} once the operation and its variables are known.
 */
export function queryValidationRules(config: QueryLimitsConfig): ValidationRule[] {
  const reporting = (limit: QueryLimit, max: number) => ({
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(queryTooComplexError(limit, max, `${error.message.replace(/^Syntax Error: /, '')} (${limit})`));
      },
    ],
  });
  const rules: ValidationRule[] = [
    maxAliasesRule(reporting('queryAliasesMax', config.queryAliasesMax)) as unknown as ValidationRule,
    // `__schema` is not counted (Armor's default): the standard introspection query integrators'
    // tooling sends is 21 deep through `ofType`, each level one object. What makes introspection
    // expensive, lists nested in lists (`types { fields { type { fields … } } }`), is refused by
    // graphql-js's own MaxIntrospectionDepthRule, one of the specifiedRules both transports run.
    maxDepthRule(reporting('queryDepthMax', config.queryDepthMax)) as unknown as ValidationRule,
    maxDirectivesRule(reporting('queryDirectivesMax', config.queryDirectivesMax)) as unknown as ValidationRule,
  ];
  if (!config.introspectionEnabled) rules.push(NoSchemaIntrospectionCustomRule);
  return rules;
}

/** The largest page a list with a `first` argument returns when `first` is not given, in rows. */
function pageSizeDefaultOf(config: QueryLimitsConfig): number {
  // Every `first` of this API defaults to one of these (the payments lists to 20, the same figure).
  return Math.max(
    config.transactionsPageSizeDefault,
    config.callsPageSizeDefault,
    config.alertsPageSizeDefault,
    config.webhookDeliveriesPageSizeDefault,
    20,
  );
}

/**
 * The largest page any list with a `first` argument returns, in rows: a larger `first` is refused
 * (BAD_USER_INPUT) before a row is read, so it costs no more than this.
 */
function pageSizeMaxOf(config: QueryLimitsConfig): number {
  // The payments lists (topUps, creditRefunds, bankTransfers) take at most 100, the same figure.
  return Math.max(
    config.transactionsPageSizeMax,
    config.callsPageSizeMax,
    config.alertsPageSizeMax,
    config.webhookDeliveriesPageSizeMax,
    100,
  );
}

/**
 * The cost of one operation: every selected field costs 1, and what a paged field selects is
 * counted once per row it may return. A field with a `first` argument returns up to `first` rows
 * (the literal, the variable's value, else the variable's default, else the page-size default;
 * capped at the largest page, as a larger `first` is refused with BAD_USER_INPUT unread): a
 * list field multiplies its selection by it; a connection multiplies the selections of its list
 * fields (`edges`), not `pageInfo`. Fragments are counted where they are spread (each fragment is
 * costed once and remembered). Introspection (`__schema`, `__type`) costs 1: it is governed by
 * `introspectionEnabled`, depth and tokens.
 * @throws Error if the document holds no such operation (validate it first).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Readonly<Record<string, unknown>> | null | undefined,
  config: QueryLimitsConfig,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new Error('queryCost: no such operation in the document');
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fragmentCosts = new Map<string, number>();
  const pageSizeDefault = pageSizeDefaultOf(config);
  const pageSizeMax = pageSizeMaxOf(config);

  const rowsOf = (field: FieldNode): number => {
    const argument = field.arguments?.find((candidate) => candidate.name.value === 'first');
    const value = argument ? argumentValueOf(argument.value, operation, variableValues) : undefined;
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(pageSizeMax, Math.max(1, Math.ceil(value))) : pageSizeDefault;
  };

  /** Cost of a selection set on `type`; list fields in it count `rows` times when given (a connection's edges). */
  const selectionCost = (selectionSet: SelectionSetNode, type: GraphQLNamedType, rows: number | undefined): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += selectionCost(selection.selectionSet, on ?? type, rows);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        let fragmentCost = fragmentCosts.get(name);
        if (fragmentCost === undefined) {
          const fragment = fragments.get(name);
          const on = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
          // Guards a fragment cycle (validation refuses those first): a fragment in progress costs 0.
          fragmentCosts.set(name, 0);
          fragmentCost = fragment && on ? selectionCost(fragment.selectionSet, on, rows) : 0;
          fragmentCosts.set(name, fragmentCost);
        }
        cost += fragmentCost;
      } else {
        cost += fieldCost(selection, type, rows);
      }
    }
    return cost;
  };

  const fieldCost = (field: FieldNode, parentType: GraphQLNamedType, rows: number | undefined): number => {
    const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[field.name.value] : undefined;
    if (!definition || !field.selectionSet) return 1;
    const childType = getNamedType(definition.type);
    const isList = isListType(getNullableType(definition.type));
    if (definition.args.some((argument) => argument.name === 'first')) {
      const pageRows = rowsOf(field);
      return isList
        ? 1 + pageRows * selectionCost(field.selectionSet, childType, undefined)
        : 1 + selectionCost(field.selectionSet, childType, pageRows);
    }
    if (isList && rows !== undefined) return 1 + rows * selectionCost(field.selectionSet, childType, undefined);
    return 1 + selectionCost(field.selectionSet, childType, undefined);
  };

  return selectionCost(operation.selectionSet, rootType, undefined);
}

/**
 * The mutations that carry a list, by field name, with the name of the list in their `input`: each
 * item counts as one mutation against the rate limit.
 */
const LIST_MUTATIONS: ReadonlyMap<string, string> = new Map([
  ['recordUsage', 'events'],
  ['startCalls', 'calls'],
  ['endCalls', 'calls'],
]);

/**
 * How many mutations an operation counts as against the mutation rate limit: 1, or for a list
 * mutation (`recordUsage`, `startCalls`, `endCalls`) one per item it carries (every such field,
 * aliases included, summed; the items from the literal or the variable). A batch of 500 events then
 * spends what 500 charges spend, 500 call starts what 500 startCalls spend: batching changes the cost
 * per request, not what a key may do per window.
 */
export function mutationPoints(
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Readonly<Record<string, unknown>> | null | undefined,
): number {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return 1;
  let items = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const listName = LIST_MUTATIONS.get(selection.name.value);
    if (listName === undefined) continue;
    const input = selection.arguments?.find((argument) => argument.name.value === 'input');
    items += input ? itemCountOf(input.value, listName, variableValues) : 0;
  }
  return Math.max(1, items);
}

/** The number of items in the list `listName` of an input given as a literal or a variable (0 when unknown: validation refuses it). */
function itemCountOf(node: ValueNode, listName: string, variableValues: Readonly<Record<string, unknown>> | null | undefined): number {
  if (node.kind === Kind.VARIABLE) {
    const input = variableValues?.[node.name.value] as Record<string, unknown> | null | undefined;
    const list = input?.[listName];
    return Array.isArray(list) ? list.length : 0;
  }
  if (node.kind !== Kind.OBJECT) return 0;
  const items = node.fields.find((field) => field.name.value === listName)?.value;
  if (!items) return 0;
  if (items.kind === Kind.LIST) return items.values.length;
  if (items.kind === Kind.VARIABLE) {
    const list = variableValues?.[items.name.value];
    return Array.isArray(list) ? list.length : 0;
  }
  return 1; // a single item given without brackets (input coercion makes it a list of one)
}

/** A literal's or variable's value, as far as the cost needs it (numbers; anything else undefined). */
function argumentValueOf(
  node: ValueNode,
  operation: OperationDefinitionNode,
  variableValues: Readonly<Record<string, unknown>> | null | undefined,
): unknown {
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  if (node.kind !== Kind.VARIABLE) return undefined;
  const name = node.name.value;
  if (variableValues && variableValues[name] !== undefined && variableValues[name] !== null) return variableValues[name];
  const definition = operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === name);
  return definition?.defaultValue ? argumentValueOf(definition.defaultValue, operation, undefined) : undefined;
}

/** The QUERY_TOO_COMPLEX error when the operation costs more than `queryCostMax`; undefined otherwise. */
export function queryCostError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variableValues: Readonly<Record<string, unknown>> | null | undefined,
  config: QueryLimitsConfig,
): GraphQLError | undefined {
  if (!getOperationAST(document, operationName)) return undefined;
  const cost = queryCost(schema, document, operationName, variableValues, config);
  if (cost <= config.queryCostMax) return undefined;
  return queryTooComplexError(
    'queryCostMax',
    config.queryCostMax,
    `Query cost limit of ${config.queryCostMax} exceeded, found ${cost} (queryCostMax)`,
  );
}

/** What graphql-ws gets from `onSubscribe`: the operation to run, or why it may not run. */
export type PreparedSocketOperation = ExecutionArgs | readonly GraphQLError[];

/**
 * A socket operation through the same limits as HTTP, in the same order: parse with the token
 * limit, validate with graphql's rules plus {@link queryValidationRules}, then the cost with its
 * variables. Errors carry the codes Apollo gives on HTTP (GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED with the original error kept, QUERY_TOO_COMPLEX), so formatError treats
 * both transports alike.
 */
export function prepareSocketOperation(
  schema: GraphQLSchema,
  rules: readonly ValidationRule[],
  config: QueryLimitsConfig,
  payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  /** Documents that passed parsing and validation, shared by every operation of the same text. */
  documents?: ValidatedDocuments,
): PreparedSocketOperation {
  let document = documents?.get(payload.query);
  if (!document) {
    try {
      document = parse(payload.query, queryParseOptions(config));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return [
        tokenLimitErrorOf(error.message) ??
          new GraphQLError(error.message, {
            source: error.source,
            positions: error.positions,
            extensions: { code: 'GRAPHQL_PARSE_FAILED' },
          }),
      ];
    }
    const validationErrors = validate(schema, document, [...specifiedRules, ...rules]);
    if (validationErrors.length > 0) return validationErrors.map(asValidationFailure);
    documents?.set(payload.query, document);
  }
  const costError = queryCostError(schema, document, payload.operationName, payload.variables, config);
  if (costError) return [costError];
  return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
}

/** As Apollo's ValidationError: code GRAPHQL_VALIDATION_FAILED, the rule's own error kept as originalError. */
function asValidationFailure(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
    originalError: error.originalError ?? error,
  });
}

/** graphql-js's suggestion tail: `Did you mean "wallet"?`, `Did you mean the enum value "USD"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The error without graphql-js's "Did you mean …" suggestions, which map the schema for a caller who guesses. */
export function withoutFieldSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(SUGGESTION, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
