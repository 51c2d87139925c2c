import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Role } from './role.js';

/** A bearer credential. Only the SHA-256 of the secret is stored; the secret is shown once. */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The tenant, or null for platform roles (SUPPORT, PLATFORM_ADMIN). */
  @Property({ type: 'uuid', nullable: true })
  accountId!: string | null;

  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  @Property({ type: 'text' })
  name!: string;

  /** Hex SHA-256 of the full key. */
  @Property({ type: 'text', hidden: true })
  keyHash!: string;

  /** The key's first characters, safe to show so a human can tell keys apart. */
  @Property({ type: 'text' })
  keyPrefix!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
