import { randomUUID } from 'node:crypto';
import { AuditAction } from '../audit/audit-action.js';
import { recordAudit } from '../audit/record-audit.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { transaction, type SqlTransaction, type Db } from '../../database/sql.js';
import { BadUserInputError, BudgetBelowSpentError, InvalidStateError, NotFoundError } from '../../errors.js';
import { requireRole, tenantScope, type Principal } from '../accounts/principal.js';
import { Role } from '../accounts/role.js';
import { isUuid } from '../ids.js';
import { findRatePlan } from '../rating/rate-plan.service.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { formatMoney } from '../wallets/money.js';
import { validateAmount, validateText } from '../wallets/validate-input.js';
import { CampaignStatus, toCampaignRecord, type CampaignRecord } from './campaign-record.js';
import {
  insertCampaign,
  insertEntityEvents,
  lockCampaign,
  selectCampaign,
  selectCampaignAccount,
  selectCampaignsPage,
  selectSimulatedCampaigns,
  updateCampaignSettings,
  updateCampaignStatus,
} from './campaigns.queries.js';
import { afterCursorParams, validatePageSize } from './created-cursor.js';
import { requireVerifiedAccount } from '../users/require-verified-email.js';

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
  const row = await transaction(em, async (tx) => {
    const inserted = await insertCampaign.one(tx, {
      id: randomUUID(),
      accountId: wallet.accountId,
      walletId: wallet.id,
      ratePlanId: ratePlan.id,
      name,
      budgetMicros: options.budgetMicros,
      simulate: options.simulate,
    });
    await recordAudit(tx, {
      principal: options.principal,
      accountId: wallet.accountId,
      action: AuditAction.CAMPAIGN_CREATED,
      targetType: 'CAMPAIGN',
      targetId: inserted.id,
      after: { name, walletId: wallet.id, budget: options.budgetMicros === null ? null : formatMoney(options.budgetMicros) },
    });
    return inserted;
  });
  return toCampaignRecord(row);
}

/** @throws NotFoundError for an unknown campaign or one outside the caller's account. */
export async function findCampaign(db: Db, principal: Principal, campaignId: string): Promise<CampaignRecord> {
  if (!isUuid(campaignId)) throw new NotFoundError('Campaign', campaignId);
  const row = await selectCampaign.maybeOne(db, { campaignId, accountScope: tenantScope(principal) });
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
    CampaignStatus.STOPPED_SPEND_CAP,
  ],
  pause: [CampaignStatus.RUNNING, CampaignStatus.PAUSED],
};

/**
 * Moves a campaign to RUNNING (start; also resumes one stopped for funds, budget or a spend cap, which then
 * stops again at its next refused call if nothing changed) or PAUSED (pause: no new calls;
 * calls in progress run on). Repeating a transition is harmless. Once a change is committed it
 * calls `committed` (subscribers in every process then read the campaign again).
 * @throws ForbiddenError, NotFoundError, InvalidStateError (a COMPLETED campaign; pausing one not running).
 */
export async function transitionCampaign(
  em: EntityManager,
  options: { principal: Principal; campaignId: string; transition: 'start' | 'pause'; committed?: () => void },
): Promise<CampaignRecord> {
  requireRole(options.principal, CAMPAIGN_ROLES, `${options.transition} a campaign`);
  const current = await findCampaign(em, options.principal, options.campaignId);
  if (options.transition === 'start') await requireVerifiedAccount(em, current.accountId);
  const target = options.transition === 'start' ? CampaignStatus.RUNNING : CampaignStatus.PAUSED;
  const result = await transaction(em, async (tx) => {
    const campaign = toCampaignRecord(await lockCampaign.one(tx, { campaignId: current.id }));
    if (!TRANSITIONS[options.transition].includes(campaign.status)) {
      throw new InvalidStateError(`A ${campaign.status} campaign cannot be ${options.transition === 'start' ? 'started' : 'paused'}`, {
        status: campaign.status,
      });
    }
    if (campaign.status === target) return { campaign, changed: false };
    const updated = toCampaignRecord(await updateCampaignStatus.one(tx, { campaignId: campaign.id, status: target }));
    await insertOutboxEvents(tx, [
      { type: 'CAMPAIGN_UPDATED', accountId: updated.accountId, campaignId: updated.id, callId: null, version: updated.version },
    ]);
    return { campaign: updated, changed: true };
  });
  if (result.changed) options.committed?.();
  return result.campaign;
}

/** Options of {@link updateCampaign}: each setting left undefined stays as it is. */
export interface UpdateCampaignOptions {
  principal: Principal;
  campaignId: string;
  name?: string;
  /** The new cap on spend in micros; null removes the cap. Never below what is already committed. */
  budgetMicros?: bigint | null;
  limits: Pick<Config, 'nameLengthMax' | 'operationAmountMicrosMax'>;
  /** Called once the change is committed (subscribers then read the campaign again). */
  committed?: () => void;
}

/**
 * Changes a campaign's name and its cap on spend (the budget: the one cap a campaign has). The
 * budget is checked under the campaign's lock against what it has committed (spent plus what its
 * active calls and pending messages hold), so a call reserving at that moment cannot slip past it.
 * The status is left alone: a campaign stopped at its budget stays stopped until startCampaign
 * resumes it (its next call is then checked against the new budget).
 * @throws ForbiddenError for roles that may not manage campaigns. @throws NotFoundError.
 * @throws BadUserInputError (`name`, `budget`: zero, negative or too large).
 * @throws BudgetBelowSpentError when the budget is below what is already committed.
 * @throws InvalidStateError for a COMPLETED campaign.
 */
export async function updateCampaign(em: EntityManager, options: UpdateCampaignOptions): Promise<CampaignRecord> {
  requireRole(options.principal, CAMPAIGN_ROLES, 'update a campaign');
  const name = options.name === undefined ? undefined : validateText('name', options.name, options.limits.nameLengthMax);
  const budget = options.budgetMicros;
  if (budget !== undefined && budget !== null) validateAmount('budget', budget, options.limits.operationAmountMicrosMax, false);
  const current = await findCampaign(em, options.principal, options.campaignId);
  const result = await transaction(em, async (tx) => {
    const campaign = toCampaignRecord(await lockCampaign.one(tx, { campaignId: current.id }));
    if (campaign.status === CampaignStatus.COMPLETED) {
      throw new InvalidStateError('A COMPLETED campaign cannot be changed', { status: campaign.status });
    }
    if (budget !== undefined && budget !== null && budget < campaign.committedMicros) {
      throw new BudgetBelowSpentError(
        `The budget cannot go below the ${formatMoney(campaign.committedMicros)} the campaign has already committed`,
        formatMoney(campaign.committedMicros),
      );
    }
    const nextName = name ?? campaign.name;
    const nextBudget = budget === undefined ? campaign.budgetMicros : budget;
    if (nextName === campaign.name && nextBudget === campaign.budgetMicros) return { campaign, changed: false };
    const updated = toCampaignRecord(
      await updateCampaignSettings.one(tx, { campaignId: campaign.id, name: nextName, budgetMicros: nextBudget }),
    );
    await insertOutboxEvents(tx, [
      { type: 'CAMPAIGN_UPDATED', accountId: updated.accountId, campaignId: updated.id, callId: null, version: updated.version },
    ]);
    // The budget is the audited setting; a rename alone is not.
    if (nextBudget !== campaign.budgetMicros) {
      await recordAudit(tx, {
        principal: options.principal,
        accountId: updated.accountId,
        action: AuditAction.CAMPAIGN_BUDGET_CHANGED,
        targetType: 'CAMPAIGN',
        targetId: updated.id,
        before: { name: campaign.name, budget: campaign.budgetMicros === null ? null : formatMoney(campaign.budgetMicros) },
        after: { name: updated.name, budget: updated.budgetMicros === null ? null : formatMoney(updated.budgetMicros) },
      });
    }
    return { campaign: updated, changed: true };
  });
  if (result.changed) options.committed?.();
  return result.campaign;
}

/** An outbox row of a campaign or call change: subscribers re-read the object's current state. */
export interface EntityEvent {
  type: 'CAMPAIGN_UPDATED' | 'CALL_UPDATED';
  accountId: string;
  /** The campaign, or of a call its campaign (null for an inbound call, which has none). */
  campaignId: string | null;
  callId: string | null;
  version: bigint;
}

/**
 * Writes campaign and call events to the outbox in one statement, inside the caller's transaction.
 */
export async function insertOutboxEvents(db: SqlTransaction, events: readonly EntityEvent[]): Promise<void> {
  if (events.length === 0) return;
  const params = {
    types: events.map((e) => e.type),
    accountIds: events.map((e) => e.accountId),
    campaignIds: events.map((e) => e.campaignId),
    callIds: events.map((e) => e.callId),
    versions: events.map((e) => e.version.toString()),
  };
  await insertEntityEvents.run(db, params);
}

/**
 * The caller's campaigns, newest first, one page (one more row is read to tell whether more follow);
 * platform staff see every account's, or only `accountId`'s when they name one.
 * @throws NotFoundError when a tenant names another account (or a malformed id).
 */
export async function listCampaigns(
  em: EntityManager,
  options: {
    principal: Principal;
    /** Only this account's campaigns (null: the caller's tenant, or every account for platform staff). */
    accountId?: string | null;
    first?: number | null;
    after?: string | null;
    limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>;
  },
): Promise<{ campaigns: CampaignRecord[]; hasNextPage: boolean }> {
  requireRole(options.principal, [...CAMPAIGN_ROLES, Role.SUPPORT], 'list campaigns');
  const first = validatePageSize(options.first, options.limits);
  const scope = tenantScope(options.principal);
  const named = options.accountId ?? null;
  if (named !== null && (!isUuid(named) || (scope !== null && scope !== named.toLowerCase()))) throw new NotFoundError('Account', named);
  const rows = await selectCampaignsPage.all(em, {
    accountScope: named?.toLowerCase() ?? scope,
    ...afterCursorParams(options.after),
    limit: first + 1,
  });
  return { campaigns: rows.slice(0, first).map(toCampaignRecord), hasNextPage: rows.length > first };
}

/** RUNNING campaigns created with `simulate: true`, every account's: those the dialer simulator dials for. */
export async function simulatedCampaigns(db: Db): Promise<{ id: string; accountId: string; walletId: string }[]> {
  return (await selectSimulatedCampaigns.all(db)).map((row) => ({ id: row.id, accountId: row.account_id, walletId: row.wallet_id }));
}

/** The account of a campaign, whichever it is (no tenant check: for the platform's own jobs); undefined when unknown. */
export async function campaignAccountId(db: Db, campaignId: string): Promise<string | undefined> {
  return (await selectCampaignAccount.maybeOne(db, { campaignId }))?.account_id;
}
