import { registerEnumType } from 'type-graphql';
import { MessageDeliveryStatus, MessageDirection, MessageEncoding, MessageStatus } from '../../domain/messaging/message-record.js';

registerEnumType(MessageDirection, { name: 'MessageDirection', description: "Which way a message travelled, from the account's point of view." });
registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description: 'PENDING: its price is held until the delivery report. DELIVERED: charged. FAILED, EXPIRED: released, nothing charged. RECEIVED: inbound, charged on arrival.',
});
registerEnumType(MessageDeliveryStatus, { name: 'MessageDeliveryStatus', description: "What a carrier's delivery report says." });
registerEnumType(MessageEncoding, {
  name: 'SmsEncoding',
  description: 'GSM7: the GSM 03.38 alphabet, 160 characters in one part, 153 per part beyond. UCS2: anything else, 70 in one part, 67 per part beyond.',
});

export { MessageDeliveryStatus, MessageDirection, MessageEncoding, MessageStatus };
