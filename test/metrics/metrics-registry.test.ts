// Goal: each app's metrics live on a registry of their own, a scrape survives a database that does not answer, and operation labels stay bounded by the schema. Method: Metrics instances and OperationLabels over the real schema, no server; the database source stands in for one that never answers.
import { parse, getOperationAST } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../server/graphql/schema.js';
import { Metrics, outcomeLabel } from '../../server/metrics/metrics.js';
import { OperationLabels } from '../../server/metrics/operation-labels.js';
import { loadConfig } from '../../server/config.js';

describe('Metrics', () => {
  it('keeps two apps apart: two instances in one process, each counting only its own', async () => {
    const first = new Metrics({ databaseTimeoutMs: 1_000 });
    const second = new Metrics({ databaseTimeoutMs: 1_000 });
    first.observeOperation('http', 'mutation', 'charge', undefined, 0.01);
    first.observeOperation('http', 'mutation', 'charge', undefined, 0.01);
    second.observeOperation('http', 'mutation', 'charge', 'INSUFFICIENT_FUNDS', 0.01);
    const line = 'spendwire_graphql_operations_total{transport="http",type="mutation",operation="charge",outcome="ok"}';
    expect(await first.scrape()).toContain(`${line} 2`);
    expect(await second.scrape()).not.toContain(line);
    expect(await second.scrape()).toContain('outcome="INSUFFICIENT_FUNDS"} 1');
  });

  it('answers a scrape when the database does not answer within its timeout, saying so', async () => {
    const metrics = new Metrics({ databaseTimeoutMs: 50 });
    metrics.watch({ database: () => new Promise(() => {}), openSockets: () => 3 });
    const text = await metrics.scrape();
    expect(text).toContain('spendwire_metrics_database_up 0');
    expect(text).toContain('spendwire_websocket_connections_open 3');
  });

  it('labels outcomes with known error codes only', () => {
    expect(outcomeLabel(undefined)).toBe('ok');
    expect(outcomeLabel('NOT_FOUND')).toBe('NOT_FOUND');
    expect(outcomeLabel('QUERY_TOO_COMPLEX')).toBe('QUERY_TOO_COMPLEX');
    expect(outcomeLabel('MADE_UP_BY_A_CLIENT')).toBe('other');
    expect(outcomeLabel(42)).toBe('other');
  });

  it('is on by default and off with METRICS=0', () => {
    expect(loadConfig({}).metricsEnabled).toBe(true);
    expect(loadConfig({ METRICS: '0' }).metricsEnabled).toBe(false);
  });
});

describe('OperationLabels', () => {
  let labels: OperationLabels;
  beforeAll(async () => {
    labels = new OperationLabels(await createSchema());
  });
  const label = (source: string, operationName?: string) => {
    const document = parse(source);
    return labels.of(document, getOperationAST(document, operationName));
  };

  it('names an operation by its root field, never by the name its client gave it', () => {
    expect(label('mutation ChargeFromMyApp_123 { charge(input: {}) { transaction { id } } }')).toEqual({
      type: 'mutation',
      operation: 'charge',
    });
    expect(label('query { __typename wallet(id: "x") { id } }')).toEqual({ type: 'query', operation: 'wallet' });
    expect(label('subscription { transactionAdded(walletId: "x") { sequence } }')).toEqual({
      type: 'subscription',
      operation: 'transactionAdded',
    });
  });

  it('follows fragments, and says multiple, introspection or other where one name would mislead', () => {
    expect(label('query { ...Root } fragment Root on Query { me { role } }')).toEqual({ type: 'query', operation: 'me' });
    expect(label('query { ... on Query { me { role } } }')).toEqual({ type: 'query', operation: 'me' });
    expect(label('query { me { role } wallet(id: "x") { id } }')).toEqual({ type: 'query', operation: 'multiple' });
    expect(label('query { __schema { types { name } } }')).toEqual({ type: 'query', operation: 'introspection' });
    expect(label('query { noSuchField }')).toEqual({ type: 'query', operation: 'other' });
    expect(label('mutation { wallet(id: "x") { id } }')).toEqual({ type: 'mutation', operation: 'other' });
    expect(labels.of(undefined, undefined)).toEqual({ type: 'unknown', operation: 'other' });
  });

  it('labels each operation of one parsed document by its own root field, the same node again from its cache', () => {
    const document = parse('query Me { me { role } } mutation Charge { charge(input: {}) { transaction { id } } }');
    const me = getOperationAST(document, 'Me');
    const charge = getOperationAST(document, 'Charge');
    const first = labels.of(document, me);
    expect(first).toEqual({ type: 'query', operation: 'me' });
    expect(labels.of(document, charge)).toEqual({ type: 'mutation', operation: 'charge' });
    expect(labels.of(document, me)).toBe(first);
    // The same text parsed again is another document: labelled afresh, alike.
    const again = parse('query Me { me { role } } mutation Charge { charge(input: {}) { transaction { id } } }');
    expect(labels.of(again, getOperationAST(again, 'Me'))).toEqual(first);
  });
});
