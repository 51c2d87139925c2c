import { Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The labels of one GraphQL operation: its type and its operation name, bounded by the schema. */
export interface OperationLabel {
  /** `query`, `mutation`, `subscription`, or `unknown` (the document did not parse or resolve). */
  type: string;
  /**
   * The operation's root field when it selects one (e.g. `charge`, `wallet`, `transactionAdded`),
   * `introspection` for `__schema`/`__type`, `multiple` when it selects several root fields, `other`
   * otherwise. Never the client's own operation name: that is free text, and a label must stay bounded.
   */
  operation: string;
}

/** The label of an operation whose document never parsed or resolved. */
export const UNKNOWN_OPERATION: OperationLabel = Object.freeze({ type: 'unknown', operation: 'other' });

/** Labels operations by their root fields, which only the schema's own root fields can be. */
export class OperationLabels {
  private readonly rootFields: Record<string, ReadonlySet<string>>;
  /**
   * The label of each operation already seen. Apollo and the socket server keep one parsed document
   * per query text, so a client's operation arrives as the same node every time: its root fields are
   * collected once, not on every request (issue 18). An operation node belongs to one document, so it
   * alone is the key; the cache goes with the documents.
   */
  private readonly labelOf = new WeakMap<OperationDefinitionNode, OperationLabel>();

  constructor(schema: GraphQLSchema) {
    const fieldsOf = (type: { getFields(): Record<string, unknown> } | null | undefined) => new Set(Object.keys(type?.getFields() ?? {}));
    this.rootFields = {
      query: fieldsOf(schema.getQueryType()),
      mutation: fieldsOf(schema.getMutationType()),
      subscription: fieldsOf(schema.getSubscriptionType()),
    };
  }

  /** The labels of `operation` of `document` (as resolved by graphql-js' getOperationAST). */
  of(document: DocumentNode | undefined, operation: OperationDefinitionNode | null | undefined): OperationLabel {
    if (!document || !operation) return UNKNOWN_OPERATION;
    let label = this.labelOf.get(operation);
    if (!label) {
      label = Object.freeze(this.labelFor(document, operation));
      this.labelOf.set(operation, label);
    }
    return label;
  }

  private labelFor(document: DocumentNode, operation: OperationDefinitionNode): OperationLabel {
    const type = operation.operation;
    const names = new Set<string>();
    collectRootFields(document, operation.selectionSet, names, new Set());
    names.delete('__typename');
    if (names.size > 1) return { type, operation: 'multiple' };
    const [name] = names;
    if (name === '__schema' || name === '__type') return { type, operation: 'introspection' };
    return { type, operation: name !== undefined && this.rootFields[type]?.has(name) ? name : 'other' };
  }
}

/** The root field names a selection set selects, through inline fragments and fragment spreads (each spread once). */
function collectRootFields(document: DocumentNode, selectionSet: SelectionSetNode, names: Set<string>, spread: Set<string>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.add(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectRootFields(document, selection.selectionSet, names, spread);
    else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = document.definitions.find(
        (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) collectRootFields(document, fragment.selectionSet, names, spread);
    }
  }
}
