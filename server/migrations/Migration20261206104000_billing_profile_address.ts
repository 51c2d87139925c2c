import { Migration } from '@mikro-orm/migrations';

/**
 * The billing profile's legal name and postal address (issue 16, the owner's Billing page): what an
 * invoice or receipt is addressed to. Each is free text, null when unset; the length cap is also
 * enforced by the service (config `billingProfileTextLengthMax`, 200 characters), the CHECK is its
 * pair at a generous ceiling so a misconfigured limit can never store an unbounded value.
 */
export class Migration20261206104000BillingProfileAddress extends Migration {
  override up(): void {
    this.addSql(`
alter table account
  add column billing_legal_name text check (char_length(billing_legal_name) between 1 and 1000),
  add column billing_address_line1 text check (char_length(billing_address_line1) between 1 and 1000),
  add column billing_address_line2 text check (char_length(billing_address_line2) between 1 and 1000),
  add column billing_city text check (char_length(billing_city) between 1 and 1000),
  add column billing_postal_code text check (char_length(billing_postal_code) between 1 and 1000);
`);
  }

  override down(): void {
    this.addSql(`
alter table account
  drop column billing_legal_name,
  drop column billing_address_line1,
  drop column billing_address_line2,
  drop column billing_city,
  drop column billing_postal_code;
`);
  }
}
