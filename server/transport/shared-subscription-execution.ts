import {
  createSourceEventStream,
  execute,
  Kind,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type OperationDefinitionNode,
  print,
} from 'graphql';

/**
 * graphql-ws's `subscribe`, executing each event once per distinct selection instead of once per
 * subscriber. Every subscriber of a wallet receives the very same event object (the wallet hub
 * hands it to all, and the resolvers map it once), and most of them ask for the same fields: a
 * thousand subscribers then share one execution of the selection set instead of running a
 * thousand. An operation whose selection set uses variables or directives, or that has more than
 * one root field, is executed per subscriber as before. Resolvers below the root may depend on
 * the caller only through what `viewOf` returns for its context (ours: the role and the tenant it
 * sees, e.g. an actor's name is shown only to its own tenant and to staff): only subscribers with the
 * same view share an execution, so one caller never receives what was resolved for another.
 */
export async function subscribeSharingExecution(args: ExecutionArgs, viewOf: (contextValue: unknown) => string) {
  const selection = sharableSelectionKey(args.document, args.operationName);
  const selectionKey = selection === null ? null : `${viewOf(args.contextValue)}\n${selection}`;
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  const executeEvent = (payload: unknown): Promise<ExecutionResult> | ExecutionResult => {
    if (selectionKey === null || typeof payload !== 'object' || payload === null) {
      return execute({ ...args, rootValue: payload });
    }
    let results = executions.get(payload);
    if (!results) {
      results = new Map();
      executions.set(payload, results);
    }
    let result = results.get(selectionKey);
    if (!result) {
      result = Promise.resolve(execute({ ...args, rootValue: payload }));
      results.set(selectionKey, result);
    }
    return result;
  };
  return mapAsync(stream, executeEvent);
}

/** Results per event object, per selection: forgotten with the event. */
const executions = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Selection keys by document and operation name: a document shared by many subscriptions (the
 * socket's validated-document cache) is visited and printed once.
 */
const selectionKeys = new WeakMap<DocumentNode, Map<string, string | null>>();

/** The operation's root field and selection set as text, or null when they cannot be shared. */
function sharableSelectionKey(document: DocumentNode, operationName: string | null | undefined): string | null {
  let keys = selectionKeys.get(document);
  if (!keys) {
    keys = new Map();
    selectionKeys.set(document, keys);
  }
  const name = operationName ?? '';
  if (keys.has(name)) return keys.get(name)!;
  const key = selectionKeyOf(document, operationName);
  keys.set(name, key);
  return key;
}

function selectionKeyOf(document: DocumentNode, operationName: string | null | undefined): string | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation || operations.length === 0 || document.definitions.length !== 1) return null;
  const [root] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || root?.kind !== Kind.FIELD || !root.selectionSet || root.directives?.length)
    return null;
  let usesVariablesOrDirectives = false;
  visit(root.selectionSet, {
    Variable() {
      usesVariablesOrDirectives = true;
    },
    Directive() {
      usesVariablesOrDirectives = true;
    },
  });
  if (usesVariablesOrDirectives) return null;
  return `${root.name.value}:${root.alias?.value ?? ''}:${print(root.selectionSet)}`;
}

/** `source` with `map` applied to each value; return() and throw() reach the source. */
function mapAsync<T, R>(source: AsyncIterable<T>, map: (value: T) => Promise<R> | R): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await iterator.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await map(step.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      if (iterator.throw) await iterator.throw(error);
      throw error;
    },
  };
}
