import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { findCampaign } from '../campaigns/campaign.service.js';
import { afterCursorParams, validatePageSize } from '../campaigns/created-cursor.js';
import { isUuid } from '../ids.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { toMessageRecord, type MessageDirection, type MessageRecord, type MessageStatus } from './message-record.js';
import { selectMessagesPage, selectVisibleMessage } from './messaging.queries.js';

/** @throws NotFoundError for an unknown message or one outside the caller's account. */
export async function findMessage(em: EntityManager, principal: Principal, messageId: string): Promise<MessageRecord> {
  if (!isUuid(messageId)) throw new NotFoundError('Message', messageId);
  const row = await selectVisibleMessage.maybeOne(em, { messageId, accountId: tenantScope(principal) });
  if (!row) throw new NotFoundError('Message', messageId);
  return toMessageRecord(row);
}

/** Options of {@link listMessages}. */
export interface ListMessagesOptions {
  principal: Principal;
  walletId: string;
  /** Only this campaign's messages (it must spend from the wallet). */
  campaignId?: string | null;
  status?: MessageStatus | null;
  direction?: MessageDirection | null;
  first?: number | null;
  after?: string | null;
  limits: Pick<Config, 'callsPageSizeMax' | 'callsPageSizeDefault'>;
}

/**
 * A wallet's messages, newest first, optionally of one campaign, status or direction; one page
 * (one more row is read to tell whether more follow). Every role may read its own account's.
 * @throws NotFoundError for a foreign or unknown wallet or campaign.
 * @throws BadUserInputError (`first`, `after`, `campaignId` of another wallet).
 */
export async function listMessages(
  em: EntityManager,
  options: ListMessagesOptions,
): Promise<{ messages: MessageRecord[]; hasNextPage: boolean }> {
  const wallet = await findWallet(em, { principal: options.principal, walletId: options.walletId });
  let campaignId: string | null = null;
  if (options.campaignId !== null && options.campaignId !== undefined) {
    const campaign = await findCampaign(em, options.principal, options.campaignId);
    if (campaign.walletId !== wallet.id) throw new BadUserInputError('campaignId', 'The campaign spends from another wallet');
    campaignId = campaign.id;
  }
  const first = validatePageSize(options.first, options.limits);
  const cursor = afterCursorParams(options.after);
  const rows = await selectMessagesPage.all(em, {
    walletId: wallet.id,
    campaignId,
    status: options.status ?? null,
    direction: options.direction ?? null,
    ...cursor,
    limit: first + 1,
  });
  return { messages: rows.slice(0, first).map(toMessageRecord), hasNextPage: rows.length > first };
}
