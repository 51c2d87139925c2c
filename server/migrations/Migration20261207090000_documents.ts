import { Migration } from '@mikro-orm/migrations';
import { allowValuesSql } from './allowed-values.js';

/** The webhook event types this migration adds: a document was issued. */
const DOCUMENT_EVENT_TYPES = ['INVOICE_ISSUED', 'CREDIT_NOTE_ISSUED'];

/**
 * Invoices and credit notes for integrators and on the transactions list:
 * - `outbox_event` rows of type `DOCUMENT_ISSUED` (with `invoice_id`), written by the statement that
 *   issues the document, in the payment's own transaction: the webhook producer reads them like
 *   every other cause, so an event exists exactly when the document does.
 * - The webhook event types `INVOICE_ISSUED` and `CREDIT_NOTE_ISSUED`, through {@link allowValuesSql}
 *   so that kinds other migrations add are kept.
 * - An index on `invoice (wallet_transaction_id)`: a page of transactions finds its documents in one read.
 */
export class Migration20261207090000Documents extends Migration {
  override up(): void {
    this.addSql(`
${allowValuesSql({ table: 'outbox_event', column: 'type', constraintName: 'outbox_event_type_check', values: ['DOCUMENT_ISSUED'] })}
alter table outbox_event add column invoice_id bigint references invoice (id);
alter table outbox_event add constraint outbox_event_invoice_check check ((type = 'DOCUMENT_ISSUED') = (invoice_id is not null));
${allowValuesSql({ table: 'webhook_event', column: 'type', constraintName: 'webhook_event_type_check', values: DOCUMENT_EVENT_TYPES })}
${allowValuesSql({
  table: 'webhook_endpoint',
  column: 'event_types',
  constraintName: 'webhook_endpoint_event_types_check',
  values: DOCUMENT_EVENT_TYPES,
  array: true,
  extraSql: 'cardinality(event_types) >= 1',
})}
create index invoice_wallet_transaction_idx on invoice (wallet_transaction_id) where wallet_transaction_id is not null;
`);
  }

  override down(): void {
    this.addSql(`
drop index invoice_wallet_transaction_idx;
alter table outbox_event drop constraint outbox_event_invoice_check;
alter table outbox_event drop column invoice_id;
`);
  }
}
