import type { MessageRecord } from '../../domain/messaging/message-record.js';
import { MessageObject } from './messaging.types.js';

/** The GraphQL view of a message. */
export function toMessageObject(message: MessageRecord): MessageObject {
  return Object.assign(new MessageObject(), {
    id: message.id,
    walletId: message.walletId,
    campaignId: message.campaignId,
    direction: message.direction,
    from: message.from,
    to: message.to,
    body: message.body,
    encoding: message.encoding,
    segments: message.segments,
    price: message.priceMicros,
    hold: message.holdMicros,
    status: message.status,
    createdAt: new Date(message.createdAtMs),
    finalizedAt: message.finalizedAtMs === null ? null : new Date(message.finalizedAtMs),
    expiresAt: message.expiresAtMs === null ? null : new Date(message.expiresAtMs),
    transactionId: message.transactionId,
    version: message.version.toString(),
  });
}
