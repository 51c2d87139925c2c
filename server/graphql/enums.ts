import { registerEnumType } from 'type-graphql';
import { Role } from '../domain/accounts/role.js';
import { CallDirection, CallEndReason, CallStatus } from '../domain/calls/call-record.js';
import { CampaignStatus } from '../domain/campaigns/campaign-record.js';
import { TransactionKind, TransactionStatus, TransactionType } from '../domain/wallets/transaction-enums.js';

/** A wallet's lifecycle state (stored in wallet.status). */
export enum WalletStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}

/** An account's lifecycle state (stored in account.status). */
export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}

registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description: 'CLOSED: unfunded for too long; its numbers were released.',
  valuesConfig: {
    ACTIVE: { description: 'Open: its keys and users work.' },
    CLOSED: { description: 'Closed after its wallets stayed suspended for accountCloseAfterDays (default 30): its numbers were released.' },
  },
});
registerEnumType(Role, {
  name: 'Role',
  description: 'What a credential may do.',
  valuesConfig: {
    OWNER: {
      description:
        'Runs the account: keys, users, campaigns, calls, messages, numbers, cards, billing, automatic funding, plans and webhooks.',
    },
    CAMPAIGN_MANAGER: {
      description: 'Manages campaigns, charges, card top-ups, saved cards and alerts; no calls, messages, numbers, keys or webhooks.',
    },
    INTEGRATOR: {
      description: 'A system integration: charges, campaigns, calls, messages, numbers, webhooks and card top-ups; no saved cards.',
    },
    SUPPORT: { description: 'Platform staff: reads every account, adjusts balances, grants and refunds credit, settles bank transfers.' },
    PLATFORM_ADMIN: { description: 'The operator: creates accounts, rate plans and plans, and may do anything.' },
  },
});
registerEnumType(TransactionType, {
  name: 'TransactionType',
  description: "Direction from the wallet's point of view.",
  valuesConfig: {
    CREDIT: { description: 'Adds to the balance.' },
    DEBIT: { description: 'Takes from the balance.' },
  },
});
registerEnumType(TransactionKind, {
  name: 'TransactionKind',
  description: 'What the transaction was for.',
  valuesConfig: {
    TOP_UP: { description: 'Money paid in: a card top-up or a completed bank transfer.' },
    CHARGE: { description: 'A debit made with the charge mutation.' },
    ADJUSTMENT: { description: 'A correction by support, with its reason.' },
    REFUND: { description: 'Money given back: unused credit refunded to a card, or a number refunded to the wallet.' },
    GRANT: { description: 'Trial or promotional credit: spent first, never refunded.' },
    CALL: { description: 'The cost of an ended call.' },
    SMS: { description: 'The price of a delivered or received SMS.' },
    NUMBER: { description: "A phone number's purchase (with its first month) or monthly renewal." },
    SUBSCRIPTION: { description: "A plan subscription's monthly fee." },
  },
});
registerEnumType(TransactionStatus, {
  name: 'TransactionStatus',
  description: 'Whether a transaction has moved the balance.',
  valuesConfig: {
    PENDING: { description: 'Recorded, to settle later.' },
    COMPLETED: { description: 'Posted: the balance moved.' },
    FAILED: { description: 'Did not settle: the balance did not move.' },
  },
});
registerEnumType(WalletStatus, {
  name: 'WalletStatus',
  description: 'SUSPENDED: ran out; no new calls or messages until funded.',
  valuesConfig: {
    ACTIVE: { description: 'Usable.' },
    SUSPENDED: {
      description: 'Ran out (nothing left, nothing held): calls and messages are refused (WALLET_SUSPENDED) until it is funded.',
    },
  },
});
registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Only RUNNING campaigns place calls.',
  valuesConfig: {
    DRAFT: { description: 'Created, never started.' },
    RUNNING: { description: 'Places calls.' },
    PAUSED: { description: 'Paused by a person: no new calls; calls in progress run on.' },
    STOPPED_INSUFFICIENT_FUNDS: {
      description:
        'Stopped by the server: the wallet could not fund a call (short of funds, or suspended). startCampaign resumes it (after a top-up).',
    },
    STOPPED_SPEND_CAP: {
      description:
        "Stopped by the server: a daily or monthly spend cap of the wallet or the account could not fund a call. startCampaign resumes it (once the cap resets at the account's local midnight or on the 1st, or after raising it; resumed earlier, it stops again at its next refused call).",
    },
    STOPPED_BUDGET_REACHED: {
      description: 'Stopped by the server: its budget is spent. startCampaign resumes it (after raising the budget).',
    },
    COMPLETED: { description: 'Finished: it cannot be started again.' },
  },
});
registerEnumType(CallStatus, {
  name: 'CallStatus',
  description: 'Where a call stands.',
  valuesConfig: {
    ACTIVE: { description: 'In progress: credit is reserved one increment ahead.' },
    COMPLETED: { description: 'Hung up by a party (endCall).' },
    STOPPED: { description: 'Ended by the server at the end of its last funded increment (see endReason).' },
    REFUSED: { description: 'Never connected: its first increment could not be reserved (see endReason).' },
  },
});
registerEnumType(CallDirection, {
  name: 'CallDirection',
  description: 'Which way a call goes.',
  valuesConfig: {
    OUTBOUND: { description: 'Placed by a campaign (startCall) to `to`.' },
    INBOUND: { description: "Received from `from` on one of the account's numbers (startInboundCall); `to` is that number." },
  },
});
registerEnumType(CallEndReason, {
  name: 'CallEndReason',
  description: 'Why a call ended or was refused.',
  valuesConfig: {
    HANGUP: { description: 'A party hung up.' },
    INSUFFICIENT_FUNDS: { description: "The wallet's available balance could not fund the next increment." },
    BUDGET_REACHED: { description: "The campaign's budget could not fund the next increment." },
    WALLET_SUSPENDED: { description: 'The wallet is suspended until funded.' },
    SPEND_CAP_REACHED: {
      description:
        "A daily or monthly spend cap (the account's in the wallet's currency, or the wallet's own) could not fund the next increment.",
    },
  },
});

export { CallDirection, CallEndReason, CallStatus, CampaignStatus, Role, TransactionKind, TransactionStatus, TransactionType };
