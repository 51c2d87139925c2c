import { Migration } from '@mikro-orm/migrations';

/**
 * Postings applied in order, many per wallet, in one statement (usage batches and hot-wallet
 * coalescing).
 *
 * `spendwire_post_in_order` is the first step of the batched posting statement
 * (domain/wallets/post-wallet-transaction.ts, POST_WALLET_TRANSACTIONS): it locks every wallet the
 * postings name, in id order (the house's lock order), then walks the postings in the order given,
 * checking each against its wallet's running balance and reserved credit exactly as the single
 * posting statement checks it against the row (scope, funds, balance cap, reservation to release). A
 * refused posting changes nothing and the ones after it may still pass; each accepted one takes
 * the wallet's next sequence number. A running balance with refusals is sequential, so this is a
 * loop over arrays (kept in memory, O(1) per posting), followed by ONE update per wallet with its
 * final state; the statement around it then inserts the journal, entries, idempotency records,
 * customer-facing rows and outbox events for every accepted posting in bulk.
 *
 * Returns one row per accepted posting, shaped like the single statement's `posted` step: the
 * transaction id, the wallet, its account and currency, the posting's sequence, the balance
 * before and after it, the reserved credit right after it, the wallet's creation time, now(), and
 * whether a spend cap applies to the wallet.
 */
export class Migration20261207140000PostingInOrder extends Migration {
  override up(): void {
    this.addSql(`
create function spendwire_post_in_order(
  transaction_ids uuid[], wallet_ids uuid[], account_scopes uuid[], delta_micros bigint[],
  balance_micros_maxes bigint[], reserved_release_micros bigint[])
returns table (transaction_id uuid, wallet_id uuid, account_id uuid, currency text, sequence bigint,
  balance_before_micros bigint, balance_after_micros bigint, wallet_reserved_micros bigint,
  wallet_created_at timestamptz, wallet_updated_at timestamptz, spend_capped boolean)
language plpgsql as $fn$
#variable_conflict use_column
declare
  posting_count int := coalesce(array_length(transaction_ids, 1), 0);
  w_ids uuid[];
  w_accounts uuid[];
  w_currencies text[];
  w_balances bigint[];
  w_reserved bigint[];
  w_sequences bigint[];
  w_created timestamptz[];
  w_capped boolean[];
  w_touched boolean[];
  -- Per posting: the index of its wallet in the w_ arrays (null: no such wallet).
  slots int[];
  o_sequences bigint[];
  o_before bigint[];
  o_after bigint[];
  o_reserved bigint[];
  slot int;
  balance bigint;
  reserved bigint;
begin
  if posting_count = 0 then
    return;
  end if;
  -- Every wallet named, locked in id order before any is read: two batches (or a batch and the
  -- billing clock) never each hold a wallet the other waits for.
  perform 1 from wallet w where w.id = any(wallet_ids) order by w.id for update of w;
  select array_agg(w.id order by w.id), array_agg(w.account_id order by w.id), array_agg(w.currency::text order by w.id),
         array_agg(w.balance_micros order by w.id), array_agg(w.reserved_micros order by w.id),
         array_agg(w.last_sequence order by w.id), array_agg(w.created_at order by w.id), array_agg(w.spend_capped order by w.id)
    into w_ids, w_accounts, w_currencies, w_balances, w_reserved, w_sequences, w_created, w_capped
    from wallet w where w.id = any(wallet_ids);
  if w_ids is null then
    return;
  end if;
  select array_agg(s.slot order by u.ord) into slots
    from unnest(wallet_ids) with ordinality u(id, ord)
    left join (select x.id, x.ord::int as slot from unnest(w_ids) with ordinality x(id, ord)) s on s.id = u.id;
  w_touched := array_fill(false, array[array_length(w_ids, 1)]);
  o_sequences := array_fill(null::bigint, array[posting_count]);
  o_before := o_sequences;
  o_after := o_sequences;
  o_reserved := o_sequences;

  for i in 1..posting_count loop
    slot := slots[i];
    continue when slot is null;
    continue when account_scopes[i] is not null and w_accounts[slot] <> account_scopes[i];
    reserved := w_reserved[slot] - reserved_release_micros[i];
    balance := w_balances[slot] + delta_micros[i];
    -- The single statement's checks, against the running state: the reservation to release is
    -- held, available (balance - reserved) stays >= 0, the balance stays within its cap.
    continue when reserved < 0 or balance - reserved < 0 or balance > balance_micros_maxes[i];
    o_before[i] := w_balances[slot];
    w_balances[slot] := balance;
    w_reserved[slot] := reserved;
    w_sequences[slot] := w_sequences[slot] + 1;
    w_touched[slot] := true;
    o_sequences[i] := w_sequences[slot];
    o_after[i] := balance;
    o_reserved[i] := reserved;
  end loop;

  update wallet w
     set balance_micros = s.balance, reserved_micros = s.reserved, last_sequence = s.last_sequence, updated_at = now()
    from unnest(w_ids, w_balances, w_reserved, w_sequences, w_touched) s(id, balance, reserved, last_sequence, touched)
   where w.id = s.id and s.touched;

  return query
    select u.transaction_id, w.id, w.account_id, w.currency, u.sequence, u.before, u.after, u.reserved, w.created_at, now(), w.capped
      from unnest(transaction_ids, slots, o_sequences, o_before, o_after, o_reserved)
             u(transaction_id, slot, sequence, before, after, reserved)
      join unnest(w_ids, w_accounts, w_currencies, w_created, w_capped) with ordinality
             w(id, account_id, currency, created_at, capped, slot) on w.slot = u.slot
     where u.sequence is not null;
end
$fn$;
`);
  }

  override down(): void {
    this.addSql('drop function spendwire_post_in_order(uuid[], uuid[], uuid[], bigint[], bigint[], bigint[]);');
  }
}
