// Goal: the support console's GraphQL documents fit the contract (schema/schema.graphql) and its screens render their loading states without data; the feed subscribes with the variable the resumable socket resumes by. Method: every document validated with graphql-js against the committed schema; the pages rendered to static HTML under MockedProvider with no responses.
import { MockedProvider } from '@apollo/client/testing/react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RESUME_FIELDS } from '../../../client/src/apollo/resumable-subscriptions.js';
import { AccountSearchPage, SUPPORT_ACCOUNT_SEARCH_QUERY } from '../../../client/src/routes/support/AccountSearchPage';
import { AlertFeedPage } from '../../../client/src/routes/support/AlertFeedPage';
import { SUPPORT_ALERT_FEED_QUERY, SUPPORT_ALERT_RAISED_SUBSCRIPTION } from '../../../client/src/routes/support/hooks/useAlertFeed';
import { SUPPORT_ACCOUNT_QUERY } from '../../../client/src/routes/support/hooks/useSupportAccount';
import {
  SUPPORT_ADJUST_WALLET_MUTATION,
  SUPPORT_CANCEL_BANK_TRANSFER_MUTATION,
  SUPPORT_COMPLETE_BANK_TRANSFER_MUTATION,
  SUPPORT_GRANT_CREDIT_MUTATION,
  SUPPORT_RECORD_BANK_TRANSFER_MUTATION,
  SUPPORT_REFUND_UNUSED_CREDIT_MUTATION,
} from '../../../client/src/routes/support/hooks/useSupportActions';
import { SupportAccountPage } from '../../../client/src/routes/support/SupportAccountPage';
import { ACKNOWLEDGE_ALERTS_MUTATION } from '../../../client/src/routes/support/support-documents';
import { compact, validationErrors } from './transactions-documents';

const render = (element: ReactElement, path = '/') =>
  renderToStaticMarkup(
    <MockedProvider mocks={[]}>
      <MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>
    </MockedProvider>,
  );

describe('support console documents', () => {
  const documents = {
    SUPPORT_ALERT_FEED_QUERY,
    SUPPORT_ALERT_RAISED_SUBSCRIPTION,
    ACKNOWLEDGE_ALERTS_MUTATION,
    SUPPORT_ACCOUNT_SEARCH_QUERY,
    SUPPORT_ACCOUNT_QUERY,
    SUPPORT_GRANT_CREDIT_MUTATION,
    SUPPORT_ADJUST_WALLET_MUTATION,
    SUPPORT_REFUND_UNUSED_CREDIT_MUTATION,
    SUPPORT_RECORD_BANK_TRANSFER_MUTATION,
    SUPPORT_COMPLETE_BANK_TRANSFER_MUTATION,
    SUPPORT_CANCEL_BANK_TRANSFER_MUTATION,
  };
  for (const [name, document] of Object.entries(documents)) {
    it(`${name} is valid against the schema`, () => {
      expect(validationErrors(document)).toEqual([]);
    });
  }

  it('subscribes to alertRaised with $afterPosition and selects position, so a lost socket resumes the feed', () => {
    expect(RESUME_FIELDS.afterPosition).toBe('position');
    expect(compact(SUPPORT_ALERT_RAISED_SUBSCRIPTION)).toContain(
      'alertRaised(accountId: $accountId, kinds: $kinds, afterPosition: $afterPosition)',
    );
    expect(compact(SUPPORT_ALERT_RAISED_SUBSCRIPTION)).toContain('position');
  });

  it('names who did each transaction and who acknowledged each alert', () => {
    expect(compact(SUPPORT_ACCOUNT_QUERY)).toMatch(/actor \{ \.\.\.SupportActorFields \}/);
    expect(compact(SUPPORT_ALERT_FEED_QUERY)).toMatch(/acknowledger \{ \.\.\.SupportActorFields \}/);
  });
});

describe('support console screens before their data', () => {
  it('show their loading states', () => {
    expect(render(<AlertFeedPage navigate={() => undefined} />, '/support/alerts')).toContain('Loading alerts…');
    expect(render(<AccountSearchPage navigate={() => undefined} />, '/support/accounts')).toContain('Searching…');
    expect(render(<SupportAccountPage accountId="8e89d0bb-e86a-48fc-a742-3a5b7a40340d" navigate={() => undefined} />)).toContain(
      'Loading account…',
    );
  });

  it('read the feed filters from the address', () => {
    const html = render(<AlertFeedPage navigate={() => undefined} />, '/support/alerts?kind=LOW_BALANCE&severity=WARNING&account=nope');
    expect(html).toMatch(/<option value="LOW_BALANCE" selected="">Low balance<\/option>/);
    expect(html).toMatch(/<option value="WARNING" selected="">Warning<\/option>/);
    // An account filter that is not an id is shown for correction, never sent.
    expect(html).toContain('An account id looks like 8-4-4-4-12 hexadecimal digits.');
  });
});
