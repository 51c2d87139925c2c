// Goal: recordUsage's resolver gets its input as graphql-js coerced it only while nothing of
// type-graphql's wrapper is needed, and refuses to start otherwise. Method: the real schema, then a
// middleware, an @Authorized and another parameter registered on the resolver in type-graphql's metadata
// (removed after): each makes takeRecordUsageInputAsCoerced throw.
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../../server/graphql/schema.js';
import { takeRecordUsageInputAsCoerced, WalletResolver } from '../../../server/graphql/wallets/wallet.resolver.js';

/** Runs `check` with `entry` pushed on `list` for its duration. */
function withEntry<T>(list: T[], entry: T, check: () => void): void {
  list.push(entry);
  try {
    check();
  } finally {
    list.splice(list.indexOf(entry), 1);
  }
}

describe('takeRecordUsageInputAsCoerced', () => {
  it('takes the schema as built, and refuses a middleware, an @Authorized or another parameter on recordUsage', async () => {
    const schema = await createSchema();
    const field = schema.getMutationType()!.getFields().recordUsage!;
    expect(() => takeRecordUsageInputAsCoerced(schema)).not.toThrow();
    expect(field.resolve).toBeTypeOf('function');
    const storage = getMetadataStorage();
    const refused = /would be skipped/;
    withEntry(storage.middlewares, { target: WalletResolver, fieldName: 'recordUsage', middlewares: [] }, () =>
      expect(() => takeRecordUsageInputAsCoerced(schema)).toThrow(refused),
    );
    withEntry(storage.resolverMiddlewares, { target: WalletResolver, middlewares: [] }, () =>
      expect(() => takeRecordUsageInputAsCoerced(schema)).toThrow(refused),
    );
    withEntry(storage.authorizedFields, { target: WalletResolver, fieldName: 'recordUsage', roles: [] }, () =>
      expect(() => takeRecordUsageInputAsCoerced(schema)).toThrow(refused),
    );
    withEntry(storage.authorizedResolver, { target: WalletResolver, roles: [] }, () =>
      expect(() => takeRecordUsageInputAsCoerced(schema)).toThrow(refused),
    );
    withEntry(storage.params, { kind: 'info', target: WalletResolver, methodName: 'recordUsage', index: 2 }, () =>
      expect(() => takeRecordUsageInputAsCoerced(schema)).toThrow(/takes \(input, context\)/),
    );
    // Another resolver's middleware is none of its business.
    withEntry(storage.middlewares, { target: class Other {}, fieldName: 'recordUsage', middlewares: [] }, () =>
      expect(() => takeRecordUsageInputAsCoerced(schema)).not.toThrow(),
    );
  });
});
