import { registerEnumType } from 'type-graphql';
import { Role } from '../domain/accounts/role.js';
import { CallEndReason, CallStatus } from '../domain/calls/call-record.js';
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

registerEnumType(AccountStatus, { name: 'AccountStatus', description: 'CLOSED: unfunded for too long; its numbers were released.' });
registerEnumType(Role, { name: 'Role', description: 'What a credential may do.' });
registerEnumType(TransactionType, { name: 'TransactionType', description: "Direction from the wallet's point of view." });
registerEnumType(TransactionKind, { name: 'TransactionKind', description: 'What the transaction was for.' });
registerEnumType(TransactionStatus, { name: 'TransactionStatus' });
registerEnumType(WalletStatus, { name: 'WalletStatus', description: 'SUSPENDED: ran out; no new calls or messages until funded.' });
registerEnumType(CampaignStatus, { name: 'CampaignStatus', description: 'Only RUNNING campaigns place calls.' });
registerEnumType(CallStatus, { name: 'CallStatus' });
registerEnumType(CallEndReason, { name: 'CallEndReason', description: 'Why a call ended or was refused.' });

export { CallEndReason, CallStatus, CampaignStatus, Role, TransactionKind, TransactionStatus, TransactionType };
