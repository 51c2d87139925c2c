// Goal: client/src/apollo/generated/schema-types.ts is never stale against schema/schema.graphql and maps the schema as documented.
// Method: generate it in memory from the committed schema and compare with the committed file byte for byte; check the mapping rules on small schemas.
import fs from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRANSACTION_KINDS, TOP_UP_STATUSES } from '../../client/src/apollo/generated/schema-types.js';
import {
  CLIENT_TYPES_FILE,
  enumValuesConstName,
  generateClientTypes,
  SCHEMA_FILE,
} from '../../server/scripts/generate-client-types.js';

let sdl: string;
beforeAll(async () => {
  sdl = await fs.readFile(path.resolve(SCHEMA_FILE), 'utf8');
});

describe('client/src/apollo/generated/schema-types.ts', () => {
  it('matches what schema/schema.graphql generates (run `npm run codegen` after changing the schema)', async () => {
    const committed = await fs.readFile(path.resolve(CLIENT_TYPES_FILE), 'utf8');
    expect(generateClientTypes(sdl)).toBe(committed);
  });

  it('would catch a schema change', () => {
    const changed = sdl.replace(/^(type Wallet \{\n)/m, '$1  nickname: String\n');
    expect(changed).not.toBe(sdl);
    expect(generateClientTypes(changed)).not.toBe(generateClientTypes(sdl));
  });

  it('gives the same text for the same schema', () => {
    expect(generateClientTypes(sdl)).toBe(generateClientTypes(sdl));
  });

  it('lists enum values in schema order', () => {
    expect(TRANSACTION_KINDS.slice(0, 5)).toEqual(['TOP_UP', 'CHARGE', 'ADJUSTMENT', 'REFUND', 'GRANT']);
    expect(TOP_UP_STATUSES).toEqual(['REQUIRES_PAYMENT_METHOD', 'REQUIRES_ACTION', 'PROCESSING', 'SUCCEEDED', 'FAILED', 'CANCELED']);
  });
});

describe('generateClientTypes', () => {
  const small = `
    """A decimal string."""
    scalar Money
    scalar DateTime

    """Where it stands."""
    enum ThingStatus {
      """Not yet."""
      OPEN
      SHUT @deprecated(reason: "Use OPEN.")
    }

    """A thing."""
    type Thing {
      id: ID!
      """How much."""
      amount: Money!
      count: Int
      ratio: Float!
      on: Boolean!
      label: String
      at: DateTime!
      tags: [String!]!
      maybeTags: [String]
      status: ThingStatus!
      other: Thing
      old: String @deprecated(reason: "Gone */ soon.")
    }

    input ThingInput {
      id: ID!
      note: String
      size: Int = 3
      tags: [String!]
    }

    type Query {
      thing(id: ID!): Thing
    }
  `;

  it('maps scalars, nullability and lists to TypeScript', () => {
    const out = generateClientTypes(small);
    expect(out).toContain('export type Money = string;');
    expect(out).toContain('export type DateTime = string;');
    expect(out).toContain(
      [
        '/** A thing. */',
        'export interface Thing {',
        '  id: string;',
        '  /** How much. */',
        '  amount: Money;',
        '  count: number | null;',
        '  ratio: number;',
        '  on: boolean;',
        '  label: string | null;',
        '  at: DateTime;',
        '  tags: string[];',
        '  maybeTags: (string | null)[] | null;',
        '  status: ThingStatus;',
        '  other: Thing | null;',
        '  /** @deprecated Gone *\\/ soon. */',
        '  old: string | null;',
        '}',
      ].join('\n'),
    );
    expect(out).toContain('export interface Query {\n  thing: Thing | null;\n}');
  });

  it('makes nullable and defaulted input fields optional', () => {
    expect(generateClientTypes(small)).toContain(
      [
        'export interface ThingInput {',
        '  id: string;',
        '  note?: string | null;',
        '  /** @default 3 */',
        '  size?: number | null;',
        '  tags?: string[] | null;',
        '}',
      ].join('\n'),
    );
  });

  it('emits each enum as a values array in schema order and a union of them', () => {
    expect(generateClientTypes(small)).toContain(
      [
        '/** Values of `ThingStatus`, in schema order. */',
        'export const THING_STATUSES = [',
        '  /** Not yet. */',
        "  'OPEN',",
        '  /** @deprecated Use OPEN. */',
        "  'SHUT',",
        '] as const;',
        '/** Where it stands. */',
        'export type ThingStatus = (typeof THING_STATUSES)[number];',
      ].join('\n'),
    );
  });

  it('names value arrays as the hand-written client did', () => {
    expect(enumValuesConstName('TransactionType')).toBe('TRANSACTION_TYPES');
    expect(enumValuesConstName('TransactionKind')).toBe('TRANSACTION_KINDS');
    expect(enumValuesConstName('TransactionStatus')).toBe('TRANSACTION_STATUSES');
    expect(enumValuesConstName('TopUpStatus')).toBe('TOP_UP_STATUSES');
    expect(enumValuesConstName('Role')).toBe('ROLES');
    expect(enumValuesConstName('SmsEncoding')).toBe('SMS_ENCODINGS');
    expect(enumValuesConstName('Category')).toBe('CATEGORIES');
  });

  it('refuses a custom scalar it has no TypeScript type for', () => {
    expect(() => generateClientTypes('scalar Cents\ntype Query { a: Cents }')).toThrow(/no TypeScript type for scalar Cents/);
  });
});
