import { registerEnumType } from 'type-graphql';
import { Role } from '../domain/accounts/role.js';
import { TransactionKind, TransactionStatus, TransactionType } from '../domain/wallets/transaction-enums.js';

registerEnumType(Role, { name: 'Role', description: 'What a credential may do.' });
registerEnumType(TransactionType, { name: 'TransactionType', description: "Direction from the wallet's point of view." });
registerEnumType(TransactionKind, { name: 'TransactionKind', description: 'What the transaction was for.' });
registerEnumType(TransactionStatus, { name: 'TransactionStatus' });

export { Role, TransactionKind, TransactionStatus, TransactionType };
