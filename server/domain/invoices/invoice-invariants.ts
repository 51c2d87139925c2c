/**
 * Invariants of invoices and credit notes, checked with the ledger's by verifyLedger: every
 * document's figures are the money that moved, and every series is numbered 1..n without a gap.
 */
export const INVOICE_LEDGER_INVARIANTS: readonly { invariant: string; sql: string }[] = [
  {
    invariant: "each top-up's invoice states its credit, tax and total as charged, and its TOP_UP transaction",
    sql: `select i.id, i.net_micros, u.amount_micros, i.tax_micros, u.tax_micros, i.total_micros, u.total_micros from invoice i
            join top_up u on u.id = i.top_up_id
           where i.kind = 'INVOICE' and (u.status <> 'SUCCEEDED' or i.net_micros <> u.amount_micros or i.tax_micros <> u.tax_micros
                 or i.total_micros <> u.total_micros or i.wallet_transaction_id is distinct from u.wallet_transaction_id
                 or i.wallet_id <> u.wallet_id or i.account_id <> u.account_id)`,
  },
  {
    invariant: "each bank transfer's invoice states the amount credited, for a COMPLETED transfer",
    sql: `select i.id, i.net_micros, b.amount_micros, b.status from invoice i join bank_transfer b on b.id = i.bank_transfer_id
           where b.status <> 'COMPLETED' or i.net_micros <> b.amount_micros or i.wallet_transaction_id is distinct from b.wallet_transaction_id`,
  },
  {
    invariant:
      "each credit note states a SUCCEEDED refund's credit taken back and the amount returned to the card, and credits that top-up's invoice",
    sql: `select i.id, i.net_micros, r.amount_micros, i.total_micros, r.card_amount_micros, r.status from invoice i
            join top_up_refund r on r.id = i.refund_id
            join invoice c on c.id = i.credited_invoice_id
           where i.kind = 'CREDIT_NOTE' and (r.status <> 'SUCCEEDED' or i.net_micros <> r.amount_micros
                 or i.total_micros <> r.card_amount_micros or c.top_up_id is distinct from r.top_up_id or c.kind <> 'INVOICE')`,
  },
  {
    invariant: "each issuer's series of each kind is numbered exactly 1..n, n being the series' last number",
    sql: `select s.issuer_code, s.kind, s.last_number, count(i.id) as documents, min(i.sequence_number) as lowest, max(i.sequence_number) as highest
            from invoice_series s left join invoice i on i.issuer_code = s.issuer_code and i.kind = s.kind
           group by s.issuer_code, s.kind, s.last_number
          having count(i.id) <> s.last_number or min(i.sequence_number) <> 1 or max(i.sequence_number) <> s.last_number
           union all
          select i.issuer_code, i.kind, null, count(*), null, null from invoice i
            left join invoice_series s on s.issuer_code = i.issuer_code and s.kind = i.kind
           where s.kind is null group by i.issuer_code, i.kind`,
  },
];
