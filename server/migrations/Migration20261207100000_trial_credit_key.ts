import { Migration } from '@mikro-orm/migrations';

/**
 * The trial credit once per person, not once per spelling of an address.
 *
 * `trial_credit_grant.email_key` is the address with the spellings one mailbox receives folded
 * together (lower case, the local part cut at its first `+`; for gmail.com and googlemail.com
 * also without dots, under gmail.com: `domain/users/trial-credit-key.ts`), and becomes the primary
 * key, so a second spelling of a verified address claims nothing. `email` keeps the address that
 * was verified (what its owner signs in with).
 *
 * Existing grants get their key by the same rule; where two existing grants fold to one key, the
 * earliest keeps it and each later one keeps a key of its own (`duplicate:<email>`, which no address
 * folds to): both were granted already, and what matters is that no further spelling is.
 */
export class Migration20261207100000TrialCreditKey extends Migration {
  override up(): void {
    this.addSql(`
alter table trial_credit_grant add column email_key text;

with parts as (
  select email, granted_at,
         substring(email from '^(.*)@[^@]*$') as local_part,
         substring(email from '@([^@]*)$') as domain
    from trial_credit_grant
), untagged as (
  select email, granted_at, domain,
         case when strpos(local_part, '+') > 1 then left(local_part, strpos(local_part, '+') - 1) else local_part end as local_part
    from parts
), keyed as (
  select email, granted_at,
         case when domain in ('gmail.com', 'googlemail.com')
              then coalesce(nullif(replace(local_part, '.', ''), ''), local_part) || '@gmail.com'
              else coalesce(local_part || '@' || domain, email) end as email_key
    from untagged
), ranked as (
  select email, email_key, row_number() over (partition by email_key order by granted_at, email) as n from keyed
)
update trial_credit_grant g
   set email_key = case when r.n = 1 then r.email_key else 'duplicate:' || r.email end
  from ranked r
 where r.email = g.email;

alter table trial_credit_grant alter column email_key set not null;
alter table trial_credit_grant add constraint trial_credit_grant_email_key_check check (email_key = lower(email_key));
alter table trial_credit_grant drop constraint trial_credit_grant_pkey;
alter table trial_credit_grant add primary key (email_key);
`);
  }
}
