import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { AlertKind, AlertSeverity } from '../../domain/alerts/alert-kinds.js';
import type { AlertRecord } from '../../domain/alerts/alert-record.js';
import { MoneyScalar } from '../scalars/money.scalar.js';
import { PageInfo, WalletObject } from '../wallets/wallet.type.js';

registerEnumType(AlertKind, {
  name: 'AlertKind',
  description: 'What an alert is about.',
  valuesConfig: {
    LOW_BALANCE: { description: "The posted balance fell to or below one of the wallet's low-balance thresholds." },
    BALANCE_DEPLETED: { description: 'The posted balance reached zero (the 0 threshold).' },
    BALANCE_RECOVERED: { description: 'A depleted wallet has money again.' },
    CALLS_STOPPED: {
      description: 'The server stopped calls for lack of funds, budget or a spend cap (the message says which); callsStopped counts them.',
    },
    WALLET_SUSPENDED: { description: 'The wallet ran out with nothing held: calls and messages are refused until it is funded.' },
    ACCOUNT_CLOSING: { description: 'The account will be closed soon because its wallets stay unfunded.' },
    PAYMENT_FAILED: { description: 'A top-up was declined or failed.' },
    AUTO_RECHARGE_FAILED: { description: 'An automatic recharge failed.' },
    AUTO_RECHARGE_PAUSED: { description: 'Automatic recharge paused itself (repeated failures, authentication needed, no card).' },
    NUMBER_RENEWAL_FAILED: {
      description:
        "A phone number's monthly renewal could not be paid: the number is in its grace period, or kept with the renewal owed while the wallet is suspended.",
    },
    BUDGET_REACHED: { description: 'A campaign reached its budget and stopped dialing.' },
    SPEND_CAP_WARNING: { description: 'Committed spend reached 80 % of a daily or monthly spend cap (once per cap and period).' },
    SPEND_CAP_REACHED: {
      description:
        'A daily or monthly spend cap was reached: spend that counts is refused until the period resets (once per cap and period).',
    },
    REFUND_REQUESTED: { description: 'An owner asked for a refund of unused paid credit (amount): platform staff approve or decline it.' },
    REFUND_REQUEST_CLOSED: { description: 'A refund request was approved (refunded), declined or cancelled; the message says which.' },
    REFUND_REQUEST_FAILED: {
      description:
        "An approved refund request's card refund failed at the payment provider (amount, reason in the message): the credit is back in the wallet; platform staff retry it.",
    },
    NUMBER_RELEASED: { description: 'A phone number was released without the customer asking: its grace ended or its account was closed.' },
    SENDER_ID_APPROVED: { description: 'Support approved a sender ID; its first month was charged.' },
    SENDER_ID_REJECTED: { description: 'Support rejected a sender ID (the reason is in the message).' },
    SENDER_ID_RENEWAL_FAILED: {
      description: "A sender ID's monthly renewal could not be paid (grace, or owed while the wallet is suspended).",
    },
    SENDER_ID_CANCELLED: { description: 'A sender ID was cancelled: by the account, at the end of its grace, or when the account closed.' },
  },
});
registerEnumType(AlertSeverity, {
  name: 'AlertSeverity',
  description: 'INFO: nothing to do; WARNING: act soon; CRITICAL: service is or is about to be interrupted.',
  valuesConfig: {
    INFO: { description: 'Nothing to do.' },
    WARNING: { description: 'Act soon.' },
    CRITICAL: { description: 'Service is or is about to be interrupted.' },
  },
});

@ObjectType('Alert', { description: 'Something about an account that people should know, raised once per cause.' })
export class AlertObject {
  @Field(() => ID, { description: 'Unique id of the alert.' })
  id!: string;

  @Field(() => String, {
    description:
      'Position in the alert feed (commit order across all accounts): resume alertRaised with afterPosition set to the last one seen.',
  })
  position!: string;

  @Field(() => AlertKind, { description: 'What the alert is about.' })
  kind!: AlertKind;

  @Field(() => AlertSeverity, { description: 'How urgent it is.' })
  severity!: AlertSeverity;

  @Field(() => ID, { description: 'The account it concerns.' })
  accountId!: string;

  @Field(() => ID, { description: 'The wallet it concerns; null when it is about the account as a whole.', nullable: true })
  walletId!: string | null;

  @Field(() => ID, { description: 'The campaign it concerns (CALLS_STOPPED, BUDGET_REACHED); null otherwise.', nullable: true })
  campaignId!: string | null;

  @Field(() => String, { nullable: true, description: 'Currency of the amounts.' })
  currency!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The threshold crossed (LOW_BALANCE, BALANCE_DEPLETED).' })
  threshold!: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'The posted balance right after the cause.' })
  balance!: bigint | null;

  @Field(() => MoneyScalar, { nullable: true, description: "The amount at stake: a payment's amount, a budget, a number's monthly price." })
  amount!: bigint | null;

  @Field(() => Int, { nullable: true, description: 'CALLS_STOPPED: how many calls were stopped.' })
  callsStopped!: number | null;

  @Field(() => String, { description: 'What happened, in a sentence for people (amounts formatted in the currency).' })
  message!: string;

  @Field(() => DateTimeResolver, { description: 'When the alert was raised.' })
  raisedAt!: Date;

  @Field(() => DateTimeResolver, { description: 'When someone acknowledged it; null while not yet acknowledged.', nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who acknowledged it (the key or user).' })
  acknowledgedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Position of its acknowledgement in the acknowledgement feed (commit order across all accounts): resume alertAcknowledged with afterAcknowledgementPosition set to the last one seen. Null while not yet acknowledged.',
  })
  acknowledgementPosition!: string | null;
}

/** The GraphQL view of an alert. */
export function toAlertObject(alert: AlertRecord): AlertObject {
  return Object.assign(new AlertObject(), {
    id: alert.id.toString(),
    position: alert.id.toString(),
    kind: alert.kind,
    severity: alert.severity,
    accountId: alert.accountId,
    walletId: alert.walletId,
    campaignId: alert.campaignId,
    currency: alert.currency,
    threshold: alert.thresholdMicros,
    balance: alert.balanceMicros,
    amount: alert.amountMicros,
    callsStopped: alert.callsStopped,
    message: alert.message,
    raisedAt: alert.raisedAt,
    acknowledgedAt: alert.acknowledgedAt,
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgementPosition: alert.acknowledgementPosition?.toString() ?? null,
  });
}

@ObjectType('AlertEdge', { description: 'One alert of a page and its cursor.' })
export class AlertEdge {
  @Field(() => String, { description: 'Opaque position of this item: pass it as `after` to get the items after it.' })
  cursor!: string;

  @Field(() => AlertObject, { description: 'The alert.' })
  node!: AlertObject;
}

@ObjectType('AlertConnection', { description: 'Alerts newest first, Relay style.' })
export class AlertConnection {
  @Field(() => [AlertEdge], { description: 'This page of alerts, in order.' })
  edges!: AlertEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and the cursor to fetch it.' })
  pageInfo!: PageInfo;

  @Field(() => String, {
    description:
      'The acknowledgement feed position read just before this page: alertAcknowledged(afterAcknowledgementPosition: this) delivers every acknowledgement the page may not show yet (one it already shows may come again).',
  })
  acknowledgedThrough!: string;
}

@ObjectType('AcknowledgeAlertPayload', { description: 'The result of acknowledgeAlert.' })
export class AcknowledgeAlertPayload {
  @Field(() => AlertObject, { description: 'The alert with acknowledgedAt and acknowledgedBy set.' })
  alert!: AlertObject;
}

@InputType('SetLowBalanceThresholdsInput', { description: "A wallet's new list of low-balance thresholds." })
export class SetLowBalanceThresholdsInput {
  @Field(() => ID, { description: 'The wallet whose thresholds are replaced.' })
  walletId!: string;

  @Field(() => [MoneyScalar], {
    description: 'Amounts ≥ 0 in the wallet currency, at most 10, all different; 0 is the "depleted" alert; [] turns balance alerts off.',
  })
  thresholds!: bigint[];
}

@ObjectType('SetLowBalanceThresholdsPayload', { description: 'The result of setLowBalanceThresholds.' })
export class SetLowBalanceThresholdsPayload {
  @Field(() => WalletObject, { description: 'The wallet after the change.' })
  wallet!: WalletObject;

  @Field(() => [MoneyScalar], { description: 'The thresholds now, highest first.' })
  thresholds!: bigint[];
}

@ObjectType('AcknowledgeAlertsPayload', { description: 'The result of acknowledgeAlerts.' })
export class AcknowledgeAlertsPayload {
  @Field(() => [AlertObject], {
    description:
      'The alerts in the order asked (each once), with acknowledgedAt and acknowledgedBy set (kept as they were for those already acknowledged).',
  })
  alerts!: AlertObject[];
}
