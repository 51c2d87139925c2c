import { registerEnumType } from 'type-graphql';
import { Role } from '../domain/accounts/role.js';
import { CallEndReason, CallStatus } from '../domain/calls/call-record.js';
import { CampaignStatus } from '../domain/campaigns/campaign-record.js';
import { TransactionKind, TransactionStatus, TransactionType } from '../domain/wallets/transaction-enums.js';

registerEnumType(Role, { name: 'Role', description: 'What a credential may do.' });
registerEnumType(TransactionType, { name: 'TransactionType', description: "Direction from the wallet's point of view." });
registerEnumType(TransactionKind, { name: 'TransactionKind', description: 'What the transaction was for.' });
registerEnumType(TransactionStatus, { name: 'TransactionStatus' });
registerEnumType(CampaignStatus, { name: 'CampaignStatus', description: 'Only RUNNING campaigns place calls.' });
registerEnumType(CallStatus, { name: 'CallStatus' });
registerEnumType(CallEndReason, { name: 'CallEndReason', description: 'Why a call ended or was refused.' });

export { CallEndReason, CallStatus, CampaignStatus, Role, TransactionKind, TransactionStatus, TransactionType };
