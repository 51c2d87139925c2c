import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pgQuery, pgTransaction } from '../../database/pg-transaction.js';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { findRatePlan } from '../rating/rate-plan.service.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { validateAmount, validateText } from '../wallets/validate-input.js';
import { CAMPAIGN_COLUMNS, CampaignStatus, toCampaignRecord, type CampaignRecord, type CampaignRow } from './campaign-record.js';

/** Roles that manage campaigns of their account (PLATFORM_ADMIN: any account). */
export const CAMPAIGN_ROLES = [Role.OWNER, Role.CAMPAIGN_MANAGER, Role.INTEGRATOR, Role.PLATFORM_ADMIN] as const;

/** Options of {@link createCampaign}. */
export interface CreateCampaignOptions {
  principal: Principal;
  walletId: string;
  name: string;
  ratePlanId: string;
  /** Hard cap on the campaign's spend, in micros; null for none. */
  budgetMicros: bigint | null;
  /** Lets the built-in dialer simulator place this campaign's calls. */
  simulate: boolean;
  limits: Pick<Config, 'nameLengthMax' | 'operationAmountMicrosMax'>;
}

/**
 * Creates a campaign in DRAFT on a wallet of the caller's account, priced by a rate plan of the
 * wallet's currency.
 * @throws ForbiddenError for SUPPORT. @throws NotFoundError for a foreign or unknown wallet or rate plan.
 * @throws BadUserInputError (`name`, `budget`, `ratePlanId` of another currency).
 */
export async function createCampaign(em: EntityManager, options: CreateCampaignOptions): Promise<CampaignRecord> {
  requireRole(options.principal, CAMPAIGN_ROLES, 'create a campaign');
  const name = validateText('name', options.name, options.limits.nameLengthMax);
  if (options.budgetMicros !== null) validateAmount('budget', options.budgetMicros, options.limits.operationAmountMicrosMax, false);
  const wallet = await findWallet(em, { principal: options.principal, walletId: options.walletId });
  const ratePlan = await findRatePlan(em, options.ratePlanId);
  if (ratePlan.currency !== wallet.currency.trim()) {
    throw new BadUserInputError('ratePlanId', `Rate plan is in ${ratePlan.currency}, the wallet in ${wallet.currency.trim()}`);
  }
  const [row] = await pgQuery<CampaignRow>(
    em,
    `insert into campaign as m (id, account_id, wallet_id, rate_plan_id, name, status, budget_micros, simulate)
     values ($1, $2, $3, $4, $5, 'DRAFT', $6, $7) returning ${CAMPAIGN_COLUMNS}`,
    [randomUUID(), wallet.accountId, wallet.id, ratePlan.id, name, options.budgetMicros?.toString() ?? null, options.simulate],
  );
  return toCampaignRecord(row!);
}

/** @throws NotFoundError for an unknown campaign or one outside the caller's account. */
export async function findCampaign(em: EntityManager, principal: Principal, campaignId: string): Promise<CampaignRecord> {
  if (!isUuid(campaignId)) throw new NotFoundError('Campaign', campaignId);
  const [row] = await pgQuery<CampaignRow>(
    em,
    `select ${CAMPAIGN_COLUMNS} from campaign m where m.id = $1 and ($2::uuid is null or m.account_id = $2)`,
    [campaignId, tenantScope(principal)],
  );
  if (!row) throw new NotFoundError('Campaign', campaignId);
  return toCampaignRecord(row);
}

/** From which statuses each transition may be made. */
const TRANSITIONS: Record<'start' | 'pause', readonly CampaignStatus[]> = {
  start: [
    CampaignStatus.DRAFT,
    CampaignStatus.RUNNING,
    CampaignStatus.PAUSED,
    CampaignStatus.STOPPED_INSUFFICIENT_FUNDS,
    CampaignStatus.STOPPED_BUDGET_REACHED,
  ],
  pause: [CampaignStatus.RUNNING, CampaignStatus.PAUSED],
};

/**
 * Moves a campaign to RUNNING (start; also resumes one stopped for funds or budget, which then
 * stops again at its next refused call if nothing changed) or PAUSED (pause: no new calls;
 * calls in progress run on). Repeating a transition is harmless.
 * @throws ForbiddenError, NotFoundError, InvalidStateError (a COMPLETED campaign; pausing one not running).
 */
export async function transitionCampaign(
  em: EntityManager,
  options: { principal: Principal; campaignId: string; transition: 'start' | 'pause' },
): Promise<CampaignRecord> {
  requireRole(options.principal, CAMPAIGN_ROLES, `${options.transition} a campaign`);
  const current = await findCampaign(em, options.principal, options.campaignId);
  const target = options.transition === 'start' ? CampaignStatus.RUNNING : CampaignStatus.PAUSED;
  return pgTransaction(em, async (query) => {
    const [locked] = await query<CampaignRow>(`select ${CAMPAIGN_COLUMNS} from campaign m where m.id = $1 for no key update`, [current.id]);
    const campaign = toCampaignRecord(locked!);
    if (!TRANSITIONS[options.transition].includes(campaign.status)) {
      throw new InvalidStateError(`A ${campaign.status} campaign cannot be ${options.transition === 'start' ? 'started' : 'paused'}`, {
        status: campaign.status,
      });
    }
    if (campaign.status === target) return campaign;
    const [row] = await query<CampaignRow>(
      `update campaign m set status = $2, version = version + 1, updated_at = now() where m.id = $1 returning ${CAMPAIGN_COLUMNS}`,
      [campaign.id, target],
    );
    const updated = toCampaignRecord(row!);
    await insertOutboxEvents(query, [{ type: 'CAMPAIGN_UPDATED', accountId: updated.accountId, campaignId: updated.id, callId: null, version: updated.version }]);
    return updated;
  });
}

/** An outbox row of a campaign or call change: subscribers re-read the object's current state. */
export interface EntityEvent {
  type: 'CAMPAIGN_UPDATED' | 'CALL_UPDATED';
  accountId: string;
  campaignId: string;
  callId: string | null;
  version: bigint;
}

/** Writes campaign and call events to the outbox in one statement, inside the caller's transaction. */
export async function insertOutboxEvents(query: (text: string, values?: unknown[]) => Promise<unknown[]>, events: EntityEvent[]): Promise<void> {
  if (events.length === 0) return;
  await query(
    `insert into outbox_event (type, account_id, campaign_id, call_id, version)
     select * from unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::bigint[])`,
    [
      events.map((e) => e.type),
      events.map((e) => e.accountId),
      events.map((e) => e.campaignId),
      events.map((e) => e.callId),
      events.map((e) => e.version.toString()),
    ],
  );
}

/** The opaque cursor of a row ordered by (created_at desc, id desc): exact microseconds and id. */
export function encodeCreatedCursor(createdAtUs: string, id: string): string {
  return Buffer.from(`${createdAtUs}|${id}`, 'utf8').toString('base64url');
}

/** @throws BadUserInputError (`after`) for a cursor this server did not issue. */
export function decodeCreatedCursor(cursor: string): { createdAtUs: string; id: string } {
  const [createdAtUs, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (extra !== undefined || !id || !isUuid(id) || !createdAtUs || !/^[0-9]{1,18}$/.test(createdAtUs) || encodeCreatedCursor(createdAtUs, id) !== cursor) {
    throw new BadUserInputError('after', 'after is not a cursor returned by this API');
  }
  return { createdAtUs, id };
}

/** SQL for "(alias.created_at, alias.id) is after the cursor ($n microseconds, $n+1 id)", or no cursor when $n is null. */
export function afterCursorSql(alias: string, n: number): string {
  return `($${n}::bigint is null or (${alias}.created_at, ${alias}.id) < (to_timestamp(0) + $${n}::bigint * interval '1 microsecond', $${n + 1}::uuid))`;
}

/** @throws BadUserInputError (`first`) outside 1..max. */
export function validatePageSize(first: number | null | undefined, limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>): number {
  if (first === null || first === undefined) return limits.callsPageSizeDefault;
  if (!Number.isInteger(first) || first < 1 || first > limits.callsPageSizeMax) {
    throw new BadUserInputError('first', `first must be between 1 and ${limits.callsPageSizeMax}`);
  }
  return first;
}

/** The caller's campaigns, newest first, one page (one more row is read to tell whether more follow). */
export async function listCampaigns(
  em: EntityManager,
  options: { principal: Principal; first?: number | null; after?: string | null; limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'> },
): Promise<{ campaigns: CampaignRecord[]; hasNextPage: boolean }> {
  requireRole(options.principal, [...CAMPAIGN_ROLES, Role.SUPPORT], 'list campaigns');
  const first = validatePageSize(options.first, options.limits);
  const after = options.after === null || options.after === undefined ? null : decodeCreatedCursor(options.after);
  const rows = await pgQuery<CampaignRow>(
    em,
    `select ${CAMPAIGN_COLUMNS} from campaign m
      where ($1::uuid is null or m.account_id = $1)
        and ${afterCursorSql('m', 2)}
      order by m.created_at desc, m.id desc limit $4`,
    [tenantScope(options.principal), after?.createdAtUs ?? null, after?.id ?? null, first + 1],
  );
  return { campaigns: rows.slice(0, first).map(toCampaignRecord), hasNextPage: rows.length > first };
}
