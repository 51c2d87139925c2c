import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql/index.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { formatDateTime } from '../../utils/date-time';
import { supportAccountPath } from './support-paths';

/** Accounts per page of the search (the server allows up to accountsPageSizeMax, default 50). */
export const ACCOUNT_SEARCH_PAGE_SIZE = 20;

/** Longest search the server takes (accountSearchLengthMax): the field stops there. */
const SEARCH_LENGTH_MAX = 254;

/** Accounts whose name or user e-mail contains the text, or whose id it is; newest first. */
export const SUPPORT_ACCOUNT_SEARCH_QUERY = graphql(`
  query SupportAccountSearch($search: String, $first: Int, $after: String) {
    accounts(search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          createdAt
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Props of {@link AccountSearchPage}. */
export interface AccountSearchPageProps {
  navigate: (path: string) => void;
}

/** Finds an account by name, id or user e-mail (the text is kept in the address, `?q=…`), and opens its page. */
export function AccountSearchPage({ navigate }: AccountSearchPageProps) {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const search = useDebouncedValue(text.trim(), 300);
  const inputId = useId();
  const { data, previousData, loading, error, fetchMore } = useQuery(SUPPORT_ACCOUNT_SEARCH_QUERY, {
    variables: { search: search === '' ? null : search, first: ACCOUNT_SEARCH_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const shown = data ?? previousData;
  const [loadingMore, setLoadingMore] = useState(false);

  return (
    <section className="card" aria-label="Account search">
      <div className="section-header">
        <h2>Accounts</h2>
      </div>
      <form
        className="filters"
        aria-label="Account search"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <div className="field--inline support-search">
          <label htmlFor={inputId}>Name, account id or user e-mail</label>
          <input
            id={inputId}
            type="search"
            value={text}
            maxLength={SEARCH_LENGTH_MAX}
            autoComplete="off"
            onChange={(event) => {
              setText(event.target.value);
              const next = new URLSearchParams(params);
              if (event.target.value.trim() === '') next.delete('q');
              else next.set('q', event.target.value);
              setParams(next, { replace: true });
            }}
          />
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {!shown && loading && <p className="placeholder">Searching…</p>}
      {shown && shown.accounts.edges.length === 0 && (
        <p className="placeholder">{search === '' ? 'There are no accounts yet.' : `No account matches “${search}”.`}</p>
      )}
      {shown && shown.accounts.edges.length > 0 && (
        <ul className="support-results" aria-label="Accounts found" aria-busy={loading}>
          {shown.accounts.edges.map(({ node }) => (
            <li key={node.id} className="support-results__item">
              <a
                href={supportAccountPath(node.id)}
                onClick={(event) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  navigate(supportAccountPath(node.id));
                }}
              >
                {node.name}
              </a>
              <span className="muted">
                <code>{node.id}</code> · opened {formatDateTime(node.createdAt)}
                {node.status === 'CLOSED' ? ' · closed' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown?.accounts.pageInfo.hasNextPage && (
        <div className="pager">
          <button
            type="button"
            className="button"
            disabled={loadingMore}
            onClick={async () => {
              setLoadingMore(true);
              try {
                await fetchMore({
                  variables: { after: shown.accounts.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    accounts: {
                      ...fetchMoreResult.accounts,
                      edges: [...previous.accounts.edges, ...fetchMoreResult.accounts.edges],
                    },
                  }),
                });
              } finally {
                setLoadingMore(false);
              }
            }}
          >
            {loadingMore ? 'Loading…' : 'More accounts'}
          </button>
        </div>
      )}
    </section>
  );
}
