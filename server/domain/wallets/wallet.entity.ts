import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A tenant's prepaid balance in one currency. Its money columns change only through the ledger
 * statement in post-wallet-transaction.ts; this entity is for reading.
 */
@Entity({ tableName: 'wallet' })
export class Wallet {
  [OptionalProps]?: 'availableMicros';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  /** ISO 4217 code. */
  @Property({ type: 'text', columnType: 'char(3)' })
  currency!: string;

  /** Posted balance in micros; never below zero. */
  @Property({ type: new BigIntType('bigint') })
  balanceMicros!: bigint;

  /** Held for in-flight work (calls, SMS) in micros; never above the balance. */
  @Property({ type: new BigIntType('bigint') })
  reservedMicros!: bigint;

  /** Sequence of the wallet's last transaction; 0 when it has none. */
  @Property({ type: new BigIntType('bigint') })
  lastSequence!: bigint;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  updatedAt!: Date;

  /** What may be spent now: balance minus reserved. */
  get availableMicros(): bigint {
    return this.balanceMicros - this.reservedMicros;
  }
}
