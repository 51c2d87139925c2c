import type { ErrorLike } from '@apollo/client';
import { skipToken, useQuery } from '@apollo/client/react';
import type { TopUpQuoteFieldsFragment as TopUpQuote } from '../../../gql/graphql.js';
import { compareMoney } from '../../../utils/money.js';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue.js';
import { graphql } from '../../../gql/index.js';

/** How long the amount must stay unchanged before it is quoted, in milliseconds. @default 350 */
export const QUOTE_DEBOUNCE_MS = 350;

/** The checkout summary of a top-up: amount, tax with its label and rate, total, and the currency's minimum. */
/** The price of a top-up before paying: amount, tax and total, and the smallest top-up. */
export const TOP_UP_QUOTE_FIELDS = graphql(`
  fragment TopUpQuoteFields on TopUpQuote {
    walletId
    currency
    amount
    tax
    taxRate
    taxTreatment
    taxLabel
    total
    minimum
  }
`);

export const QUOTE_TOP_UP_QUERY = graphql(`
  query QuoteTopUp($walletId: ID!, $amount: Money!) {
    quoteTopUp(walletId: $walletId, amount: $amount) {
      ...TopUpQuoteFields
    }
  }
`);

/** What {@link useTopUpQuote} returns. */
export interface TopUpQuoteState {
  /** The quote of exactly the amount given, or null while it is on its way (or failed). */
  quote: TopUpQuote | null;
  /** True from a change of the amount until its quote (or error) is in. */
  loading: boolean;
  /** Why the amount given could not be quoted (BAD_USER_INPUT: the server's words), or null. */
  error: ErrorLike | null;
  /** The currency's minimum from the latest quote of this wallet, or null before the first. */
  minimum: string | null;
  /** Asks again for the current amount's quote (after a failure). */
  refetch: () => void;
}

/**
 * Quotes `amount` for the wallet, debounced by {@link QUOTE_DEBOUNCE_MS}; null (an amount the
 * form refuses) quotes nothing. A quote or error of an earlier amount is never returned as the
 * current one.
 */
export function useTopUpQuote(walletId: string, amount: string | null): TopUpQuoteState {
  const settledAmount = useDebouncedValue(amount, QUOTE_DEBOUNCE_MS);
  const { data, previousData, loading, error, refetch } = useQuery(
    QUOTE_TOP_UP_QUERY,
    settledAmount === null ? skipToken : { variables: { walletId, amount: settledAmount } },
  );
  const settled = amount !== null && settledAmount === amount;
  const current = data?.quoteTopUp;
  const quote = settled && !loading && current !== undefined && compareMoney(current.amount, amount) === 0 ? current : null;
  const minimum = (data ?? previousData)?.quoteTopUp.minimum ?? null;
  return {
    quote,
    loading: amount !== null && (!settled || loading),
    error: settled && !loading ? (error ?? null) : null,
    minimum,
    refetch: () => {
      refetch().catch(() => undefined);
    },
  };
}
