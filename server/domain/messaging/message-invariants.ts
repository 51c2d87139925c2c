/**
 * The ledger invariants messages add, as queries returning the rows that break them (empty: the
 * invariant holds), in the shape of verify-ledger.ts's INVARIANTS.
 *
 * The first two count calls and messages together (a wallet's reserved credit, a campaign's
 * spent and committed); the others are the messages' own.
 */

/**
 * A DELIVERED or RECEIVED message still holds its price on the wallet until the posting that
 * debits it releases the hold in the same statement. Whether it was posted is read from the
 * posting's idempotency record (written by that same statement), not from
 * `message.transaction_id` (recorded a moment later), so the check is exact in any snapshot.
 */
const UNPOSTED_CHARGED_MESSAGE = `g.status in ('DELIVERED', 'RECEIVED') and g.transaction_id is null and g.price_micros > 0
                  and not exists (select 1 from idempotency_key k
                                   where k.account_id = g.account_id and k.key = 'spendwire:sms:' || g.id::text)`;

/** Invariants verify-ledger.ts runs after its own. */
export const MESSAGING_LEDGER_INVARIANTS: readonly { invariant: string; sql: string }[] = [
  {
    invariant:
      "each wallet's reserved credit is what its active calls, its ended calls not yet posted, its pending messages and its delivered or received messages not yet posted hold",
    sql: `select w.id as wallet_id, w.reserved_micros, coalesce(h.held, 0) as held from wallet w
            left join (select wallet_id, sum(held) as held from (
                         select c.wallet_id, coalesce(cm.reserved_micros, c.reserved_micros) as held
                           from call c left join call_meter cm on cm.call_id = c.id
                          where c.status = 'ACTIVE'
                             or (c.status in ('COMPLETED', 'STOPPED') and c.transaction_id is null
                                 and not exists (select 1 from idempotency_key k
                                                  where k.account_id = c.account_id and k.key = 'spendwire:call:' || c.id::text))
                         union all
                         select wallet_id, hold_micros from message where status = 'PENDING'
                         union all
                         select g.wallet_id, g.price_micros from message g
                          where ${UNPOSTED_CHARGED_MESSAGE}
                       ) x group by wallet_id) h on h.wallet_id = w.id
           where w.reserved_micros <> coalesce(h.held, 0)`,
  },
  {
    invariant:
      "each campaign's spent is its ended calls' cost plus its delivered messages' price, its committed that plus its active calls' credit and its pending messages' holds, its active calls counted",
    sql: `select m.id, m.spent_micros, m.committed_micros, m.active_calls, a.spent, a.held, a.active, s.spent as sms_spent, s.held as sms_held
            from campaign m
            left join lateral (select coalesce(sum(cost_micros) filter (where status in ('COMPLETED', 'STOPPED')), 0) as spent,
                                      coalesce(sum(cm.reserved_micros) filter (where status = 'ACTIVE'), 0) as held,
                                      count(*) filter (where status = 'ACTIVE') as active
                                 from call c left join call_meter cm on cm.call_id = c.id where c.campaign_id = m.id) a on true
            left join lateral (select coalesce(sum(price_micros) filter (where status = 'DELIVERED'), 0) as spent,
                                      coalesce(sum(hold_micros) filter (where status = 'PENDING'), 0) as held
                                 from message g where g.campaign_id = m.id) s on true
           where m.spent_micros <> a.spent + s.spent or m.committed_micros <> a.spent + a.held + s.spent + s.held
              or m.active_calls <> a.active`,
  },
  {
    invariant:
      "each posted message's SMS transaction debits exactly its price from its wallet, for its campaign, and the message was delivered or received",
    sql: `select g.id, g.status, g.price_micros, t.amount_micros, t.kind, t.type from message g join wallet_transaction t on t.id = g.transaction_id
           where t.amount_micros <> g.price_micros or t.kind <> 'SMS' or t.type <> 'DEBIT' or t.wallet_id <> g.wallet_id
              or t.campaign_id is distinct from g.campaign_id or g.status not in ('DELIVERED', 'RECEIVED')`,
  },
  {
    invariant: 'every SMS posting charges one delivered or received message, exactly its price (failed and expired messages cost nothing)',
    sql: `select k.key, t.id as transaction_id, t.amount_micros, g.id as message_id, g.status, g.price_micros from idempotency_key k
            join wallet_transaction t on t.id = k.wallet_transaction_id
            left join message g on g.id = substring(k.key from 15)::uuid and g.account_id = k.account_id
           where k.key like 'spendwire:sms:%'
             and (g.id is null or g.status not in ('DELIVERED', 'RECEIVED') or t.amount_micros <> g.price_micros or t.kind <> 'SMS')`,
  },
  {
    invariant: "each message's price is a whole number of its segments' price",
    sql: `select id, segments, price_micros from message where price_micros % segments <> 0`,
  },
];
