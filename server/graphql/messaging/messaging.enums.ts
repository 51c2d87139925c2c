import { registerEnumType } from 'type-graphql';
import { MessageDeliveryStatus, MessageDirection, MessageEncoding, MessageStatus } from '../../domain/messaging/message-record.js';

registerEnumType(MessageDirection, {
  name: 'MessageDirection',
  description: "Which way a message travelled, from the account's point of view.",
  valuesConfig: {
    OUTBOUND: { description: 'Sent by the account (sendMessage).' },
    INBOUND: { description: "Received on one of the account's numbers (receiveMessage)." },
  },
});
registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description:
    'PENDING: its price is held until the delivery report. DELIVERED: charged. FAILED, EXPIRED: released, nothing charged. RECEIVED: inbound, charged on arrival.',
  valuesConfig: {
    PENDING: { description: 'Sent; its price is held until the delivery report (or until it expires).' },
    DELIVERED: { description: 'Delivered: its price was charged.' },
    FAILED: { description: 'Not delivered: the hold was released, nothing charged.' },
    EXPIRED: { description: 'No delivery report in time: the hold was released, nothing charged.' },
    RECEIVED: { description: 'Inbound: charged on arrival.' },
  },
});
registerEnumType(MessageDeliveryStatus, {
  name: 'MessageDeliveryStatus',
  description: "What a carrier's delivery report says.",
  valuesConfig: {
    DELIVERED: { description: 'Delivered to the handset: charge the held price.' },
    FAILED: { description: 'Not delivered: release the hold.' },
    EXPIRED: { description: 'The carrier gave up: release the hold.' },
  },
});
registerEnumType(MessageEncoding, {
  name: 'SmsEncoding',
  description:
    'GSM7: the GSM 03.38 alphabet, 160 characters in one part, 153 per part beyond. UCS2: anything else, 70 in one part, 67 per part beyond.',
  valuesConfig: {
    GSM7: { description: 'The GSM 03.38 alphabet: 160 characters in one part, 153 per part beyond.' },
    UCS2: { description: 'Anything else (emoji, most non-Latin scripts): 70 in one part, 67 per part beyond.' },
  },
});

export { MessageDeliveryStatus, MessageDirection, MessageEncoding, MessageStatus };
