import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { printSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import './enums.js';
import { documentSchema } from './error-code.type.js';
import { AccountResolver, PrincipalResolver } from './accounts/account.resolver.js';
import { MessagingResolver } from './messaging/messaging.resolver.js';
import { NumbersResolver } from './numbers/numbers.resolver.js';
import { SenderIdsResolver } from './sender-ids/sender-ids.resolver.js';
import { PlanSubscriptionResolver, WalletPlanSubscriptionResolver } from './subscriptions/plan-subscription.resolver.js';
import { SpendSubscriptionResolver } from './calls/spend-subscription.resolver.js';
import { SpendResolver } from './calls/spend.resolver.js';
import { CallControlResolver } from './calls/call-control.resolver.js';
import { WalletSubscriptionResolver } from './wallets/wallet-subscription.resolver.js';
import { WalletResolver } from './wallets/wallet.resolver.js';
import { CreateWalletResolver } from './wallets/create-wallet.resolver.js';
import { PaymentsResolver, WalletPaymentsResolver } from './payments/payments.resolver.js';
import { PrincipalUserResolver, UsersResolver } from './users/users.resolver.js';
import { WalletBurnResolver } from './wallets/wallet-burn.resolver.js';
import { CampaignSpendResolver } from './calls/campaign-spend.resolver.js';
import { AlertAcknowledgerResolver, AlertsResolver, WalletAlertsResolver } from './alerts/alerts.resolver.js';
import { NotificationPreferencesResolver } from './notifications/notification-preferences.resolver.js';
import { UsageReportResolver } from './usage-reports/usage-report.resolver.js';
import { AccountWebhooksResolver, WebhooksResolver } from './webhooks/webhooks.resolver.js';
import { AccountSearchResolver } from './accounts/account-search.resolver.js';
import { SpendCapsResolver } from './spend-caps/spend-caps.resolver.js';
import { BankTransferActorResolver, TransactionActorResolver } from './accounts/actor.resolver.js';
import { InvoicesResolver, TransactionInvoiceResolver } from './invoices/invoices.resolver.js';
import { AuditLogResolver } from './audit/audit.resolver.js';
import { RefundRequestsResolver } from './refund-requests/refund-requests.resolver.js';

/**
 * type-graphql insists on a PubSub once there are subscriptions, but ours never use its topics:
 * each subscription reads the outbox through its own `subscribe` function. Any use is a bug.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('Subscriptions read the outbox; type-graphql topics are not used');
  },
  subscribe() {
    throw new Error('Subscriptions read the outbox; type-graphql topics are not used');
  },
};

/** Builds the executable GraphQL schema from the type-graphql resolvers, with the ErrorCode enum added. */
export async function createSchema(): Promise<GraphQLSchema> {
  // No global middleware and no auth checker: the hot payload types (wallets/wallet.type.ts,
  // record-usage.types.ts, wallet-mutations.types.ts) use simpleResolvers, which such a middleware
  // would not run on. Adding one means taking simpleResolvers off them.
  const schema = await buildSchema({
    resolvers: [
      AccountResolver,
      PrincipalResolver,
      WalletResolver,
      CreateWalletResolver,
      WalletSubscriptionResolver,
      SpendResolver,
      CallControlResolver,
      SpendSubscriptionResolver,
      MessagingResolver,
      NumbersResolver,
      SenderIdsResolver,
      PlanSubscriptionResolver,
      WalletPlanSubscriptionResolver,
      PaymentsResolver,
      WalletPaymentsResolver,
      UsersResolver,
      PrincipalUserResolver,
      WalletBurnResolver,
      CampaignSpendResolver,
      AlertsResolver,
      WalletAlertsResolver,
      NotificationPreferencesResolver,
      UsageReportResolver,
      WebhooksResolver,
      AccountWebhooksResolver,
      SpendCapsResolver,
      AccountSearchResolver,
      TransactionActorResolver,
      BankTransferActorResolver,
      AlertAcknowledgerResolver,
      InvoicesResolver,
      TransactionInvoiceResolver,
      AuditLogResolver,
      RefundRequestsResolver,
    ],
    validate: false,
    pubSub: NO_TOPICS,
    emitSchemaFile: false,
  });
  return documentSchema(schema);
}

/** The SDL committed as schema/schema.graphql: the contract the client's types are generated from. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
