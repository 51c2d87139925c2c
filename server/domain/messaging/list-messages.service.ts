import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { pgQuery } from '../../database/pg-transaction.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { tenantScope, type Principal } from '../accounts/principal.js';
import { afterCursorSql, decodeCreatedCursor, findCampaign, validatePageSize } from '../campaigns/campaign.service.js';
import { isUuid } from '../ids.js';
import { findWallet } from '../wallets/find-wallet.service.js';
import { MESSAGE_COLUMNS, toMessageRecord, type MessageDirection, type MessageRecord, type MessageRow, type MessageStatus } from './message-record.js';

/** @throws NotFoundError for an unknown message or one outside the caller's account. */
export async function findMessage(em: EntityManager, principal: Principal, messageId: string): Promise<MessageRecord> {
  if (!isUuid(messageId)) throw new NotFoundError('Message', messageId);
  const [row] = await pgQuery<MessageRow>(
    em,
    `select ${MESSAGE_COLUMNS} from message g where g.id = $1 and ($2::uuid is null or g.account_id = $2)`,
    [messageId, tenantScope(principal)],
  );
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
export async function listMessages(em: EntityManager, options: ListMessagesOptions): Promise<{ messages: MessageRecord[]; hasNextPage: boolean }> {
  const wallet = await findWallet(em, { principal: options.principal, walletId: options.walletId });
  let campaignId: string | null = null;
  if (options.campaignId !== null && options.campaignId !== undefined) {
    const campaign = await findCampaign(em, options.principal, options.campaignId);
    if (campaign.walletId !== wallet.id) throw new BadUserInputError('campaignId', 'The campaign spends from another wallet');
    campaignId = campaign.id;
  }
  const first = validatePageSize(options.first, options.limits);
  const after = options.after === null || options.after === undefined ? null : decodeCreatedCursor(options.after);
  const rows = await pgQuery<MessageRow>(
    em,
    `select ${MESSAGE_COLUMNS} from message g
      where g.wallet_id = $1 and ($4::uuid is null or g.campaign_id = $4) and ($5::text is null or g.status = $5)
        and ($6::text is null or g.direction = $6) and ${afterCursorSql('g', 2)}
      order by g.created_at desc, g.id desc limit $7`,
    [wallet.id, after?.createdAtUs ?? null, after?.id ?? null, campaignId, options.status ?? null, options.direction ?? null, first + 1],
  );
  return { messages: rows.slice(0, first).map(toMessageRecord), hasNextPage: rows.length > first };
}
