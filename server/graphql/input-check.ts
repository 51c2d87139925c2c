import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';

/**
 * The dotted path of an input value as the services name it (`rates.0.prefix`, `to.1`, `id`): an
 * argument called `input` is the operation's input object, so its fields are named without it.
 */
function pathOfArgument(argumentName: string): string[] {
  return argumentName === 'input' ? [] : [argumentName];
}

/** A BAD_USER_INPUT error naming `field`, answered with HTTP 400 (formatError drops the `http` part). */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } });
}

/**
 * Every string in a coerced argument value that carries a NUL character (U+0000): PostgreSQL's text
 * cannot store one, so it failed deep in a service as "invalid byte sequence" (a 500). Found here,
 * once for every argument of every field, it is the caller's mistake with the field named.
 */
function findNul(value: unknown, path: string[], found: GraphQLError[]): void {
  if (found.length > 0) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      const field = path.join('.') || 'input';
      found.push(badUserInput(field, `${field} must not contain a NUL character (U+0000)`));
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      findNul(item, [...path, String(index)], found);
    });
    return;
  }
  // Input objects coerce to plain objects; scalars such as DateTime (a Date) or Money (a bigint) are skipped.
  if (
    value !== null &&
    typeof value === 'object' &&
    (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)
  ) {
    for (const [key, item] of Object.entries(value)) findNul(item, [...path, key], found);
  }
}

/** GraphQL's escapes of U+0000 in a string literal: `\u0000` and the variable-width `\u{0}`. */
const NUL_ESCAPE = /\\u(?:0000|\{0+\})/;

/** True when `value` (raw variables, as parsed from JSON) holds a string with U+0000 anywhere. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsNul);
  return false;
}

/**
 * The cheap pre-check of {@link inputErrorsOf}, for every request: whether the query text has an
 * escape of U+0000 (the lexer refuses a raw NUL) or a variable holds U+0000. Only then is the
 * operation walked to name the field (~50 µs a charge otherwise, on the hottest path).
 */
export function mayHoldNul(queryText: string | undefined, variables: Record<string, unknown> | null | undefined): boolean {
  return (queryText !== undefined && NUL_ESCAPE.test(queryText)) || holdsNul(variables);
}

/**
 * Checks the arguments of every field an operation selects, with its variables applied, for input
 * no service can take: today, text with a NUL character. Returns BAD_USER_INPUT errors naming the
 * field (at most one), or none. A document or variables that GraphQL itself refuses return none:
 * GraphQL's own validation answers those.
 */
export function inputErrorsOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): GraphQLError[] {
  if (!mayHoldNul(document.loc?.source.body, variables)) return [];
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return [];
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return [];
  const found: GraphQLError[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      // Other operations of the document are not run: their arguments do not matter.
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Field: (node) => {
        if (found.length > 0 || !node.arguments?.length) return;
        const fieldDefinition = typeInfo.getFieldDef();
        if (!fieldDefinition) return;
        let values: Record<string, unknown>;
        try {
          values = getArgumentValues(fieldDefinition, node, coerced.coerced);
        } catch {
          // An argument GraphQL cannot coerce: its validation or execution reports it.
          return;
        }
        for (const [name, value] of Object.entries(values)) findNul(value, pathOfArgument(name), found);
      },
    }),
  );
  return found;
}

/**
 * The dotted path of the argument or input field whose literal value starts at `offset` in
 * `document` (`rates.0.firstIncrementSeconds`), for errors GraphQL raises on a literal (an Int beyond
 * 32 bits) without naming it; undefined when no literal starts there.
 */
export function literalPathAt(document: DocumentNode, offset: number): string | undefined {
  const found: string[][] = [];
  const walk = (value: ValueNode, path: string[]): void => {
    if (found.length > 0) return;
    if (value.loc?.start === offset && value.kind !== Kind.OBJECT && value.kind !== Kind.LIST) {
      found.push(path);
      return;
    }
    if (value.kind === Kind.OBJECT) for (const field of value.fields) walk(field.value, [...path, field.name.value]);
    if (value.kind === Kind.LIST)
      value.values.forEach((item, index) => {
        walk(item, [...path, String(index)]);
      });
  };
  visit(document, {
    Argument: (node) => {
      walk(node.value, pathOfArgument(node.name.value));
      return false;
    },
  });
  return found[0]?.join('.');
}

/**
 * For GraphQL's own refusal of a literal its scalar cannot represent (`Int cannot represent non
 * 32-bit signed integer value: 2147483648`, a validation error that names no field): the field's
 * dotted path, or undefined when the error is of another kind.
 */
export function literalScalarErrorField(error: GraphQLError): { field: string | undefined } | undefined {
  if (!/^(Int|Float|String|Boolean|ID) cannot represent /.test(error.message)) return undefined;
  const node = error.nodes?.[0];
  const source = node?.loc?.source;
  if (!node?.loc || !source) return { field: undefined };
  try {
    return { field: literalPathAt(parse(source), node.loc.start) };
  } catch {
    return { field: undefined };
  }
}
