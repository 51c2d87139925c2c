/**
 * Ledger invariants of card top-ups, refunds and bank transfers, checked with the others by
 * verifyLedger: money comes in once per payment, goes back at most once per refund, and the
 * records agree with the journal.
 */
export const PAYMENT_LEDGER_INVARIANTS: readonly { invariant: string; sql: string }[] = [
  {
    invariant: 'each SUCCEEDED top-up is credited by exactly one TOP_UP transaction of its amount, carrying its PaymentIntent',
    sql: `select u.id, u.amount_micros, t.amount_micros as credited, t.kind, t.payment_intent_id from top_up u
            left join wallet_transaction t on t.id = u.wallet_transaction_id
           where u.status = 'SUCCEEDED'
             and (t.id is null or t.kind <> 'TOP_UP' or t.type <> 'CREDIT' or t.amount_micros <> u.amount_micros
                  or t.payment_intent_id is distinct from u.payment_intent_id or t.wallet_id <> u.wallet_id)`,
  },
  {
    invariant: 'every TOP_UP transaction with a PaymentIntent belongs to a SUCCEEDED top-up (no credit without a payment)',
    sql: `select t.id, t.payment_intent_id from wallet_transaction t
            left join top_up u on u.wallet_transaction_id = t.id and u.status = 'SUCCEEDED'
           where t.kind = 'TOP_UP' and t.payment_intent_id is not null and u.id is null`,
  },
  {
    invariant:
      "each top-up's refunded credit is the sum of its refunds not failed, and a refund's card amount never exceeds the top-up's total",
    sql: `select u.id, u.refunded_micros, coalesce(sum(r.amount_micros) filter (where r.status <> 'FAILED'), 0) as refunds,
                 coalesce(sum(r.card_amount_micros) filter (where r.status <> 'FAILED'), 0) as card_refunds, u.total_micros
            from top_up u left join top_up_refund r on r.top_up_id = u.id
           group by u.id, u.refunded_micros, u.total_micros
          having u.refunded_micros <> coalesce(sum(r.amount_micros) filter (where r.status <> 'FAILED'), 0)
              or coalesce(sum(r.card_amount_micros) filter (where r.status <> 'FAILED'), 0) > u.total_micros`,
  },
  {
    invariant: "each refund's REFUND debit equals its refunds together, and a failed refund's reversal credits back exactly its amount",
    sql: `select t.id, t.amount_micros, sum(r.amount_micros) as refunds from wallet_transaction t join top_up_refund r on r.wallet_transaction_id = t.id
           group by t.id, t.amount_micros, t.kind, t.type
          having t.amount_micros <> sum(r.amount_micros) or t.kind <> 'REFUND' or t.type <> 'DEBIT'
           union all
          select r.id, r.amount_micros, t.amount_micros from top_up_refund r join wallet_transaction t on t.id = r.reversal_transaction_id
           where t.amount_micros <> r.amount_micros or t.type <> 'CREDIT'`,
  },
  {
    invariant: 'each COMPLETED bank transfer is credited by exactly its amount, once',
    sql: `select b.id, b.amount_micros, t.amount_micros as credited from bank_transfer b
            left join wallet_transaction t on t.id = b.wallet_transaction_id
           where b.status = 'COMPLETED' and (t.id is null or t.amount_micros <> b.amount_micros or t.type <> 'CREDIT' or t.wallet_id <> b.wallet_id)`,
  },
];
