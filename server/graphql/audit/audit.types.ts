import { Field, ID, Int, ObjectType, ArgsType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AuditAction } from '../../domain/audit/audit-action.js';
import type { AuditLogEntry } from '../../domain/audit/list-audit-log.service.js';
import { ActorObject, toActorObject } from '../accounts/actor.type.js';
import { PageInfo } from '../wallets/wallet.type.js';

registerEnumType(AuditAction, {
  name: 'AuditAction',
  description: 'What an audit log entry records.',
  valuesConfig: {
    API_KEY_CREATED: { description: 'An API key was created (its name, role and prefix; never its secret).' },
    API_KEY_REVOKED: { description: 'An API key was revoked.' },
    USER_INVITED: { description: 'Someone was invited into the account (e-mail and role).' },
    INVITATION_REVOKED: { description: 'An open invitation was revoked (its link no longer works).' },
    USER_CREATED: { description: 'The operator created a user directly (e-mail, name and role; never the password).' },
    MEMBER_ROLE_CHANGED: { description: "A member's role changed." },
    MEMBER_REMOVED: { description: 'A member was removed (disabled).' },
    AUTO_RECHARGE_CHANGED: { description: "A wallet's auto-recharge was set (enabled, threshold, target)." },
    MONTHLY_RECHARGE_CHANGED: { description: "A wallet's monthly recharge was set (enabled, day, amount)." },
    NOTIFICATION_PREFERENCE_CHANGED: { description: "A user's e-mail notification choice of one kind changed." },
    BILLING_PROFILE_CHANGED: { description: 'The billing profile (country, VAT number, e-mail, legal name, address) changed.' },
    LOW_BALANCE_THRESHOLDS_CHANGED: { description: "A wallet's low-balance alert thresholds were replaced." },
    WEBHOOK_ENDPOINT_CREATED: { description: 'A webhook endpoint was registered (never its signing secret).' },
    WEBHOOK_ENDPOINT_UPDATED: { description: "A webhook endpoint's URL, event types, description or enabled flag changed." },
    WEBHOOK_ENDPOINT_DELETED: { description: 'A webhook endpoint was deleted.' },
    WEBHOOK_ENDPOINT_SECRET_ROTATED: {
      description: "A webhook endpoint's signing secret was replaced (that it changed, never the secret).",
    },
    CAMPAIGN_BUDGET_CHANGED: { description: "A campaign's budget changed." },
    CREDIT_GRANTED: { description: 'Platform staff granted promotional credit.' },
    WALLET_ADJUSTED: { description: "Platform staff adjusted a wallet's balance." },
    CREDIT_REFUNDED: { description: 'Platform staff refunded unused credit to the cards that paid it.' },
    BANK_TRANSFER_COMPLETED: { description: 'Platform staff confirmed a bank transfer arrived (the wallet was credited).' },
    BANK_TRANSFER_CANCELLED: { description: 'Platform staff cancelled a bank transfer that never came.' },
    REFUND_REQUESTED: { description: 'An owner asked for a refund of unused credit.' },
    REFUND_REQUEST_CANCELLED: { description: 'An owner cancelled their refund request.' },
    REFUND_REQUEST_APPROVED: { description: 'Platform staff approved a refund request (and refunded it).' },
    REFUND_REQUEST_DECLINED: { description: 'Platform staff declined a refund request, with a reason.' },
    REFUND_REQUEST_RETRIED: {
      description: 'Platform staff retried a refund request whose card refund had failed (and refunded it again).',
    },
    WALLET_CREATED: { description: 'A further wallet was opened in the account (its name and currency).' },
    SPEND_CAPS_CHANGED: {
      description: 'The daily and monthly spend caps of a wallet, or of the account in one currency, were set or lifted.',
    },
    ACCOUNT_TIMEZONE_CHANGED: {
      description: "The account's timezone (where its spend caps', usage reports' and statements' days and months begin) was changed.",
    },
    SENDER_ID_REGISTERED: { description: 'A sender ID was registered for approval.' },
    SENDER_ID_APPROVED: { description: 'Platform staff approved a sender ID (its first month is charged).' },
    SENDER_ID_REJECTED: { description: 'Platform staff rejected a sender ID, with a reason.' },
    SENDER_ID_CANCELLED: { description: 'The account cancelled one of its sender IDs.' },
    ACCOUNT_CREATED: {
      description: 'The account was opened (by the operator, or by its owner signing up), with its first wallet and owner key.',
    },
    CAMPAIGN_CREATED: { description: 'A campaign was created (its name and budget).' },
    INVITATION_RESENT: { description: 'An open invitation was sent again with a new link (the old one stops working).' },
    BANK_TRANSFER_RECORDED: {
      description: 'An expected bank transfer was recorded (amount and reference), to be completed when the money arrives.',
    },
  },
});

@ObjectType('AuditLogEntry', { description: 'One audited change: who, when, what (before → after), from where.' })
export class AuditLogEntryObject {
  @Field(() => ID, { description: 'Unique id of the entry (increasing with time).' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The account the change belongs to; null for a change of no tenant (a platform key).' })
  accountId!: string | null;

  @Field(() => AuditAction, { description: 'What was done.' })
  action!: AuditAction;

  @Field(() => String, {
    description:
      'What kind of object was changed: API_KEY, INVITATION, USER, WALLET, ACCOUNT, WEBHOOK_ENDPOINT, CAMPAIGN, BANK_TRANSFER, REFUND_REQUEST.',
  })
  targetType!: string;

  @Field(() => ID, { nullable: true, description: "The changed object's id." })
  targetId!: string | null;

  @Field(() => ActorObject, {
    description: 'Who did it (the user or API key, with its name at the time); a tenant sees that platform staff acted, never who.',
  })
  actor!: ActorObject;

  @Field(() => String, {
    nullable: true,
    description: "The request's client IP address; null when unknown or hidden (platform staff, seen by a tenant).",
  })
  clientIp!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The changed fields before the change, as a JSON object (amounts as decimal strings; secrets never); null for a creation.',
  })
  before!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The changed fields after the change, as a JSON object (amounts as decimal strings; secrets never); null for a deletion.',
  })
  after!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the change was made (committed with it).' })
  createdAt!: Date;
}

/** The GraphQL view of an entry. */
export function toAuditLogEntryObject(entry: AuditLogEntry): AuditLogEntryObject {
  return Object.assign(new AuditLogEntryObject(), {
    id: entry.id.toString(),
    accountId: entry.accountId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    actor: toActorObject(entry.actor),
    clientIp: entry.clientIp,
    before: entry.before,
    after: entry.after,
    createdAt: entry.createdAt,
  });
}

@ObjectType('AuditLogEdge', { description: 'One audit log entry of a page and its cursor.' })
export class AuditLogEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => AuditLogEntryObject, { description: 'The entry.' })
  node!: AuditLogEntryObject;
}

@ObjectType('AuditLogConnection', { description: 'Audit log entries newest first, Relay style.' })
export class AuditLogConnection {
  @Field(() => [AuditLogEdge], { description: 'This page of entries, in order.' })
  edges!: AuditLogEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;
}

/** Arguments of `auditLog`. */
@ArgsType()
export class AuditLogArgs {
  @Field(() => ID, {
    nullable: true,
    description: "The account; an OWNER's own when omitted. Platform staff: any account, or every entry when omitted.",
  })
  accountId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..100. Default 25.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  after?: string | null;

  @Field(() => [AuditAction], { nullable: true, description: 'Only entries of these actions; all when omitted or empty.' })
  actions?: AuditAction[] | null;
}
