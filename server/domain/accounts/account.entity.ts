import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A tenant: a customer of the voice/SMS platform. Owns wallets and API keys. */
@Entity({ tableName: 'account' })
export class Account {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Display name, 1..200 characters. */
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt!: Date;
}
