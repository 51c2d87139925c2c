// Goal: the Numbers, Messages and Plan pages open in their loading states for every account role, tell a role what it may not do instead of offering it, and ask the server only what the schema allows. Method: each page under MockedProvider rendered to static HTML (react-dom/server), the documents validated with graphql-js against schema/schema.graphql.
import { MockedProvider } from '@apollo/client/testing/react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../client/src/gql/graphql.js';
import { MESSAGE_CAMPAIGNS_QUERY } from '../../../client/src/routes/messages/hooks/useMessageCampaigns';
import { ESTIMATE_MESSAGE_QUERY } from '../../../client/src/routes/messages/hooks/useMessageEstimate';
import { MESSAGES_QUERY } from '../../../client/src/routes/messages/hooks/useMessages';
import { SMS_RATE_PLANS_QUERY } from '../../../client/src/routes/messages/hooks/useSmsRatePlans';
import { MessagesPage } from '../../../client/src/routes/messages/MessagesPage';
import { AVAILABLE_PHONE_NUMBERS_QUERY } from '../../../client/src/routes/numbers/hooks/useAvailableNumbers';
import { NUMBER_RATE_PLANS_QUERY } from '../../../client/src/routes/numbers/hooks/useNumberRatePlans';
import { PHONE_NUMBERS_QUERY } from '../../../client/src/routes/numbers/hooks/usePhoneNumbers';
import { PURCHASE_NUMBER_MUTATION } from '../../../client/src/routes/numbers/hooks/usePurchaseNumberMutation';
import { REFUND_NUMBER_MUTATION } from '../../../client/src/routes/numbers/hooks/useRefundNumberMutation';
import { RELEASE_NUMBER_MUTATION } from '../../../client/src/routes/numbers/hooks/useReleaseNumberMutation';
import { NumbersPage } from '../../../client/src/routes/numbers/NumbersPage';
import { CANCEL_PLAN_SUBSCRIPTION_MUTATION } from '../../../client/src/routes/plan/hooks/useCancelPlanSubscriptionMutation';
import { WALLET_PLAN_QUERY } from '../../../client/src/routes/plan/hooks/usePlanSubscription';
import { SUBSCRIBE_TO_PLAN_MUTATION } from '../../../client/src/routes/plan/hooks/useSubscribeToPlanMutation';
import { PlanPage } from '../../../client/src/routes/plan/PlanPage';
import type { AccountPageProps } from '../../../client/src/routes/account/account-page-props';
import { validationErrors } from './transactions-documents';
import { WALLET } from './transactions-fixtures';

type Page = (props: AccountPageProps) => ReactElement;

const render = (Page: Page, role: Role) =>
  renderToStaticMarkup(
    <MockedProvider mocks={[]}>
      <Page account={{ id: 'a1', name: 'Acme' }} wallet={WALLET} role={role} resumePoints={new Map()} navigate={() => undefined} />
    </MockedProvider>,
  );

describe('NumbersPage', () => {
  it('shows an OWNER the search and the list, both loading, and no notice', () => {
    const html = render(NumbersPage, 'OWNER');
    expect(html).toContain('>Buy a number</h2>');
    expect(html).toContain('Loading the price lists…');
    expect(html).toContain('Loading numbers…');
    expect(html).not.toContain('As a');
  });

  it('tells an integrator that refunds are for the owner', () => {
    const html = render(NumbersPage, 'INTEGRATOR');
    expect(html).toContain('>Buy a number</h2>');
    expect(html).toContain('As an integrator, you may buy and release numbers; refunds are for the account’s owner.');
  });

  it('shows a campaign manager the list only, and why', () => {
    const html = render(NumbersPage, 'CAMPAIGN_MANAGER');
    expect(html).not.toContain('>Buy a number</h2>');
    expect(html).toContain('As a campaign manager, you may see the account’s numbers but not buy, release or refund them');
    expect(html).toContain('Loading numbers…');
  });
});

describe('MessagesPage', () => {
  it('shows the history and the estimator loading; only non-senders get a notice', () => {
    const owner = render(MessagesPage, 'OWNER');
    expect(owner).toContain('>Message history</h2>');
    expect(owner).toContain('>Price estimator</h2>');
    expect(owner).toContain('Loading messages…');
    expect(owner).not.toContain('but not send messages');
    expect(render(MessagesPage, 'INTEGRATOR')).not.toContain('but not send messages');
    expect(render(MessagesPage, 'CAMPAIGN_MANAGER')).toContain(
      'As a campaign manager, you may read the history and price a message, but not send messages',
    );
  });
});

describe('PlanPage', () => {
  it('is loading before the plan arrives, for every role', () => {
    for (const role of ['OWNER', 'INTEGRATOR', 'CAMPAIGN_MANAGER'] as const) expect(render(PlanPage, role)).toContain('Loading the plan…');
  });
});

describe('documents', () => {
  it('ask the server as the contract says', () => {
    for (const document of [
      PHONE_NUMBERS_QUERY,
      NUMBER_RATE_PLANS_QUERY,
      AVAILABLE_PHONE_NUMBERS_QUERY,
      PURCHASE_NUMBER_MUTATION,
      RELEASE_NUMBER_MUTATION,
      REFUND_NUMBER_MUTATION,
      MESSAGES_QUERY,
      MESSAGE_CAMPAIGNS_QUERY,
      SMS_RATE_PLANS_QUERY,
      ESTIMATE_MESSAGE_QUERY,
      WALLET_PLAN_QUERY,
      SUBSCRIBE_TO_PLAN_MUTATION,
      CANCEL_PLAN_SUBSCRIPTION_MUTATION,
    ]) {
      expect(validationErrors(document)).toEqual([]);
    }
  });
});
