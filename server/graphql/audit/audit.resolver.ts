import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { encodeAuditCursor, listAuditLog } from '../../domain/audit/list-audit-log.service.js';
import { PageInfo } from '../wallets/wallet.type.js';
import { AuditLogArgs, AuditLogConnection, AuditLogEdge, AuditLogEntryObject, toAuditLogEntryObject } from './audit.types.js';

@Resolver(() => AuditLogEntryObject)
export class AuditLogResolver {
  @Query(() => AuditLogConnection, {
    description:
      'Who changed what, newest first: keys, team, settings, thresholds, webhook endpoints, campaign budgets and every support action. ' +
      'OWNER (their account), SUPPORT and PLATFORM_ADMIN (any); INTEGRATOR and CAMPAIGN_MANAGER are FORBIDDEN.',
  })
  async auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() { em, principal, config }: Context): Promise<AuditLogConnection> {
    const page = await listAuditLog(em, {
      principal,
      accountId: args.accountId ?? null,
      first: args.first,
      after: args.after,
      actions: args.actions,
      limits: config,
    });
    const edges = page.entries.map((entry) =>
      Object.assign(new AuditLogEdge(), { cursor: encodeAuditCursor(entry.id), node: toAuditLogEntryObject(entry) }),
    );
    return Object.assign(new AuditLogConnection(), {
      edges,
      pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }),
    });
  }
}
