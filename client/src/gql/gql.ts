/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Boot {\n    me {\n      ...DashboardPrincipalFields\n      apiKeyId\n      user {\n        id\n        accountId\n        email\n        name\n        role\n      }\n    }\n  }\n": typeof types.BootDocument,
    "\n  fragment WalletSummaryFields on Wallet {\n    id\n    currency\n    balance\n    available\n    reserved\n    sequence\n  }\n": typeof types.WalletSummaryFieldsFragmentDoc,
    "\n  fragment TransactionRowFields on Transaction {\n    id\n    sequence\n    type\n    kind\n    amount\n    balanceBefore\n    balanceAfter\n    description\n    status\n    paymentIntentId\n    createdAt\n    campaignId\n  }\n": typeof types.TransactionRowFieldsFragmentDoc,
    "\n  query AuditLog($accountId: ID, $first: Int, $after: String) {\n    auditLog(accountId: $accountId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          targetType\n          targetId\n          clientIp\n          before\n          after\n          createdAt\n          actor {\n            kind\n            id\n            name\n            email\n            role\n            staff\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  subscription BalanceChanged($walletId: ID!) {\n    balanceChanged(walletId: $walletId) {\n      ...WalletSummaryFields\n    }\n  }\n": typeof types.BalanceChangedDocument,
    "\n  subscription TransactionAdded($walletId: ID!, $afterSequence: String) {\n    transactionAdded(walletId: $walletId, afterSequence: $afterSequence) {\n      ...TransactionRowFields\n    }\n  }\n": typeof types.TransactionAddedDocument,
    "\n  fragment SandboxTestCardFields on SandboxTestCard {\n    id\n    label\n    brand\n    last4\n    behaviour\n  }\n": typeof types.SandboxTestCardFieldsFragmentDoc,
    "\n  fragment PaymentsConfigFields on PaymentsConfig {\n    mode\n    publishableKey\n    sandboxUrl\n    testCards {\n      ...SandboxTestCardFields\n    }\n  }\n": typeof types.PaymentsConfigFieldsFragmentDoc,
    "\n  query PaymentsConfig {\n    paymentsConfig {\n      ...PaymentsConfigFields\n    }\n  }\n": typeof types.PaymentsConfigDocument,
    "\n  fragment SavedCardFields on PaymentMethod {\n    id\n    brand\n    last4\n    expMonth\n    expYear\n    isDefault\n  }\n": typeof types.SavedCardFieldsFragmentDoc,
    "\n  query PaymentMethods {\n    paymentMethods {\n      ...SavedCardFields\n    }\n  }\n": typeof types.PaymentMethodsDocument,
    "\n  subscription SelectedWalletUpdated($walletId: ID!) {\n    walletUpdated(walletId: $walletId) {\n      ...WalletSummaryFields\n    }\n  }\n": typeof types.SelectedWalletUpdatedDocument,
    "\n  fragment TopUpHistoryFields on TopUp {\n    id\n    walletId\n    origin\n    status\n    currency\n    amount\n    tax\n    total\n    paymentIntentId\n    cardBrand\n    cardLast4\n    receiptNumber\n    failureReason\n    createdAt\n    updatedAt\n    receipt {\n      ...ReceiptFields\n    }\n  }\n": typeof types.TopUpHistoryFieldsFragmentDoc,
    "\n  query WalletTopUps($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      topUps(first: $first) {\n        ...TopUpHistoryFields\n      }\n    }\n  }\n": typeof types.WalletTopUpsDocument,
    "\n  query WalletBankTransfers($walletId: ID!, $first: Int) {\n    wallet(id: $walletId) {\n      id\n      currency\n      bankTransfers(first: $first) {\n        id\n        amount\n        reference\n        status\n        expectedBy\n        createdAt\n        settledAt\n      }\n    }\n  }\n": typeof types.WalletBankTransfersDocument,
    "\n  fragment BillingProfileFields on BillingProfile {\n    accountId\n    legalName\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    country\n    state\n    vatNumber\n    email\n  }\n": typeof types.BillingProfileFieldsFragmentDoc,
    "\n  query BillingProfile($accountId: ID) {\n    billingProfile(accountId: $accountId) {\n      ...BillingProfileFields\n    }\n    euCountries {\n      code\n      name\n    }\n  }\n": typeof types.BillingProfileDocument,
    "\n  mutation CancelRefundRequest($id: ID!) {\n    cancelRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n      }\n    }\n  }\n": typeof types.CancelRefundRequestDocument,
    "\n  mutation RecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      bankTransfer {\n        id\n        amount\n        reference\n        status\n        expectedBy\n      }\n    }\n  }\n": typeof types.RecordBankTransferDocument,
    "\n  query WalletRefundRequests($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      currency\n      balance\n      refundable\n    }\n    refundRequests(walletId: $walletId, first: $first) {\n      id\n      amount\n      currency\n      reason\n      status\n      declineReason\n      failureReason\n      failedAmount\n      failedAt\n      createdAt\n      decidedAt\n    }\n  }\n": typeof types.WalletRefundRequestsDocument,
    "\n  mutation RequestRefund($input: RequestRefundInput!) {\n    requestRefund(input: $input) {\n      refundRequest {\n        id\n        amount\n        status\n      }\n    }\n  }\n": typeof types.RequestRefundDocument,
    "\n  query TaxPreview($amount: Money!, $country: String, $state: String, $vatNumber: String) {\n    taxPreview(amount: $amount, country: $country, state: $state, vatNumber: $vatNumber) {\n      amount\n      tax\n      total\n      taxRate\n      taxTreatment\n      taxLabel\n      vatNumber\n      vatNumberAccepted\n    }\n  }\n": typeof types.TaxPreviewDocument,
    "\n  mutation UpdateBillingProfile($input: UpdateBillingProfileInput!) {\n    updateBillingProfile(input: $input) {\n      billingProfile {\n        ...BillingProfileFields\n      }\n    }\n  }\n": typeof types.UpdateBillingProfileDocument,
    "\n  fragment CallFields on Call {\n    id\n    to\n    status\n    endReason\n    startedAt\n    endedAt\n    billedSeconds\n    cost\n    perMinute\n    version\n  }\n": typeof types.CallFieldsFragmentDoc,
    "\n  subscription CallUpdated($campaignId: ID!) {\n    callUpdated(campaignId: $campaignId) {\n      ...CallFields\n    }\n  }\n": typeof types.CallUpdatedDocument,
    "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n": typeof types.CreateCampaignDocument,
    "\n  fragment SpendPointFields on SpendPoint {\n    minute\n    spent\n  }\n": typeof types.SpendPointFieldsFragmentDoc,
    "\n  query CampaignDetail($id: ID!, $minutes: Int!, $endedFirst: Int!) {\n    campaign(id: $id) {\n      ...CampaignFields\n      spendByMinute(minutes: $minutes) {\n        ...SpendPointFields\n      }\n    }\n    stopped: calls(campaignId: $id, status: STOPPED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n    completed: calls(campaignId: $id, status: COMPLETED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n    refused: calls(campaignId: $id, status: REFUSED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n  }\n": typeof types.CampaignDetailDocument,
    "\n  fragment CampaignEstimateFields on CampaignCostEstimate {\n    currency\n    rate {\n      ...CallRateFields\n    }\n    billedSecondsPerCall\n    costPerCall\n    total\n    available\n    budget\n    shortfall\n    coveredCalls\n    limitedBy\n  }\n": typeof types.CampaignEstimateFieldsFragmentDoc,
    "\n  query EstimateCampaignCost($input: EstimateCampaignCostInput!) {\n    estimateCampaignCost(input: $input) {\n      ...CampaignEstimateFields\n    }\n  }\n": typeof types.EstimateCampaignCostDocument,
    "\n  query Campaigns($first: Int!, $after: String) {\n    campaigns(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...CampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n": typeof types.PauseCampaignDocument,
    "\n  fragment CallRateFields on Rate {\n    prefix\n    perMinute\n    firstIncrementSeconds\n    nextIncrementSeconds\n    connectFee\n  }\n": typeof types.CallRateFieldsFragmentDoc,
    "\n  fragment RatePlanOptionFields on RatePlan {\n    id\n    name\n    currency\n    rates {\n      ...CallRateFields\n    }\n  }\n": typeof types.RatePlanOptionFieldsFragmentDoc,
    "\n  query CampaignRatePlans {\n    ratePlans {\n      ...RatePlanOptionFields\n    }\n  }\n": typeof types.CampaignRatePlansDocument,
    "\n  mutation StartCampaign($id: ID!) {\n    startCampaign(id: $id) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n": typeof types.StartCampaignDocument,
    "\n  mutation UpdateCampaign($input: UpdateCampaignInput!) {\n    updateCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n": typeof types.UpdateCampaignDocument,
    "\n  fragment CampaignFields on Campaign {\n    id\n    walletId\n    ratePlanId\n    name\n    status\n    budget\n    spent\n    committed\n    activeCalls\n    spendPerMinute\n    projection {\n      ratePerMinute\n      walletRatePerMinute\n      budgetReachedInSeconds\n      walletRunsDryInSeconds\n      spendCapReachedInSeconds\n      spendCap {\n        period\n        scope\n      }\n      endsBy\n      endsInSeconds\n      windowSeconds\n    }\n    simulate\n    version\n    createdAt\n  }\n": typeof types.CampaignFieldsFragmentDoc,
    "\n  subscription CampaignUpdated($campaignId: ID!) {\n    campaignUpdated(campaignId: $campaignId) {\n      ...CampaignFields\n    }\n  }\n": typeof types.CampaignUpdatedDocument,
    "\n  fragment InvoiceListFields on Invoice {\n    id\n    number\n    kind\n    issuedAt\n    net\n    tax\n    total\n    currency\n    taxLabel\n    reverseCharge\n    creditedInvoiceNumber\n    pdfUrl\n  }\n": typeof types.InvoiceListFieldsFragmentDoc,
    "\n  query Invoices($first: Int, $after: String) {\n    invoices(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...InvoiceListFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.InvoicesDocument,
    "\n  query WalletStatement($walletId: ID!, $month: String) {\n    statement(walletId: $walletId, month: $month) {\n      walletId\n      month\n      currency\n      timeZone\n      openingBalance\n      credits {\n        kind\n        amount\n        transactions\n      }\n      debits {\n        kind\n        amount\n        transactions\n      }\n      totalCredits\n      totalDebits\n      closingBalance\n      pdfUrl\n      csvUrl\n    }\n  }\n": typeof types.WalletStatementDocument,
    "\n  query MessageCampaigns($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          id\n          name\n          walletId\n        }\n      }\n    }\n  }\n": typeof types.MessageCampaignsDocument,
    "\n  query EstimateMessage($input: EstimateMessageInput!) {\n    estimateMessage(input: $input) {\n      currency\n      encoding\n      characters\n      units\n      segments\n      recipients {\n        to\n        prefix\n        perSegment\n        price\n      }\n      total\n    }\n  }\n": typeof types.EstimateMessageDocument,
    "\n  query Messages($walletId: ID!, $campaignId: ID, $status: MessageStatus, $first: Int!, $after: String) {\n    messages(walletId: $walletId, campaignId: $campaignId, status: $status, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          campaignId\n          direction\n          from\n          to\n          segments\n          encoding\n          price\n          hold\n          status\n          createdAt\n          finalizedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MessagesDocument,
    "\n  query SmsRatePlans {\n    ratePlans {\n      id\n      name\n      currency\n      rates {\n        prefix\n        smsPerSegment\n      }\n    }\n  }\n": typeof types.SmsRatePlansDocument,
    "\n  query NotificationPreferences {\n    me {\n      user {\n        id\n        email\n        notificationPreferences {\n          kind\n          email\n        }\n      }\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) {\n      preference {\n        kind\n        email\n      }\n      preferences {\n        kind\n        email\n      }\n    }\n  }\n": typeof types.SetNotificationPreferenceDocument,
    "\n  query UsageReport($accountId: ID!, $period: UsagePeriod!, $from: DateTime) {\n    usageReport(accountId: $accountId, period: $period, from: $from) {\n      accountId\n      period\n      label\n      timeZone\n      wallets {\n        walletId\n        currency\n        opening\n        closing\n        spent\n        other\n        byKind {\n          key\n          label\n          transactions\n          amount\n        }\n        byCampaign {\n          key\n          label\n          amount\n        }\n        byCountry {\n          key\n          label\n          amount\n        }\n      }\n    }\n  }\n": typeof types.UsageReportDocument,
    "\n  query AvailablePhoneNumbers($walletId: ID!, $ratePlanId: ID!, $startsWith: String, $first: Int) {\n    availablePhoneNumbers(walletId: $walletId, ratePlanId: $ratePlanId, startsWith: $startsWith, first: $first) {\n      number\n      ratePrefix\n      currency\n      purchasePrice\n      monthlyPrice\n      firstCharge\n      firstRenewalAt\n      refundableUntil\n    }\n  }\n": typeof types.AvailablePhoneNumbersDocument,
    "\n  query InboundCalls($walletId: ID!, $first: Int!) {\n    inboundCalls(walletId: $walletId, first: $first) {\n      edges {\n        node {\n          id\n          direction\n          from\n          to\n          status\n          endReason\n          startedAt\n          billedSeconds\n          cost\n        }\n      }\n    }\n  }\n": typeof types.InboundCallsDocument,
    "\n  query NumberRatePlans {\n    ratePlans {\n      id\n      name\n      currency\n      rates {\n        prefix\n        numberPurchase\n        numberMonthly\n      }\n    }\n  }\n": typeof types.NumberRatePlansDocument,
    "\n  fragment PhoneNumberRowFields on PhoneNumber {\n    id\n    number\n    status\n    purchasePrice\n    monthlyPrice\n    purchasedAt\n    renewsAt\n    graceUntil\n    owedAmount\n    owedSince\n    releasedAt\n    releaseReason\n    periodsPaid\n    refundable\n    refundableUntil\n  }\n": typeof types.PhoneNumberRowFieldsFragmentDoc,
    "\n  query PhoneNumbers($walletId: ID!, $first: Int!, $after: String) {\n    phoneNumbers(walletId: $walletId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...PhoneNumberRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PhoneNumbersDocument,
    "\n  mutation PurchaseNumber($input: PurchaseNumberInput!) {\n    purchaseNumber(input: $input) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n": typeof types.PurchaseNumberDocument,
    "\n  mutation RefundNumber($id: ID!) {\n    refundNumber(id: $id) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n": typeof types.RefundNumberDocument,
    "\n  mutation ReleaseNumber($id: ID!) {\n    releaseNumber(id: $id) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n": typeof types.ReleaseNumberDocument,
    "\n  fragment OverviewWalletFields on Wallet {\n    id\n    currency\n    balance\n    reserved\n    available\n    status\n    sequence\n    burn {\n      ratePerMinute\n      timeToEmptySeconds\n      limitedBy\n      limitReachedInSeconds\n      spendCap {\n        period\n        scope\n        reachedInSeconds\n        resetsAt\n      }\n      activeCalls\n      meteredPerMinute\n      windowUsage\n      windowSeconds\n      coveredSeconds\n      planFeesPerMinute\n    }\n    autoRecharge {\n      walletId\n      enabled\n      threshold\n      target\n      pausedReason\n    }\n    lowBalanceThresholds\n  }\n": typeof types.OverviewWalletFieldsFragmentDoc,
    "\n  subscription OverviewWalletUpdated($walletId: ID!) {\n    walletUpdated(walletId: $walletId) {\n      ...OverviewWalletFields\n    }\n  }\n": typeof types.OverviewWalletUpdatedDocument,
    "\n  fragment OverviewCampaignFields on Campaign {\n    id\n    walletId\n    name\n    status\n    activeCalls\n    version\n  }\n": typeof types.OverviewCampaignFieldsFragmentDoc,
    "\n  query OverviewCampaigns($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          ...OverviewCampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.OverviewCampaignsDocument,
    "\n  subscription OverviewCampaignUpdated($campaignId: ID!) {\n    campaignUpdated(campaignId: $campaignId) {\n      ...OverviewCampaignFields\n    }\n  }\n": typeof types.OverviewCampaignUpdatedDocument,
    "\n  query RecentTransactions($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      sequence\n      transactions(first: $first) {\n        edges {\n          node {\n            ...TransactionRowFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.RecentTransactionsDocument,
    "\n  fragment OverviewAlertFields on Alert {\n    id\n    sequence: position\n    kind\n    severity\n    walletId\n    campaignId\n    message\n    raisedAt\n    acknowledgedAt\n  }\n": typeof types.OverviewAlertFieldsFragmentDoc,
    "\n  query OverviewAlerts($first: Int!) {\n    unacknowledged: alerts(acknowledged: false, first: $first) {\n      edges {\n        node {\n          ...OverviewAlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n      acknowledgedThrough\n    }\n    newest: alerts(first: 1) {\n      edges {\n        node {\n          id\n          sequence: position\n        }\n      }\n    }\n  }\n": typeof types.OverviewAlertsDocument,
    "\n  subscription OverviewAlertRaised($afterSequence: String) {\n    alertRaised(afterPosition: $afterSequence) {\n      ...OverviewAlertFields\n    }\n  }\n": typeof types.OverviewAlertRaisedDocument,
    "\n  subscription OverviewAlertAcknowledged($afterAcknowledgementPosition: String) {\n    alertAcknowledged(afterAcknowledgementPosition: $afterAcknowledgementPosition) {\n      id\n      acknowledgementPosition\n    }\n  }\n": typeof types.OverviewAlertAcknowledgedDocument,
    "\n  mutation OverviewAcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      alert {\n        ...OverviewAlertFields\n      }\n    }\n  }\n": typeof types.OverviewAcknowledgeAlertDocument,
    "\n  mutation CancelPlanSubscription($id: ID!) {\n    cancelPlanSubscription(id: $id) {\n      subscription {\n        ...PlanSubscriptionFields\n      }\n    }\n  }\n": typeof types.CancelPlanSubscriptionDocument,
    "\n  fragment SubscriptionPlanFields on SubscriptionPlan {\n    id\n    name\n    currency\n    monthlyFee\n    includedMinutes\n    overagePerMinute\n  }\n": typeof types.SubscriptionPlanFieldsFragmentDoc,
    "\n  fragment PlanSubscriptionFields on PlanSubscription {\n    id\n    walletId\n    status\n    periodStart\n    periodEnd\n    allowanceSeconds\n    usedSeconds\n    reservedSeconds\n    remainingSeconds\n    endedAt\n    overageThisPeriod {\n      seconds\n      cost\n    }\n    plan {\n      ...SubscriptionPlanFields\n    }\n  }\n": typeof types.PlanSubscriptionFieldsFragmentDoc,
    "\n  query WalletPlan($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      planSubscription {\n        ...PlanSubscriptionFields\n      }\n    }\n    subscriptionPlans {\n      ...SubscriptionPlanFields\n    }\n  }\n": typeof types.WalletPlanDocument,
    "\n  mutation SubscribeToPlan($input: SubscribeToPlanInput!) {\n    subscribeToPlan(input: $input) {\n      subscription {\n        ...PlanSubscriptionFields\n      }\n    }\n  }\n": typeof types.SubscribeToPlanDocument,
    "\n  fragment SenderIdRowFields on SenderId {\n    id\n    sender\n    status\n    monthlyFee\n    decisionReason\n    decidedAt\n    periodsPaid\n    renewsAt\n    graceUntil\n    cancelReason\n    createdAt\n  }\n": typeof types.SenderIdRowFieldsFragmentDoc,
    "\n  query SenderIds($first: Int!) {\n    senderIds(first: $first) {\n      edges {\n        node {\n          ...SenderIdRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.SenderIdsDocument,
    "\n  mutation RegisterSenderId($input: RegisterSenderIdInput!) {\n    registerSenderId(input: $input) {\n      senderId {\n        ...SenderIdRowFields\n      }\n    }\n  }\n": typeof types.RegisterSenderIdDocument,
    "\n  mutation CancelSenderId($id: ID!) {\n    cancelSenderId(id: $id) {\n      senderId {\n        ...SenderIdRowFields\n      }\n    }\n  }\n": typeof types.CancelSenderIdDocument,
    "\n  fragment BalanceAlertThresholdsFields on Wallet {\n    id\n    lowBalanceThresholds\n  }\n": typeof types.BalanceAlertThresholdsFieldsFragmentDoc,
    "\n  mutation AddPaymentMethod($input: AddPaymentMethodInput!) {\n    addPaymentMethod(input: $input) {\n      status\n      setupIntentId\n      clientSecret\n      failureReason\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n": typeof types.AddPaymentMethodDocument,
    "\n  fragment ApiKeyRowFields on ApiKey {\n    id\n    name\n    role\n    prefix\n    createdAt\n    revokedAt\n  }\n": typeof types.ApiKeyRowFieldsFragmentDoc,
    "\n  query ApiKeys($accountId: ID!) {\n    account(id: $accountId) {\n      id\n      apiKeys {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  query CredentialInUse {\n    me {\n      apiKeyId\n    }\n  }\n": typeof types.CredentialInUseDocument,
    "\n  fragment AutoRechargeFields on AutoRecharge {\n    walletId\n    enabled\n    threshold\n    target\n    inFlightTopUpId\n    lastAttemptAt\n    consecutiveFailures\n    pausedAt\n    pausedReason\n    monthlyEnabled\n    monthlyDay\n    monthlyAmount\n  }\n": typeof types.AutoRechargeFieldsFragmentDoc,
    "\n  query WalletFunding($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      currency\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n": typeof types.WalletFundingDocument,
    "\n  query WalletBalanceAlerts($walletId: ID!) {\n    wallet(id: $walletId) {\n      ...BalanceAlertThresholdsFields\n    }\n  }\n": typeof types.WalletBalanceAlertsDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey\n      key {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RemovePaymentMethod($id: ID!) {\n    removePaymentMethod(id: $id) {\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n": typeof types.RemovePaymentMethodDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      key {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation SetAccountTimezone($timezone: String!) {\n    setAccountTimezone(timezone: $timezone) {\n      accountId\n      timezone\n    }\n  }\n": typeof types.SetAccountTimezoneDocument,
    "\n  mutation SetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n": typeof types.SetAutoRechargeDocument,
    "\n  mutation SetDefaultPaymentMethod($id: ID!) {\n    setDefaultPaymentMethod(id: $id) {\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n": typeof types.SetDefaultPaymentMethodDocument,
    "\n  mutation SetLowBalanceThresholds($input: SetLowBalanceThresholdsInput!) {\n    setLowBalanceThresholds(input: $input) {\n      thresholds\n      wallet {\n        ...BalanceAlertThresholdsFields\n      }\n    }\n  }\n": typeof types.SetLowBalanceThresholdsDocument,
    "\n  mutation SetMonthlyRecharge($input: SetMonthlyRechargeInput!) {\n    setMonthlyRecharge(input: $input) {\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n": typeof types.SetMonthlyRechargeDocument,
    "\n  mutation SetSpendCaps($input: SetSpendCapsInput!) {\n    setSpendCaps(input: $input) {\n      spendCap {\n        scope\n        walletId\n        currency\n      }\n    }\n  }\n": typeof types.SetSpendCapsDocument,
    "\n  fragment SpendCapPeriodFields on SpendCapPeriod {\n    cap\n    spent\n    startsOn\n    resetsAt\n  }\n": typeof types.SpendCapPeriodFieldsFragmentDoc,
    "\n  query SpendCaps {\n    spendCaps {\n      accountId\n      timezone\n      caps {\n        scope\n        walletId\n        currency\n        daily {\n          ...SpendCapPeriodFields\n        }\n        monthly {\n          ...SpendCapPeriodFields\n        }\n      }\n    }\n  }\n": typeof types.SpendCapsDocument,
    "\n  query SupportAccountSearch($search: String, $first: Int, $after: String) {\n    accounts(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          createdAt\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SupportAccountSearchDocument,
    "\n  query PendingSenderIds($first: Int!) {\n    pendingSenderIds(first: $first) {\n      accountName\n      senderId {\n        id\n        accountId\n        sender\n        status\n        createdAt\n      }\n    }\n  }\n": typeof types.PendingSenderIdsDocument,
    "\n  mutation ApproveSenderId($input: DecideSenderIdInput!) {\n    approveSenderId(input: $input) {\n      senderId {\n        id\n        status\n      }\n    }\n  }\n": typeof types.ApproveSenderIdDocument,
    "\n  mutation RejectSenderId($input: DecideSenderIdInput!) {\n    rejectSenderId(input: $input) {\n      senderId {\n        id\n        status\n      }\n    }\n  }\n": typeof types.RejectSenderIdDocument,
    "\n  query SupportAlertFeed($accountId: ID, $kinds: [AlertKind!], $first: Int!) {\n    unacknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: false, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n      acknowledgedThrough\n    }\n    acknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: true, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n    }\n  }\n": typeof types.SupportAlertFeedDocument,
    "\n  subscription SupportAlertRaised($accountId: ID, $kinds: [AlertKind!], $afterPosition: String) {\n    alertRaised(accountId: $accountId, kinds: $kinds, afterPosition: $afterPosition) {\n      ...SupportAlertFields\n    }\n  }\n": typeof types.SupportAlertRaisedDocument,
    "\n  subscription SupportAlertAcknowledged($accountId: ID, $kinds: [AlertKind!], $afterAcknowledgementPosition: String) {\n    alertAcknowledged(accountId: $accountId, kinds: $kinds, afterAcknowledgementPosition: $afterAcknowledgementPosition) {\n      ...SupportAlertFields\n      acknowledgementPosition\n    }\n  }\n": typeof types.SupportAlertAcknowledgedDocument,
    "\n  query SupportRefundRequests($statuses: [RefundRequestStatus!], $first: Int!) {\n    refundRequests(statuses: $statuses, first: $first) {\n      id\n      accountId\n      accountName\n      walletId\n      currency\n      amount\n      reason\n      status\n      declineReason\n      failureReason\n      failedAmount\n      failedAt\n      attempts\n      createdAt\n      decidedAt\n      requestedBy {\n        kind\n        id\n        name\n        email\n        role\n        staff\n      }\n      decidedBy {\n        kind\n        id\n        name\n        email\n        role\n        staff\n      }\n    }\n  }\n": typeof types.SupportRefundRequestsDocument,
    "\n  mutation SupportApproveRefundRequest($id: ID!) {\n    approveRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n        transactionId\n      }\n      wallet {\n        id\n        balance\n        refundable\n      }\n    }\n  }\n": typeof types.SupportApproveRefundRequestDocument,
    "\n  mutation SupportRetryRefundRequest($id: ID!) {\n    retryRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n        failureReason\n        failedAmount\n        attempts\n      }\n      wallet {\n        id\n        balance\n        refundable\n      }\n    }\n  }\n": typeof types.SupportRetryRefundRequestDocument,
    "\n  mutation SupportDeclineRefundRequest($input: DeclineRefundRequestInput!) {\n    declineRefundRequest(input: $input) {\n      refundRequest {\n        id\n        status\n        declineReason\n      }\n    }\n  }\n": typeof types.SupportDeclineRefundRequestDocument,
    "\n  query SupportAccount($accountId: ID!, $first: Int!) {\n    account(id: $accountId) {\n      id\n      name\n      createdAt\n      status\n      closedAt\n      wallets {\n        id\n        currency\n        balance\n        reserved\n        available\n        sequence\n        status\n        suspendedAt\n        refundable\n        transactions(first: $first) {\n          edges {\n            node {\n              id\n              sequence\n              type\n              kind\n              amount\n              balanceAfter\n              description\n              status\n              createdAt\n              actor {\n                ...SupportActorFields\n              }\n            }\n          }\n        }\n        bankTransfers(first: $first) {\n          id\n          amount\n          reference\n          status\n          expectedBy\n          createdAt\n          settledAt\n          recordedBy {\n            ...SupportActorFields\n          }\n          settledBy {\n            ...SupportActorFields\n          }\n        }\n      }\n    }\n    senderIds(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          id\n          walletId\n          sender\n          status\n          monthlyFee\n          decisionReason\n          renewsAt\n          graceUntil\n          cancelReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    campaigns(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          id\n          walletId\n          name\n          status\n          budget\n          spent\n          activeCalls\n          createdAt\n        }\n      }\n    }\n    alerts(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n    }\n  }\n": typeof types.SupportAccountDocument,
    "\n  mutation SupportGrantCredit($input: GrantCreditInput!) {\n    grantCredit(input: $input) {\n      transaction {\n        id\n        amount\n      }\n      wallet {\n        id\n        balance\n        available\n      }\n    }\n  }\n": typeof types.SupportGrantCreditDocument,
    "\n  mutation SupportAdjustWallet($input: AdjustWalletInput!) {\n    adjustWallet(input: $input) {\n      transaction {\n        id\n        amount\n        type\n      }\n      wallet {\n        id\n        balance\n        available\n      }\n    }\n  }\n": typeof types.SupportAdjustWalletDocument,
    "\n  mutation SupportRefundUnusedCredit($input: RefundUnusedCreditInput!) {\n    refundUnusedCredit(input: $input) {\n      transaction {\n        id\n        amount\n      }\n      wallet {\n        id\n        balance\n        available\n        refundable\n      }\n      refunds {\n        id\n        cardAmount\n        status\n      }\n    }\n  }\n": typeof types.SupportRefundUnusedCreditDocument,
    "\n  mutation SupportRecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      bankTransfer {\n        id\n        status\n      }\n    }\n  }\n": typeof types.SupportRecordBankTransferDocument,
    "\n  mutation SupportCompleteBankTransfer($id: ID!) {\n    completeBankTransfer(id: $id) {\n      bankTransfer {\n        id\n        status\n        settledAt\n      }\n    }\n  }\n": typeof types.SupportCompleteBankTransferDocument,
    "\n  mutation SupportCancelBankTransfer($id: ID!) {\n    cancelBankTransfer(id: $id) {\n      bankTransfer {\n        id\n        status\n        settledAt\n      }\n    }\n  }\n": typeof types.SupportCancelBankTransferDocument,
    "\n  fragment SupportAlertFields on Alert {\n    id\n    position\n    kind\n    severity\n    accountId\n    walletId\n    campaignId\n    message\n    raisedAt\n    acknowledgedAt\n    acknowledger {\n      ...SupportActorFields\n    }\n  }\n": typeof types.SupportAlertFieldsFragmentDoc,
    "\n  fragment SupportActorFields on Actor {\n    kind\n    id\n    role\n    name\n    email\n    staff\n  }\n": typeof types.SupportActorFieldsFragmentDoc,
    "\n  mutation SupportAcknowledgeAlerts($ids: [ID!]!) {\n    acknowledgeAlerts(ids: $ids) {\n      alerts {\n        ...SupportAlertFields\n      }\n    }\n  }\n": typeof types.SupportAcknowledgeAlertsDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      user {\n        ...TeamMemberFields\n      }\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      token\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  fragment TeamMemberFields on User {\n    id\n    name\n    email\n    role\n    createdAt\n  }\n": typeof types.TeamMemberFieldsFragmentDoc,
    "\n  fragment TeamInvitationFields on Invitation {\n    id\n    email\n    role\n    status\n    sentAt\n    sendCount\n    expiresAt\n  }\n": typeof types.TeamInvitationFieldsFragmentDoc,
    "\n  query Team($accountId: ID!) {\n    team(accountId: $accountId) {\n      accountId\n      members {\n        ...TeamMemberFields\n      }\n      invitations {\n        ...TeamInvitationFields\n      }\n    }\n    me {\n      user {\n        id\n      }\n    }\n  }\n": typeof types.TeamDocument,
    "\n  fragment CampaignOptionFields on Campaign {\n    id\n    name\n    walletId\n    status\n  }\n": typeof types.CampaignOptionFieldsFragmentDoc,
    "\n  query CampaignOptions($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          ...CampaignOptionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.CampaignOptionsDocument,
    "\n  fragment DashboardPrincipalFields on Principal {\n    role\n    accountId\n    user {\n      id\n      email\n      emailVerified\n    }\n    account {\n      id\n      name\n      wallets {\n        ...WalletSummaryFields\n        name\n      }\n    }\n  }\n": typeof types.DashboardPrincipalFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...DashboardPrincipalFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment TransactionDocumentFields on Transaction {\n    invoice {\n      id\n      kind\n      number\n      pdfUrl\n    }\n  }\n": typeof types.TransactionDocumentFieldsFragmentDoc,
    "\n  query WalletTransactions(\n    $walletId: ID!\n    $first: Int!\n    $after: String\n    $type: TransactionType\n    $kind: TransactionKind\n    $status: TransactionStatus\n    $from: DateTime\n    $to: DateTime\n    $campaignId: ID\n  ) {\n    wallet(id: $walletId) {\n      id\n      sequence\n      transactions(first: $first, after: $after, type: $type, kind: $kind, status: $status, from: $from, to: $to, campaignId: $campaignId) {\n        edges {\n          cursor\n          node {\n            ...TransactionRowFields\n            ...TransactionDocumentFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.WalletTransactionsDocument,
    "\n  mutation CreateWallet($input: CreateWalletInput!) {\n    createWallet(input: $input) {\n      wallet {\n        ...WalletSummaryFields\n        name\n      }\n    }\n  }\n": typeof types.CreateWalletDocument,
    "\n  mutation RefreshTopUp($id: ID!) {\n    refreshTopUp(id: $id) {\n      topUp {\n        ...TopUpFields\n      }\n    }\n  }\n": typeof types.RefreshTopUpDocument,
    "\n  fragment ReceiptFields on Receipt {\n    receiptNumber\n    transactionId\n    topUpId\n    amount\n    tax\n    taxRate\n    taxLabel\n    total\n    currency\n    paidAt\n    cardBrand\n    cardLast4\n    paymentIntentId\n  }\n": typeof types.ReceiptFieldsFragmentDoc,
    "\n  fragment TopUpFields on TopUp {\n    id\n    walletId\n    status\n    currency\n    amount\n    tax\n    taxRate\n    taxLabel\n    total\n    clientSecret\n    paymentIntentId\n    cardBrand\n    cardLast4\n    failureCode\n    failureReason\n    updatedAt\n    receipt {\n      ...ReceiptFields\n    }\n  }\n": typeof types.TopUpFieldsFragmentDoc,
    "\n  mutation TopUp($input: TopUpInput!) {\n    topUp(input: $input) {\n      topUp {\n        ...TopUpFields\n      }\n    }\n  }\n": typeof types.TopUpDocument,
    "\n  fragment TopUpQuoteFields on TopUpQuote {\n    walletId\n    currency\n    amount\n    tax\n    taxRate\n    taxTreatment\n    taxLabel\n    total\n    minimum\n  }\n": typeof types.TopUpQuoteFieldsFragmentDoc,
    "\n  query QuoteTopUp($walletId: ID!, $amount: Money!) {\n    quoteTopUp(walletId: $walletId, amount: $amount) {\n      ...TopUpQuoteFields\n    }\n  }\n": typeof types.QuoteTopUpDocument,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    attemptCount\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    lastAttempt {\n      id\n      attemptedAt\n      statusCode\n      error\n      durationMs\n      succeeded\n    }\n  }\n": typeof types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...WebhookDeliveryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      delivery {\n        ...WebhookDeliveryFields\n      }\n    }\n  }\n": typeof types.ReplayWebhookDeliveryDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      endpoint {\n        id\n      }\n    }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookEndpointSecret($id: ID!) {\n    rotateWebhookEndpointSecret(id: $id) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n": typeof types.RotateWebhookEndpointSecretDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    createdAt\n    updatedAt\n  }\n": typeof types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": typeof types.WebhookEndpointsDocument,
};
const documents: Documents = {
    "\n  query Boot {\n    me {\n      ...DashboardPrincipalFields\n      apiKeyId\n      user {\n        id\n        accountId\n        email\n        name\n        role\n      }\n    }\n  }\n": types.BootDocument,
    "\n  fragment WalletSummaryFields on Wallet {\n    id\n    currency\n    balance\n    available\n    reserved\n    sequence\n  }\n": types.WalletSummaryFieldsFragmentDoc,
    "\n  fragment TransactionRowFields on Transaction {\n    id\n    sequence\n    type\n    kind\n    amount\n    balanceBefore\n    balanceAfter\n    description\n    status\n    paymentIntentId\n    createdAt\n    campaignId\n  }\n": types.TransactionRowFieldsFragmentDoc,
    "\n  query AuditLog($accountId: ID, $first: Int, $after: String) {\n    auditLog(accountId: $accountId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          targetType\n          targetId\n          clientIp\n          before\n          after\n          createdAt\n          actor {\n            kind\n            id\n            name\n            email\n            role\n            staff\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  subscription BalanceChanged($walletId: ID!) {\n    balanceChanged(walletId: $walletId) {\n      ...WalletSummaryFields\n    }\n  }\n": types.BalanceChangedDocument,
    "\n  subscription TransactionAdded($walletId: ID!, $afterSequence: String) {\n    transactionAdded(walletId: $walletId, afterSequence: $afterSequence) {\n      ...TransactionRowFields\n    }\n  }\n": types.TransactionAddedDocument,
    "\n  fragment SandboxTestCardFields on SandboxTestCard {\n    id\n    label\n    brand\n    last4\n    behaviour\n  }\n": types.SandboxTestCardFieldsFragmentDoc,
    "\n  fragment PaymentsConfigFields on PaymentsConfig {\n    mode\n    publishableKey\n    sandboxUrl\n    testCards {\n      ...SandboxTestCardFields\n    }\n  }\n": types.PaymentsConfigFieldsFragmentDoc,
    "\n  query PaymentsConfig {\n    paymentsConfig {\n      ...PaymentsConfigFields\n    }\n  }\n": types.PaymentsConfigDocument,
    "\n  fragment SavedCardFields on PaymentMethod {\n    id\n    brand\n    last4\n    expMonth\n    expYear\n    isDefault\n  }\n": types.SavedCardFieldsFragmentDoc,
    "\n  query PaymentMethods {\n    paymentMethods {\n      ...SavedCardFields\n    }\n  }\n": types.PaymentMethodsDocument,
    "\n  subscription SelectedWalletUpdated($walletId: ID!) {\n    walletUpdated(walletId: $walletId) {\n      ...WalletSummaryFields\n    }\n  }\n": types.SelectedWalletUpdatedDocument,
    "\n  fragment TopUpHistoryFields on TopUp {\n    id\n    walletId\n    origin\n    status\n    currency\n    amount\n    tax\n    total\n    paymentIntentId\n    cardBrand\n    cardLast4\n    receiptNumber\n    failureReason\n    createdAt\n    updatedAt\n    receipt {\n      ...ReceiptFields\n    }\n  }\n": types.TopUpHistoryFieldsFragmentDoc,
    "\n  query WalletTopUps($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      topUps(first: $first) {\n        ...TopUpHistoryFields\n      }\n    }\n  }\n": types.WalletTopUpsDocument,
    "\n  query WalletBankTransfers($walletId: ID!, $first: Int) {\n    wallet(id: $walletId) {\n      id\n      currency\n      bankTransfers(first: $first) {\n        id\n        amount\n        reference\n        status\n        expectedBy\n        createdAt\n        settledAt\n      }\n    }\n  }\n": types.WalletBankTransfersDocument,
    "\n  fragment BillingProfileFields on BillingProfile {\n    accountId\n    legalName\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    country\n    state\n    vatNumber\n    email\n  }\n": types.BillingProfileFieldsFragmentDoc,
    "\n  query BillingProfile($accountId: ID) {\n    billingProfile(accountId: $accountId) {\n      ...BillingProfileFields\n    }\n    euCountries {\n      code\n      name\n    }\n  }\n": types.BillingProfileDocument,
    "\n  mutation CancelRefundRequest($id: ID!) {\n    cancelRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n      }\n    }\n  }\n": types.CancelRefundRequestDocument,
    "\n  mutation RecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      bankTransfer {\n        id\n        amount\n        reference\n        status\n        expectedBy\n      }\n    }\n  }\n": types.RecordBankTransferDocument,
    "\n  query WalletRefundRequests($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      currency\n      balance\n      refundable\n    }\n    refundRequests(walletId: $walletId, first: $first) {\n      id\n      amount\n      currency\n      reason\n      status\n      declineReason\n      failureReason\n      failedAmount\n      failedAt\n      createdAt\n      decidedAt\n    }\n  }\n": types.WalletRefundRequestsDocument,
    "\n  mutation RequestRefund($input: RequestRefundInput!) {\n    requestRefund(input: $input) {\n      refundRequest {\n        id\n        amount\n        status\n      }\n    }\n  }\n": types.RequestRefundDocument,
    "\n  query TaxPreview($amount: Money!, $country: String, $state: String, $vatNumber: String) {\n    taxPreview(amount: $amount, country: $country, state: $state, vatNumber: $vatNumber) {\n      amount\n      tax\n      total\n      taxRate\n      taxTreatment\n      taxLabel\n      vatNumber\n      vatNumberAccepted\n    }\n  }\n": types.TaxPreviewDocument,
    "\n  mutation UpdateBillingProfile($input: UpdateBillingProfileInput!) {\n    updateBillingProfile(input: $input) {\n      billingProfile {\n        ...BillingProfileFields\n      }\n    }\n  }\n": types.UpdateBillingProfileDocument,
    "\n  fragment CallFields on Call {\n    id\n    to\n    status\n    endReason\n    startedAt\n    endedAt\n    billedSeconds\n    cost\n    perMinute\n    version\n  }\n": types.CallFieldsFragmentDoc,
    "\n  subscription CallUpdated($campaignId: ID!) {\n    callUpdated(campaignId: $campaignId) {\n      ...CallFields\n    }\n  }\n": types.CallUpdatedDocument,
    "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n": types.CreateCampaignDocument,
    "\n  fragment SpendPointFields on SpendPoint {\n    minute\n    spent\n  }\n": types.SpendPointFieldsFragmentDoc,
    "\n  query CampaignDetail($id: ID!, $minutes: Int!, $endedFirst: Int!) {\n    campaign(id: $id) {\n      ...CampaignFields\n      spendByMinute(minutes: $minutes) {\n        ...SpendPointFields\n      }\n    }\n    stopped: calls(campaignId: $id, status: STOPPED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n    completed: calls(campaignId: $id, status: COMPLETED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n    refused: calls(campaignId: $id, status: REFUSED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n  }\n": types.CampaignDetailDocument,
    "\n  fragment CampaignEstimateFields on CampaignCostEstimate {\n    currency\n    rate {\n      ...CallRateFields\n    }\n    billedSecondsPerCall\n    costPerCall\n    total\n    available\n    budget\n    shortfall\n    coveredCalls\n    limitedBy\n  }\n": types.CampaignEstimateFieldsFragmentDoc,
    "\n  query EstimateCampaignCost($input: EstimateCampaignCostInput!) {\n    estimateCampaignCost(input: $input) {\n      ...CampaignEstimateFields\n    }\n  }\n": types.EstimateCampaignCostDocument,
    "\n  query Campaigns($first: Int!, $after: String) {\n    campaigns(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...CampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CampaignsDocument,
    "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n": types.PauseCampaignDocument,
    "\n  fragment CallRateFields on Rate {\n    prefix\n    perMinute\n    firstIncrementSeconds\n    nextIncrementSeconds\n    connectFee\n  }\n": types.CallRateFieldsFragmentDoc,
    "\n  fragment RatePlanOptionFields on RatePlan {\n    id\n    name\n    currency\n    rates {\n      ...CallRateFields\n    }\n  }\n": types.RatePlanOptionFieldsFragmentDoc,
    "\n  query CampaignRatePlans {\n    ratePlans {\n      ...RatePlanOptionFields\n    }\n  }\n": types.CampaignRatePlansDocument,
    "\n  mutation StartCampaign($id: ID!) {\n    startCampaign(id: $id) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n": types.StartCampaignDocument,
    "\n  mutation UpdateCampaign($input: UpdateCampaignInput!) {\n    updateCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n": types.UpdateCampaignDocument,
    "\n  fragment CampaignFields on Campaign {\n    id\n    walletId\n    ratePlanId\n    name\n    status\n    budget\n    spent\n    committed\n    activeCalls\n    spendPerMinute\n    projection {\n      ratePerMinute\n      walletRatePerMinute\n      budgetReachedInSeconds\n      walletRunsDryInSeconds\n      spendCapReachedInSeconds\n      spendCap {\n        period\n        scope\n      }\n      endsBy\n      endsInSeconds\n      windowSeconds\n    }\n    simulate\n    version\n    createdAt\n  }\n": types.CampaignFieldsFragmentDoc,
    "\n  subscription CampaignUpdated($campaignId: ID!) {\n    campaignUpdated(campaignId: $campaignId) {\n      ...CampaignFields\n    }\n  }\n": types.CampaignUpdatedDocument,
    "\n  fragment InvoiceListFields on Invoice {\n    id\n    number\n    kind\n    issuedAt\n    net\n    tax\n    total\n    currency\n    taxLabel\n    reverseCharge\n    creditedInvoiceNumber\n    pdfUrl\n  }\n": types.InvoiceListFieldsFragmentDoc,
    "\n  query Invoices($first: Int, $after: String) {\n    invoices(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...InvoiceListFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.InvoicesDocument,
    "\n  query WalletStatement($walletId: ID!, $month: String) {\n    statement(walletId: $walletId, month: $month) {\n      walletId\n      month\n      currency\n      timeZone\n      openingBalance\n      credits {\n        kind\n        amount\n        transactions\n      }\n      debits {\n        kind\n        amount\n        transactions\n      }\n      totalCredits\n      totalDebits\n      closingBalance\n      pdfUrl\n      csvUrl\n    }\n  }\n": types.WalletStatementDocument,
    "\n  query MessageCampaigns($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          id\n          name\n          walletId\n        }\n      }\n    }\n  }\n": types.MessageCampaignsDocument,
    "\n  query EstimateMessage($input: EstimateMessageInput!) {\n    estimateMessage(input: $input) {\n      currency\n      encoding\n      characters\n      units\n      segments\n      recipients {\n        to\n        prefix\n        perSegment\n        price\n      }\n      total\n    }\n  }\n": types.EstimateMessageDocument,
    "\n  query Messages($walletId: ID!, $campaignId: ID, $status: MessageStatus, $first: Int!, $after: String) {\n    messages(walletId: $walletId, campaignId: $campaignId, status: $status, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          campaignId\n          direction\n          from\n          to\n          segments\n          encoding\n          price\n          hold\n          status\n          createdAt\n          finalizedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MessagesDocument,
    "\n  query SmsRatePlans {\n    ratePlans {\n      id\n      name\n      currency\n      rates {\n        prefix\n        smsPerSegment\n      }\n    }\n  }\n": types.SmsRatePlansDocument,
    "\n  query NotificationPreferences {\n    me {\n      user {\n        id\n        email\n        notificationPreferences {\n          kind\n          email\n        }\n      }\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) {\n      preference {\n        kind\n        email\n      }\n      preferences {\n        kind\n        email\n      }\n    }\n  }\n": types.SetNotificationPreferenceDocument,
    "\n  query UsageReport($accountId: ID!, $period: UsagePeriod!, $from: DateTime) {\n    usageReport(accountId: $accountId, period: $period, from: $from) {\n      accountId\n      period\n      label\n      timeZone\n      wallets {\n        walletId\n        currency\n        opening\n        closing\n        spent\n        other\n        byKind {\n          key\n          label\n          transactions\n          amount\n        }\n        byCampaign {\n          key\n          label\n          amount\n        }\n        byCountry {\n          key\n          label\n          amount\n        }\n      }\n    }\n  }\n": types.UsageReportDocument,
    "\n  query AvailablePhoneNumbers($walletId: ID!, $ratePlanId: ID!, $startsWith: String, $first: Int) {\n    availablePhoneNumbers(walletId: $walletId, ratePlanId: $ratePlanId, startsWith: $startsWith, first: $first) {\n      number\n      ratePrefix\n      currency\n      purchasePrice\n      monthlyPrice\n      firstCharge\n      firstRenewalAt\n      refundableUntil\n    }\n  }\n": types.AvailablePhoneNumbersDocument,
    "\n  query InboundCalls($walletId: ID!, $first: Int!) {\n    inboundCalls(walletId: $walletId, first: $first) {\n      edges {\n        node {\n          id\n          direction\n          from\n          to\n          status\n          endReason\n          startedAt\n          billedSeconds\n          cost\n        }\n      }\n    }\n  }\n": types.InboundCallsDocument,
    "\n  query NumberRatePlans {\n    ratePlans {\n      id\n      name\n      currency\n      rates {\n        prefix\n        numberPurchase\n        numberMonthly\n      }\n    }\n  }\n": types.NumberRatePlansDocument,
    "\n  fragment PhoneNumberRowFields on PhoneNumber {\n    id\n    number\n    status\n    purchasePrice\n    monthlyPrice\n    purchasedAt\n    renewsAt\n    graceUntil\n    owedAmount\n    owedSince\n    releasedAt\n    releaseReason\n    periodsPaid\n    refundable\n    refundableUntil\n  }\n": types.PhoneNumberRowFieldsFragmentDoc,
    "\n  query PhoneNumbers($walletId: ID!, $first: Int!, $after: String) {\n    phoneNumbers(walletId: $walletId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...PhoneNumberRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PhoneNumbersDocument,
    "\n  mutation PurchaseNumber($input: PurchaseNumberInput!) {\n    purchaseNumber(input: $input) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n": types.PurchaseNumberDocument,
    "\n  mutation RefundNumber($id: ID!) {\n    refundNumber(id: $id) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n": types.RefundNumberDocument,
    "\n  mutation ReleaseNumber($id: ID!) {\n    releaseNumber(id: $id) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n": types.ReleaseNumberDocument,
    "\n  fragment OverviewWalletFields on Wallet {\n    id\n    currency\n    balance\n    reserved\n    available\n    status\n    sequence\n    burn {\n      ratePerMinute\n      timeToEmptySeconds\n      limitedBy\n      limitReachedInSeconds\n      spendCap {\n        period\n        scope\n        reachedInSeconds\n        resetsAt\n      }\n      activeCalls\n      meteredPerMinute\n      windowUsage\n      windowSeconds\n      coveredSeconds\n      planFeesPerMinute\n    }\n    autoRecharge {\n      walletId\n      enabled\n      threshold\n      target\n      pausedReason\n    }\n    lowBalanceThresholds\n  }\n": types.OverviewWalletFieldsFragmentDoc,
    "\n  subscription OverviewWalletUpdated($walletId: ID!) {\n    walletUpdated(walletId: $walletId) {\n      ...OverviewWalletFields\n    }\n  }\n": types.OverviewWalletUpdatedDocument,
    "\n  fragment OverviewCampaignFields on Campaign {\n    id\n    walletId\n    name\n    status\n    activeCalls\n    version\n  }\n": types.OverviewCampaignFieldsFragmentDoc,
    "\n  query OverviewCampaigns($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          ...OverviewCampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.OverviewCampaignsDocument,
    "\n  subscription OverviewCampaignUpdated($campaignId: ID!) {\n    campaignUpdated(campaignId: $campaignId) {\n      ...OverviewCampaignFields\n    }\n  }\n": types.OverviewCampaignUpdatedDocument,
    "\n  query RecentTransactions($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      sequence\n      transactions(first: $first) {\n        edges {\n          node {\n            ...TransactionRowFields\n          }\n        }\n      }\n    }\n  }\n": types.RecentTransactionsDocument,
    "\n  fragment OverviewAlertFields on Alert {\n    id\n    sequence: position\n    kind\n    severity\n    walletId\n    campaignId\n    message\n    raisedAt\n    acknowledgedAt\n  }\n": types.OverviewAlertFieldsFragmentDoc,
    "\n  query OverviewAlerts($first: Int!) {\n    unacknowledged: alerts(acknowledged: false, first: $first) {\n      edges {\n        node {\n          ...OverviewAlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n      acknowledgedThrough\n    }\n    newest: alerts(first: 1) {\n      edges {\n        node {\n          id\n          sequence: position\n        }\n      }\n    }\n  }\n": types.OverviewAlertsDocument,
    "\n  subscription OverviewAlertRaised($afterSequence: String) {\n    alertRaised(afterPosition: $afterSequence) {\n      ...OverviewAlertFields\n    }\n  }\n": types.OverviewAlertRaisedDocument,
    "\n  subscription OverviewAlertAcknowledged($afterAcknowledgementPosition: String) {\n    alertAcknowledged(afterAcknowledgementPosition: $afterAcknowledgementPosition) {\n      id\n      acknowledgementPosition\n    }\n  }\n": types.OverviewAlertAcknowledgedDocument,
    "\n  mutation OverviewAcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      alert {\n        ...OverviewAlertFields\n      }\n    }\n  }\n": types.OverviewAcknowledgeAlertDocument,
    "\n  mutation CancelPlanSubscription($id: ID!) {\n    cancelPlanSubscription(id: $id) {\n      subscription {\n        ...PlanSubscriptionFields\n      }\n    }\n  }\n": types.CancelPlanSubscriptionDocument,
    "\n  fragment SubscriptionPlanFields on SubscriptionPlan {\n    id\n    name\n    currency\n    monthlyFee\n    includedMinutes\n    overagePerMinute\n  }\n": types.SubscriptionPlanFieldsFragmentDoc,
    "\n  fragment PlanSubscriptionFields on PlanSubscription {\n    id\n    walletId\n    status\n    periodStart\n    periodEnd\n    allowanceSeconds\n    usedSeconds\n    reservedSeconds\n    remainingSeconds\n    endedAt\n    overageThisPeriod {\n      seconds\n      cost\n    }\n    plan {\n      ...SubscriptionPlanFields\n    }\n  }\n": types.PlanSubscriptionFieldsFragmentDoc,
    "\n  query WalletPlan($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      planSubscription {\n        ...PlanSubscriptionFields\n      }\n    }\n    subscriptionPlans {\n      ...SubscriptionPlanFields\n    }\n  }\n": types.WalletPlanDocument,
    "\n  mutation SubscribeToPlan($input: SubscribeToPlanInput!) {\n    subscribeToPlan(input: $input) {\n      subscription {\n        ...PlanSubscriptionFields\n      }\n    }\n  }\n": types.SubscribeToPlanDocument,
    "\n  fragment SenderIdRowFields on SenderId {\n    id\n    sender\n    status\n    monthlyFee\n    decisionReason\n    decidedAt\n    periodsPaid\n    renewsAt\n    graceUntil\n    cancelReason\n    createdAt\n  }\n": types.SenderIdRowFieldsFragmentDoc,
    "\n  query SenderIds($first: Int!) {\n    senderIds(first: $first) {\n      edges {\n        node {\n          ...SenderIdRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.SenderIdsDocument,
    "\n  mutation RegisterSenderId($input: RegisterSenderIdInput!) {\n    registerSenderId(input: $input) {\n      senderId {\n        ...SenderIdRowFields\n      }\n    }\n  }\n": types.RegisterSenderIdDocument,
    "\n  mutation CancelSenderId($id: ID!) {\n    cancelSenderId(id: $id) {\n      senderId {\n        ...SenderIdRowFields\n      }\n    }\n  }\n": types.CancelSenderIdDocument,
    "\n  fragment BalanceAlertThresholdsFields on Wallet {\n    id\n    lowBalanceThresholds\n  }\n": types.BalanceAlertThresholdsFieldsFragmentDoc,
    "\n  mutation AddPaymentMethod($input: AddPaymentMethodInput!) {\n    addPaymentMethod(input: $input) {\n      status\n      setupIntentId\n      clientSecret\n      failureReason\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n": types.AddPaymentMethodDocument,
    "\n  fragment ApiKeyRowFields on ApiKey {\n    id\n    name\n    role\n    prefix\n    createdAt\n    revokedAt\n  }\n": types.ApiKeyRowFieldsFragmentDoc,
    "\n  query ApiKeys($accountId: ID!) {\n    account(id: $accountId) {\n      id\n      apiKeys {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  query CredentialInUse {\n    me {\n      apiKeyId\n    }\n  }\n": types.CredentialInUseDocument,
    "\n  fragment AutoRechargeFields on AutoRecharge {\n    walletId\n    enabled\n    threshold\n    target\n    inFlightTopUpId\n    lastAttemptAt\n    consecutiveFailures\n    pausedAt\n    pausedReason\n    monthlyEnabled\n    monthlyDay\n    monthlyAmount\n  }\n": types.AutoRechargeFieldsFragmentDoc,
    "\n  query WalletFunding($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      currency\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n": types.WalletFundingDocument,
    "\n  query WalletBalanceAlerts($walletId: ID!) {\n    wallet(id: $walletId) {\n      ...BalanceAlertThresholdsFields\n    }\n  }\n": types.WalletBalanceAlertsDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey\n      key {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RemovePaymentMethod($id: ID!) {\n    removePaymentMethod(id: $id) {\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n": types.RemovePaymentMethodDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      key {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  mutation SetAccountTimezone($timezone: String!) {\n    setAccountTimezone(timezone: $timezone) {\n      accountId\n      timezone\n    }\n  }\n": types.SetAccountTimezoneDocument,
    "\n  mutation SetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n": types.SetAutoRechargeDocument,
    "\n  mutation SetDefaultPaymentMethod($id: ID!) {\n    setDefaultPaymentMethod(id: $id) {\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n": types.SetDefaultPaymentMethodDocument,
    "\n  mutation SetLowBalanceThresholds($input: SetLowBalanceThresholdsInput!) {\n    setLowBalanceThresholds(input: $input) {\n      thresholds\n      wallet {\n        ...BalanceAlertThresholdsFields\n      }\n    }\n  }\n": types.SetLowBalanceThresholdsDocument,
    "\n  mutation SetMonthlyRecharge($input: SetMonthlyRechargeInput!) {\n    setMonthlyRecharge(input: $input) {\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n": types.SetMonthlyRechargeDocument,
    "\n  mutation SetSpendCaps($input: SetSpendCapsInput!) {\n    setSpendCaps(input: $input) {\n      spendCap {\n        scope\n        walletId\n        currency\n      }\n    }\n  }\n": types.SetSpendCapsDocument,
    "\n  fragment SpendCapPeriodFields on SpendCapPeriod {\n    cap\n    spent\n    startsOn\n    resetsAt\n  }\n": types.SpendCapPeriodFieldsFragmentDoc,
    "\n  query SpendCaps {\n    spendCaps {\n      accountId\n      timezone\n      caps {\n        scope\n        walletId\n        currency\n        daily {\n          ...SpendCapPeriodFields\n        }\n        monthly {\n          ...SpendCapPeriodFields\n        }\n      }\n    }\n  }\n": types.SpendCapsDocument,
    "\n  query SupportAccountSearch($search: String, $first: Int, $after: String) {\n    accounts(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          createdAt\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SupportAccountSearchDocument,
    "\n  query PendingSenderIds($first: Int!) {\n    pendingSenderIds(first: $first) {\n      accountName\n      senderId {\n        id\n        accountId\n        sender\n        status\n        createdAt\n      }\n    }\n  }\n": types.PendingSenderIdsDocument,
    "\n  mutation ApproveSenderId($input: DecideSenderIdInput!) {\n    approveSenderId(input: $input) {\n      senderId {\n        id\n        status\n      }\n    }\n  }\n": types.ApproveSenderIdDocument,
    "\n  mutation RejectSenderId($input: DecideSenderIdInput!) {\n    rejectSenderId(input: $input) {\n      senderId {\n        id\n        status\n      }\n    }\n  }\n": types.RejectSenderIdDocument,
    "\n  query SupportAlertFeed($accountId: ID, $kinds: [AlertKind!], $first: Int!) {\n    unacknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: false, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n      acknowledgedThrough\n    }\n    acknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: true, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n    }\n  }\n": types.SupportAlertFeedDocument,
    "\n  subscription SupportAlertRaised($accountId: ID, $kinds: [AlertKind!], $afterPosition: String) {\n    alertRaised(accountId: $accountId, kinds: $kinds, afterPosition: $afterPosition) {\n      ...SupportAlertFields\n    }\n  }\n": types.SupportAlertRaisedDocument,
    "\n  subscription SupportAlertAcknowledged($accountId: ID, $kinds: [AlertKind!], $afterAcknowledgementPosition: String) {\n    alertAcknowledged(accountId: $accountId, kinds: $kinds, afterAcknowledgementPosition: $afterAcknowledgementPosition) {\n      ...SupportAlertFields\n      acknowledgementPosition\n    }\n  }\n": types.SupportAlertAcknowledgedDocument,
    "\n  query SupportRefundRequests($statuses: [RefundRequestStatus!], $first: Int!) {\n    refundRequests(statuses: $statuses, first: $first) {\n      id\n      accountId\n      accountName\n      walletId\n      currency\n      amount\n      reason\n      status\n      declineReason\n      failureReason\n      failedAmount\n      failedAt\n      attempts\n      createdAt\n      decidedAt\n      requestedBy {\n        kind\n        id\n        name\n        email\n        role\n        staff\n      }\n      decidedBy {\n        kind\n        id\n        name\n        email\n        role\n        staff\n      }\n    }\n  }\n": types.SupportRefundRequestsDocument,
    "\n  mutation SupportApproveRefundRequest($id: ID!) {\n    approveRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n        transactionId\n      }\n      wallet {\n        id\n        balance\n        refundable\n      }\n    }\n  }\n": types.SupportApproveRefundRequestDocument,
    "\n  mutation SupportRetryRefundRequest($id: ID!) {\n    retryRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n        failureReason\n        failedAmount\n        attempts\n      }\n      wallet {\n        id\n        balance\n        refundable\n      }\n    }\n  }\n": types.SupportRetryRefundRequestDocument,
    "\n  mutation SupportDeclineRefundRequest($input: DeclineRefundRequestInput!) {\n    declineRefundRequest(input: $input) {\n      refundRequest {\n        id\n        status\n        declineReason\n      }\n    }\n  }\n": types.SupportDeclineRefundRequestDocument,
    "\n  query SupportAccount($accountId: ID!, $first: Int!) {\n    account(id: $accountId) {\n      id\n      name\n      createdAt\n      status\n      closedAt\n      wallets {\n        id\n        currency\n        balance\n        reserved\n        available\n        sequence\n        status\n        suspendedAt\n        refundable\n        transactions(first: $first) {\n          edges {\n            node {\n              id\n              sequence\n              type\n              kind\n              amount\n              balanceAfter\n              description\n              status\n              createdAt\n              actor {\n                ...SupportActorFields\n              }\n            }\n          }\n        }\n        bankTransfers(first: $first) {\n          id\n          amount\n          reference\n          status\n          expectedBy\n          createdAt\n          settledAt\n          recordedBy {\n            ...SupportActorFields\n          }\n          settledBy {\n            ...SupportActorFields\n          }\n        }\n      }\n    }\n    senderIds(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          id\n          walletId\n          sender\n          status\n          monthlyFee\n          decisionReason\n          renewsAt\n          graceUntil\n          cancelReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    campaigns(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          id\n          walletId\n          name\n          status\n          budget\n          spent\n          activeCalls\n          createdAt\n        }\n      }\n    }\n    alerts(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n    }\n  }\n": types.SupportAccountDocument,
    "\n  mutation SupportGrantCredit($input: GrantCreditInput!) {\n    grantCredit(input: $input) {\n      transaction {\n        id\n        amount\n      }\n      wallet {\n        id\n        balance\n        available\n      }\n    }\n  }\n": types.SupportGrantCreditDocument,
    "\n  mutation SupportAdjustWallet($input: AdjustWalletInput!) {\n    adjustWallet(input: $input) {\n      transaction {\n        id\n        amount\n        type\n      }\n      wallet {\n        id\n        balance\n        available\n      }\n    }\n  }\n": types.SupportAdjustWalletDocument,
    "\n  mutation SupportRefundUnusedCredit($input: RefundUnusedCreditInput!) {\n    refundUnusedCredit(input: $input) {\n      transaction {\n        id\n        amount\n      }\n      wallet {\n        id\n        balance\n        available\n        refundable\n      }\n      refunds {\n        id\n        cardAmount\n        status\n      }\n    }\n  }\n": types.SupportRefundUnusedCreditDocument,
    "\n  mutation SupportRecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      bankTransfer {\n        id\n        status\n      }\n    }\n  }\n": types.SupportRecordBankTransferDocument,
    "\n  mutation SupportCompleteBankTransfer($id: ID!) {\n    completeBankTransfer(id: $id) {\n      bankTransfer {\n        id\n        status\n        settledAt\n      }\n    }\n  }\n": types.SupportCompleteBankTransferDocument,
    "\n  mutation SupportCancelBankTransfer($id: ID!) {\n    cancelBankTransfer(id: $id) {\n      bankTransfer {\n        id\n        status\n        settledAt\n      }\n    }\n  }\n": types.SupportCancelBankTransferDocument,
    "\n  fragment SupportAlertFields on Alert {\n    id\n    position\n    kind\n    severity\n    accountId\n    walletId\n    campaignId\n    message\n    raisedAt\n    acknowledgedAt\n    acknowledger {\n      ...SupportActorFields\n    }\n  }\n": types.SupportAlertFieldsFragmentDoc,
    "\n  fragment SupportActorFields on Actor {\n    kind\n    id\n    role\n    name\n    email\n    staff\n  }\n": types.SupportActorFieldsFragmentDoc,
    "\n  mutation SupportAcknowledgeAlerts($ids: [ID!]!) {\n    acknowledgeAlerts(ids: $ids) {\n      alerts {\n        ...SupportAlertFields\n      }\n    }\n  }\n": types.SupportAcknowledgeAlertsDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      user {\n        ...TeamMemberFields\n      }\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      token\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n": types.InviteUserDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  fragment TeamMemberFields on User {\n    id\n    name\n    email\n    role\n    createdAt\n  }\n": types.TeamMemberFieldsFragmentDoc,
    "\n  fragment TeamInvitationFields on Invitation {\n    id\n    email\n    role\n    status\n    sentAt\n    sendCount\n    expiresAt\n  }\n": types.TeamInvitationFieldsFragmentDoc,
    "\n  query Team($accountId: ID!) {\n    team(accountId: $accountId) {\n      accountId\n      members {\n        ...TeamMemberFields\n      }\n      invitations {\n        ...TeamInvitationFields\n      }\n    }\n    me {\n      user {\n        id\n      }\n    }\n  }\n": types.TeamDocument,
    "\n  fragment CampaignOptionFields on Campaign {\n    id\n    name\n    walletId\n    status\n  }\n": types.CampaignOptionFieldsFragmentDoc,
    "\n  query CampaignOptions($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          ...CampaignOptionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.CampaignOptionsDocument,
    "\n  fragment DashboardPrincipalFields on Principal {\n    role\n    accountId\n    user {\n      id\n      email\n      emailVerified\n    }\n    account {\n      id\n      name\n      wallets {\n        ...WalletSummaryFields\n        name\n      }\n    }\n  }\n": types.DashboardPrincipalFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      ...DashboardPrincipalFields\n    }\n  }\n": types.MeDocument,
    "\n  fragment TransactionDocumentFields on Transaction {\n    invoice {\n      id\n      kind\n      number\n      pdfUrl\n    }\n  }\n": types.TransactionDocumentFieldsFragmentDoc,
    "\n  query WalletTransactions(\n    $walletId: ID!\n    $first: Int!\n    $after: String\n    $type: TransactionType\n    $kind: TransactionKind\n    $status: TransactionStatus\n    $from: DateTime\n    $to: DateTime\n    $campaignId: ID\n  ) {\n    wallet(id: $walletId) {\n      id\n      sequence\n      transactions(first: $first, after: $after, type: $type, kind: $kind, status: $status, from: $from, to: $to, campaignId: $campaignId) {\n        edges {\n          cursor\n          node {\n            ...TransactionRowFields\n            ...TransactionDocumentFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.WalletTransactionsDocument,
    "\n  mutation CreateWallet($input: CreateWalletInput!) {\n    createWallet(input: $input) {\n      wallet {\n        ...WalletSummaryFields\n        name\n      }\n    }\n  }\n": types.CreateWalletDocument,
    "\n  mutation RefreshTopUp($id: ID!) {\n    refreshTopUp(id: $id) {\n      topUp {\n        ...TopUpFields\n      }\n    }\n  }\n": types.RefreshTopUpDocument,
    "\n  fragment ReceiptFields on Receipt {\n    receiptNumber\n    transactionId\n    topUpId\n    amount\n    tax\n    taxRate\n    taxLabel\n    total\n    currency\n    paidAt\n    cardBrand\n    cardLast4\n    paymentIntentId\n  }\n": types.ReceiptFieldsFragmentDoc,
    "\n  fragment TopUpFields on TopUp {\n    id\n    walletId\n    status\n    currency\n    amount\n    tax\n    taxRate\n    taxLabel\n    total\n    clientSecret\n    paymentIntentId\n    cardBrand\n    cardLast4\n    failureCode\n    failureReason\n    updatedAt\n    receipt {\n      ...ReceiptFields\n    }\n  }\n": types.TopUpFieldsFragmentDoc,
    "\n  mutation TopUp($input: TopUpInput!) {\n    topUp(input: $input) {\n      topUp {\n        ...TopUpFields\n      }\n    }\n  }\n": types.TopUpDocument,
    "\n  fragment TopUpQuoteFields on TopUpQuote {\n    walletId\n    currency\n    amount\n    tax\n    taxRate\n    taxTreatment\n    taxLabel\n    total\n    minimum\n  }\n": types.TopUpQuoteFieldsFragmentDoc,
    "\n  query QuoteTopUp($walletId: ID!, $amount: Money!) {\n    quoteTopUp(walletId: $walletId, amount: $amount) {\n      ...TopUpQuoteFields\n    }\n  }\n": types.QuoteTopUpDocument,
    "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    attemptCount\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    lastAttempt {\n      id\n      attemptedAt\n      statusCode\n      error\n      durationMs\n      succeeded\n    }\n  }\n": types.WebhookDeliveryFieldsFragmentDoc,
    "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...WebhookDeliveryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      delivery {\n        ...WebhookDeliveryFields\n      }\n    }\n  }\n": types.ReplayWebhookDeliveryDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      endpoint {\n        id\n      }\n    }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RotateWebhookEndpointSecret($id: ID!) {\n    rotateWebhookEndpointSecret(id: $id) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n": types.RotateWebhookEndpointSecretDocument,
    "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    createdAt\n    updatedAt\n  }\n": types.WebhookEndpointFieldsFragmentDoc,
    "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n": types.WebhookEndpointsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Boot {\n    me {\n      ...DashboardPrincipalFields\n      apiKeyId\n      user {\n        id\n        accountId\n        email\n        name\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query Boot {\n    me {\n      ...DashboardPrincipalFields\n      apiKeyId\n      user {\n        id\n        accountId\n        email\n        name\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WalletSummaryFields on Wallet {\n    id\n    currency\n    balance\n    available\n    reserved\n    sequence\n  }\n"): (typeof documents)["\n  fragment WalletSummaryFields on Wallet {\n    id\n    currency\n    balance\n    available\n    reserved\n    sequence\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TransactionRowFields on Transaction {\n    id\n    sequence\n    type\n    kind\n    amount\n    balanceBefore\n    balanceAfter\n    description\n    status\n    paymentIntentId\n    createdAt\n    campaignId\n  }\n"): (typeof documents)["\n  fragment TransactionRowFields on Transaction {\n    id\n    sequence\n    type\n    kind\n    amount\n    balanceBefore\n    balanceAfter\n    description\n    status\n    paymentIntentId\n    createdAt\n    campaignId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($accountId: ID, $first: Int, $after: String) {\n    auditLog(accountId: $accountId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          targetType\n          targetId\n          clientIp\n          before\n          after\n          createdAt\n          actor {\n            kind\n            id\n            name\n            email\n            role\n            staff\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($accountId: ID, $first: Int, $after: String) {\n    auditLog(accountId: $accountId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          targetType\n          targetId\n          clientIp\n          before\n          after\n          createdAt\n          actor {\n            kind\n            id\n            name\n            email\n            role\n            staff\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BalanceChanged($walletId: ID!) {\n    balanceChanged(walletId: $walletId) {\n      ...WalletSummaryFields\n    }\n  }\n"): (typeof documents)["\n  subscription BalanceChanged($walletId: ID!) {\n    balanceChanged(walletId: $walletId) {\n      ...WalletSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TransactionAdded($walletId: ID!, $afterSequence: String) {\n    transactionAdded(walletId: $walletId, afterSequence: $afterSequence) {\n      ...TransactionRowFields\n    }\n  }\n"): (typeof documents)["\n  subscription TransactionAdded($walletId: ID!, $afterSequence: String) {\n    transactionAdded(walletId: $walletId, afterSequence: $afterSequence) {\n      ...TransactionRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SandboxTestCardFields on SandboxTestCard {\n    id\n    label\n    brand\n    last4\n    behaviour\n  }\n"): (typeof documents)["\n  fragment SandboxTestCardFields on SandboxTestCard {\n    id\n    label\n    brand\n    last4\n    behaviour\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PaymentsConfigFields on PaymentsConfig {\n    mode\n    publishableKey\n    sandboxUrl\n    testCards {\n      ...SandboxTestCardFields\n    }\n  }\n"): (typeof documents)["\n  fragment PaymentsConfigFields on PaymentsConfig {\n    mode\n    publishableKey\n    sandboxUrl\n    testCards {\n      ...SandboxTestCardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentsConfig {\n    paymentsConfig {\n      ...PaymentsConfigFields\n    }\n  }\n"): (typeof documents)["\n  query PaymentsConfig {\n    paymentsConfig {\n      ...PaymentsConfigFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SavedCardFields on PaymentMethod {\n    id\n    brand\n    last4\n    expMonth\n    expYear\n    isDefault\n  }\n"): (typeof documents)["\n  fragment SavedCardFields on PaymentMethod {\n    id\n    brand\n    last4\n    expMonth\n    expYear\n    isDefault\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaymentMethods {\n    paymentMethods {\n      ...SavedCardFields\n    }\n  }\n"): (typeof documents)["\n  query PaymentMethods {\n    paymentMethods {\n      ...SavedCardFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SelectedWalletUpdated($walletId: ID!) {\n    walletUpdated(walletId: $walletId) {\n      ...WalletSummaryFields\n    }\n  }\n"): (typeof documents)["\n  subscription SelectedWalletUpdated($walletId: ID!) {\n    walletUpdated(walletId: $walletId) {\n      ...WalletSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TopUpHistoryFields on TopUp {\n    id\n    walletId\n    origin\n    status\n    currency\n    amount\n    tax\n    total\n    paymentIntentId\n    cardBrand\n    cardLast4\n    receiptNumber\n    failureReason\n    createdAt\n    updatedAt\n    receipt {\n      ...ReceiptFields\n    }\n  }\n"): (typeof documents)["\n  fragment TopUpHistoryFields on TopUp {\n    id\n    walletId\n    origin\n    status\n    currency\n    amount\n    tax\n    total\n    paymentIntentId\n    cardBrand\n    cardLast4\n    receiptNumber\n    failureReason\n    createdAt\n    updatedAt\n    receipt {\n      ...ReceiptFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletTopUps($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      topUps(first: $first) {\n        ...TopUpHistoryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalletTopUps($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      topUps(first: $first) {\n        ...TopUpHistoryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletBankTransfers($walletId: ID!, $first: Int) {\n    wallet(id: $walletId) {\n      id\n      currency\n      bankTransfers(first: $first) {\n        id\n        amount\n        reference\n        status\n        expectedBy\n        createdAt\n        settledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalletBankTransfers($walletId: ID!, $first: Int) {\n    wallet(id: $walletId) {\n      id\n      currency\n      bankTransfers(first: $first) {\n        id\n        amount\n        reference\n        status\n        expectedBy\n        createdAt\n        settledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BillingProfileFields on BillingProfile {\n    accountId\n    legalName\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    country\n    state\n    vatNumber\n    email\n  }\n"): (typeof documents)["\n  fragment BillingProfileFields on BillingProfile {\n    accountId\n    legalName\n    addressLine1\n    addressLine2\n    city\n    postalCode\n    country\n    state\n    vatNumber\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingProfile($accountId: ID) {\n    billingProfile(accountId: $accountId) {\n      ...BillingProfileFields\n    }\n    euCountries {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query BillingProfile($accountId: ID) {\n    billingProfile(accountId: $accountId) {\n      ...BillingProfileFields\n    }\n    euCountries {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRefundRequest($id: ID!) {\n    cancelRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRefundRequest($id: ID!) {\n    cancelRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      bankTransfer {\n        id\n        amount\n        reference\n        status\n        expectedBy\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      bankTransfer {\n        id\n        amount\n        reference\n        status\n        expectedBy\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletRefundRequests($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      currency\n      balance\n      refundable\n    }\n    refundRequests(walletId: $walletId, first: $first) {\n      id\n      amount\n      currency\n      reason\n      status\n      declineReason\n      failureReason\n      failedAmount\n      failedAt\n      createdAt\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  query WalletRefundRequests($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      currency\n      balance\n      refundable\n    }\n    refundRequests(walletId: $walletId, first: $first) {\n      id\n      amount\n      currency\n      reason\n      status\n      declineReason\n      failureReason\n      failedAmount\n      failedAt\n      createdAt\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestRefund($input: RequestRefundInput!) {\n    requestRefund(input: $input) {\n      refundRequest {\n        id\n        amount\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestRefund($input: RequestRefundInput!) {\n    requestRefund(input: $input) {\n      refundRequest {\n        id\n        amount\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxPreview($amount: Money!, $country: String, $state: String, $vatNumber: String) {\n    taxPreview(amount: $amount, country: $country, state: $state, vatNumber: $vatNumber) {\n      amount\n      tax\n      total\n      taxRate\n      taxTreatment\n      taxLabel\n      vatNumber\n      vatNumberAccepted\n    }\n  }\n"): (typeof documents)["\n  query TaxPreview($amount: Money!, $country: String, $state: String, $vatNumber: String) {\n    taxPreview(amount: $amount, country: $country, state: $state, vatNumber: $vatNumber) {\n      amount\n      tax\n      total\n      taxRate\n      taxTreatment\n      taxLabel\n      vatNumber\n      vatNumberAccepted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBillingProfile($input: UpdateBillingProfileInput!) {\n    updateBillingProfile(input: $input) {\n      billingProfile {\n        ...BillingProfileFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBillingProfile($input: UpdateBillingProfileInput!) {\n    updateBillingProfile(input: $input) {\n      billingProfile {\n        ...BillingProfileFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CallFields on Call {\n    id\n    to\n    status\n    endReason\n    startedAt\n    endedAt\n    billedSeconds\n    cost\n    perMinute\n    version\n  }\n"): (typeof documents)["\n  fragment CallFields on Call {\n    id\n    to\n    status\n    endReason\n    startedAt\n    endedAt\n    billedSeconds\n    cost\n    perMinute\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CallUpdated($campaignId: ID!) {\n    callUpdated(campaignId: $campaignId) {\n      ...CallFields\n    }\n  }\n"): (typeof documents)["\n  subscription CallUpdated($campaignId: ID!) {\n    callUpdated(campaignId: $campaignId) {\n      ...CallFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SpendPointFields on SpendPoint {\n    minute\n    spent\n  }\n"): (typeof documents)["\n  fragment SpendPointFields on SpendPoint {\n    minute\n    spent\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignDetail($id: ID!, $minutes: Int!, $endedFirst: Int!) {\n    campaign(id: $id) {\n      ...CampaignFields\n      spendByMinute(minutes: $minutes) {\n        ...SpendPointFields\n      }\n    }\n    stopped: calls(campaignId: $id, status: STOPPED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n    completed: calls(campaignId: $id, status: COMPLETED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n    refused: calls(campaignId: $id, status: REFUSED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignDetail($id: ID!, $minutes: Int!, $endedFirst: Int!) {\n    campaign(id: $id) {\n      ...CampaignFields\n      spendByMinute(minutes: $minutes) {\n        ...SpendPointFields\n      }\n    }\n    stopped: calls(campaignId: $id, status: STOPPED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n    completed: calls(campaignId: $id, status: COMPLETED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n    refused: calls(campaignId: $id, status: REFUSED, first: $endedFirst) {\n      edges {\n        node {\n          ...CallFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignEstimateFields on CampaignCostEstimate {\n    currency\n    rate {\n      ...CallRateFields\n    }\n    billedSecondsPerCall\n    costPerCall\n    total\n    available\n    budget\n    shortfall\n    coveredCalls\n    limitedBy\n  }\n"): (typeof documents)["\n  fragment CampaignEstimateFields on CampaignCostEstimate {\n    currency\n    rate {\n      ...CallRateFields\n    }\n    billedSecondsPerCall\n    costPerCall\n    total\n    available\n    budget\n    shortfall\n    coveredCalls\n    limitedBy\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EstimateCampaignCost($input: EstimateCampaignCostInput!) {\n    estimateCampaignCost(input: $input) {\n      ...CampaignEstimateFields\n    }\n  }\n"): (typeof documents)["\n  query EstimateCampaignCost($input: EstimateCampaignCostInput!) {\n    estimateCampaignCost(input: $input) {\n      ...CampaignEstimateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns($first: Int!, $after: String) {\n    campaigns(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...CampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Campaigns($first: Int!, $after: String) {\n    campaigns(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...CampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PauseCampaign($id: ID!) {\n    pauseCampaign(id: $id) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CallRateFields on Rate {\n    prefix\n    perMinute\n    firstIncrementSeconds\n    nextIncrementSeconds\n    connectFee\n  }\n"): (typeof documents)["\n  fragment CallRateFields on Rate {\n    prefix\n    perMinute\n    firstIncrementSeconds\n    nextIncrementSeconds\n    connectFee\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RatePlanOptionFields on RatePlan {\n    id\n    name\n    currency\n    rates {\n      ...CallRateFields\n    }\n  }\n"): (typeof documents)["\n  fragment RatePlanOptionFields on RatePlan {\n    id\n    name\n    currency\n    rates {\n      ...CallRateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignRatePlans {\n    ratePlans {\n      ...RatePlanOptionFields\n    }\n  }\n"): (typeof documents)["\n  query CampaignRatePlans {\n    ratePlans {\n      ...RatePlanOptionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCampaign($id: ID!) {\n    startCampaign(id: $id) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartCampaign($id: ID!) {\n    startCampaign(id: $id) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCampaign($input: UpdateCampaignInput!) {\n    updateCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCampaign($input: UpdateCampaignInput!) {\n    updateCampaign(input: $input) {\n      campaign {\n        ...CampaignFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignFields on Campaign {\n    id\n    walletId\n    ratePlanId\n    name\n    status\n    budget\n    spent\n    committed\n    activeCalls\n    spendPerMinute\n    projection {\n      ratePerMinute\n      walletRatePerMinute\n      budgetReachedInSeconds\n      walletRunsDryInSeconds\n      spendCapReachedInSeconds\n      spendCap {\n        period\n        scope\n      }\n      endsBy\n      endsInSeconds\n      windowSeconds\n    }\n    simulate\n    version\n    createdAt\n  }\n"): (typeof documents)["\n  fragment CampaignFields on Campaign {\n    id\n    walletId\n    ratePlanId\n    name\n    status\n    budget\n    spent\n    committed\n    activeCalls\n    spendPerMinute\n    projection {\n      ratePerMinute\n      walletRatePerMinute\n      budgetReachedInSeconds\n      walletRunsDryInSeconds\n      spendCapReachedInSeconds\n      spendCap {\n        period\n        scope\n      }\n      endsBy\n      endsInSeconds\n      windowSeconds\n    }\n    simulate\n    version\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CampaignUpdated($campaignId: ID!) {\n    campaignUpdated(campaignId: $campaignId) {\n      ...CampaignFields\n    }\n  }\n"): (typeof documents)["\n  subscription CampaignUpdated($campaignId: ID!) {\n    campaignUpdated(campaignId: $campaignId) {\n      ...CampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceListFields on Invoice {\n    id\n    number\n    kind\n    issuedAt\n    net\n    tax\n    total\n    currency\n    taxLabel\n    reverseCharge\n    creditedInvoiceNumber\n    pdfUrl\n  }\n"): (typeof documents)["\n  fragment InvoiceListFields on Invoice {\n    id\n    number\n    kind\n    issuedAt\n    net\n    tax\n    total\n    currency\n    taxLabel\n    reverseCharge\n    creditedInvoiceNumber\n    pdfUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invoices($first: Int, $after: String) {\n    invoices(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...InvoiceListFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invoices($first: Int, $after: String) {\n    invoices(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...InvoiceListFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletStatement($walletId: ID!, $month: String) {\n    statement(walletId: $walletId, month: $month) {\n      walletId\n      month\n      currency\n      timeZone\n      openingBalance\n      credits {\n        kind\n        amount\n        transactions\n      }\n      debits {\n        kind\n        amount\n        transactions\n      }\n      totalCredits\n      totalDebits\n      closingBalance\n      pdfUrl\n      csvUrl\n    }\n  }\n"): (typeof documents)["\n  query WalletStatement($walletId: ID!, $month: String) {\n    statement(walletId: $walletId, month: $month) {\n      walletId\n      month\n      currency\n      timeZone\n      openingBalance\n      credits {\n        kind\n        amount\n        transactions\n      }\n      debits {\n        kind\n        amount\n        transactions\n      }\n      totalCredits\n      totalDebits\n      closingBalance\n      pdfUrl\n      csvUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageCampaigns($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          id\n          name\n          walletId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageCampaigns($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          id\n          name\n          walletId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EstimateMessage($input: EstimateMessageInput!) {\n    estimateMessage(input: $input) {\n      currency\n      encoding\n      characters\n      units\n      segments\n      recipients {\n        to\n        prefix\n        perSegment\n        price\n      }\n      total\n    }\n  }\n"): (typeof documents)["\n  query EstimateMessage($input: EstimateMessageInput!) {\n    estimateMessage(input: $input) {\n      currency\n      encoding\n      characters\n      units\n      segments\n      recipients {\n        to\n        prefix\n        perSegment\n        price\n      }\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Messages($walletId: ID!, $campaignId: ID, $status: MessageStatus, $first: Int!, $after: String) {\n    messages(walletId: $walletId, campaignId: $campaignId, status: $status, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          campaignId\n          direction\n          from\n          to\n          segments\n          encoding\n          price\n          hold\n          status\n          createdAt\n          finalizedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Messages($walletId: ID!, $campaignId: ID, $status: MessageStatus, $first: Int!, $after: String) {\n    messages(walletId: $walletId, campaignId: $campaignId, status: $status, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          campaignId\n          direction\n          from\n          to\n          segments\n          encoding\n          price\n          hold\n          status\n          createdAt\n          finalizedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmsRatePlans {\n    ratePlans {\n      id\n      name\n      currency\n      rates {\n        prefix\n        smsPerSegment\n      }\n    }\n  }\n"): (typeof documents)["\n  query SmsRatePlans {\n    ratePlans {\n      id\n      name\n      currency\n      rates {\n        prefix\n        smsPerSegment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    me {\n      user {\n        id\n        email\n        notificationPreferences {\n          kind\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    me {\n      user {\n        id\n        email\n        notificationPreferences {\n          kind\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) {\n      preference {\n        kind\n        email\n      }\n      preferences {\n        kind\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {\n    setNotificationPreference(input: $input) {\n      preference {\n        kind\n        email\n      }\n      preferences {\n        kind\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageReport($accountId: ID!, $period: UsagePeriod!, $from: DateTime) {\n    usageReport(accountId: $accountId, period: $period, from: $from) {\n      accountId\n      period\n      label\n      timeZone\n      wallets {\n        walletId\n        currency\n        opening\n        closing\n        spent\n        other\n        byKind {\n          key\n          label\n          transactions\n          amount\n        }\n        byCampaign {\n          key\n          label\n          amount\n        }\n        byCountry {\n          key\n          label\n          amount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageReport($accountId: ID!, $period: UsagePeriod!, $from: DateTime) {\n    usageReport(accountId: $accountId, period: $period, from: $from) {\n      accountId\n      period\n      label\n      timeZone\n      wallets {\n        walletId\n        currency\n        opening\n        closing\n        spent\n        other\n        byKind {\n          key\n          label\n          transactions\n          amount\n        }\n        byCampaign {\n          key\n          label\n          amount\n        }\n        byCountry {\n          key\n          label\n          amount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailablePhoneNumbers($walletId: ID!, $ratePlanId: ID!, $startsWith: String, $first: Int) {\n    availablePhoneNumbers(walletId: $walletId, ratePlanId: $ratePlanId, startsWith: $startsWith, first: $first) {\n      number\n      ratePrefix\n      currency\n      purchasePrice\n      monthlyPrice\n      firstCharge\n      firstRenewalAt\n      refundableUntil\n    }\n  }\n"): (typeof documents)["\n  query AvailablePhoneNumbers($walletId: ID!, $ratePlanId: ID!, $startsWith: String, $first: Int) {\n    availablePhoneNumbers(walletId: $walletId, ratePlanId: $ratePlanId, startsWith: $startsWith, first: $first) {\n      number\n      ratePrefix\n      currency\n      purchasePrice\n      monthlyPrice\n      firstCharge\n      firstRenewalAt\n      refundableUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InboundCalls($walletId: ID!, $first: Int!) {\n    inboundCalls(walletId: $walletId, first: $first) {\n      edges {\n        node {\n          id\n          direction\n          from\n          to\n          status\n          endReason\n          startedAt\n          billedSeconds\n          cost\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InboundCalls($walletId: ID!, $first: Int!) {\n    inboundCalls(walletId: $walletId, first: $first) {\n      edges {\n        node {\n          id\n          direction\n          from\n          to\n          status\n          endReason\n          startedAt\n          billedSeconds\n          cost\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NumberRatePlans {\n    ratePlans {\n      id\n      name\n      currency\n      rates {\n        prefix\n        numberPurchase\n        numberMonthly\n      }\n    }\n  }\n"): (typeof documents)["\n  query NumberRatePlans {\n    ratePlans {\n      id\n      name\n      currency\n      rates {\n        prefix\n        numberPurchase\n        numberMonthly\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PhoneNumberRowFields on PhoneNumber {\n    id\n    number\n    status\n    purchasePrice\n    monthlyPrice\n    purchasedAt\n    renewsAt\n    graceUntil\n    owedAmount\n    owedSince\n    releasedAt\n    releaseReason\n    periodsPaid\n    refundable\n    refundableUntil\n  }\n"): (typeof documents)["\n  fragment PhoneNumberRowFields on PhoneNumber {\n    id\n    number\n    status\n    purchasePrice\n    monthlyPrice\n    purchasedAt\n    renewsAt\n    graceUntil\n    owedAmount\n    owedSince\n    releasedAt\n    releaseReason\n    periodsPaid\n    refundable\n    refundableUntil\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PhoneNumbers($walletId: ID!, $first: Int!, $after: String) {\n    phoneNumbers(walletId: $walletId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...PhoneNumberRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PhoneNumbers($walletId: ID!, $first: Int!, $after: String) {\n    phoneNumbers(walletId: $walletId, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...PhoneNumberRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseNumber($input: PurchaseNumberInput!) {\n    purchaseNumber(input: $input) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PurchaseNumber($input: PurchaseNumberInput!) {\n    purchaseNumber(input: $input) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundNumber($id: ID!) {\n    refundNumber(id: $id) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefundNumber($id: ID!) {\n    refundNumber(id: $id) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseNumber($id: ID!) {\n    releaseNumber(id: $id) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReleaseNumber($id: ID!) {\n    releaseNumber(id: $id) {\n      phoneNumber {\n        ...PhoneNumberRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OverviewWalletFields on Wallet {\n    id\n    currency\n    balance\n    reserved\n    available\n    status\n    sequence\n    burn {\n      ratePerMinute\n      timeToEmptySeconds\n      limitedBy\n      limitReachedInSeconds\n      spendCap {\n        period\n        scope\n        reachedInSeconds\n        resetsAt\n      }\n      activeCalls\n      meteredPerMinute\n      windowUsage\n      windowSeconds\n      coveredSeconds\n      planFeesPerMinute\n    }\n    autoRecharge {\n      walletId\n      enabled\n      threshold\n      target\n      pausedReason\n    }\n    lowBalanceThresholds\n  }\n"): (typeof documents)["\n  fragment OverviewWalletFields on Wallet {\n    id\n    currency\n    balance\n    reserved\n    available\n    status\n    sequence\n    burn {\n      ratePerMinute\n      timeToEmptySeconds\n      limitedBy\n      limitReachedInSeconds\n      spendCap {\n        period\n        scope\n        reachedInSeconds\n        resetsAt\n      }\n      activeCalls\n      meteredPerMinute\n      windowUsage\n      windowSeconds\n      coveredSeconds\n      planFeesPerMinute\n    }\n    autoRecharge {\n      walletId\n      enabled\n      threshold\n      target\n      pausedReason\n    }\n    lowBalanceThresholds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverviewWalletUpdated($walletId: ID!) {\n    walletUpdated(walletId: $walletId) {\n      ...OverviewWalletFields\n    }\n  }\n"): (typeof documents)["\n  subscription OverviewWalletUpdated($walletId: ID!) {\n    walletUpdated(walletId: $walletId) {\n      ...OverviewWalletFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OverviewCampaignFields on Campaign {\n    id\n    walletId\n    name\n    status\n    activeCalls\n    version\n  }\n"): (typeof documents)["\n  fragment OverviewCampaignFields on Campaign {\n    id\n    walletId\n    name\n    status\n    activeCalls\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewCampaigns($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          ...OverviewCampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewCampaigns($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          ...OverviewCampaignFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverviewCampaignUpdated($campaignId: ID!) {\n    campaignUpdated(campaignId: $campaignId) {\n      ...OverviewCampaignFields\n    }\n  }\n"): (typeof documents)["\n  subscription OverviewCampaignUpdated($campaignId: ID!) {\n    campaignUpdated(campaignId: $campaignId) {\n      ...OverviewCampaignFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentTransactions($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      sequence\n      transactions(first: $first) {\n        edges {\n          node {\n            ...TransactionRowFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecentTransactions($walletId: ID!, $first: Int!) {\n    wallet(id: $walletId) {\n      id\n      sequence\n      transactions(first: $first) {\n        edges {\n          node {\n            ...TransactionRowFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OverviewAlertFields on Alert {\n    id\n    sequence: position\n    kind\n    severity\n    walletId\n    campaignId\n    message\n    raisedAt\n    acknowledgedAt\n  }\n"): (typeof documents)["\n  fragment OverviewAlertFields on Alert {\n    id\n    sequence: position\n    kind\n    severity\n    walletId\n    campaignId\n    message\n    raisedAt\n    acknowledgedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewAlerts($first: Int!) {\n    unacknowledged: alerts(acknowledged: false, first: $first) {\n      edges {\n        node {\n          ...OverviewAlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n      acknowledgedThrough\n    }\n    newest: alerts(first: 1) {\n      edges {\n        node {\n          id\n          sequence: position\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OverviewAlerts($first: Int!) {\n    unacknowledged: alerts(acknowledged: false, first: $first) {\n      edges {\n        node {\n          ...OverviewAlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n      acknowledgedThrough\n    }\n    newest: alerts(first: 1) {\n      edges {\n        node {\n          id\n          sequence: position\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverviewAlertRaised($afterSequence: String) {\n    alertRaised(afterPosition: $afterSequence) {\n      ...OverviewAlertFields\n    }\n  }\n"): (typeof documents)["\n  subscription OverviewAlertRaised($afterSequence: String) {\n    alertRaised(afterPosition: $afterSequence) {\n      ...OverviewAlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverviewAlertAcknowledged($afterAcknowledgementPosition: String) {\n    alertAcknowledged(afterAcknowledgementPosition: $afterAcknowledgementPosition) {\n      id\n      acknowledgementPosition\n    }\n  }\n"): (typeof documents)["\n  subscription OverviewAlertAcknowledged($afterAcknowledgementPosition: String) {\n    alertAcknowledged(afterAcknowledgementPosition: $afterAcknowledgementPosition) {\n      id\n      acknowledgementPosition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OverviewAcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      alert {\n        ...OverviewAlertFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OverviewAcknowledgeAlert($id: ID!) {\n    acknowledgeAlert(id: $id) {\n      alert {\n        ...OverviewAlertFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelPlanSubscription($id: ID!) {\n    cancelPlanSubscription(id: $id) {\n      subscription {\n        ...PlanSubscriptionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelPlanSubscription($id: ID!) {\n    cancelPlanSubscription(id: $id) {\n      subscription {\n        ...PlanSubscriptionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubscriptionPlanFields on SubscriptionPlan {\n    id\n    name\n    currency\n    monthlyFee\n    includedMinutes\n    overagePerMinute\n  }\n"): (typeof documents)["\n  fragment SubscriptionPlanFields on SubscriptionPlan {\n    id\n    name\n    currency\n    monthlyFee\n    includedMinutes\n    overagePerMinute\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanSubscriptionFields on PlanSubscription {\n    id\n    walletId\n    status\n    periodStart\n    periodEnd\n    allowanceSeconds\n    usedSeconds\n    reservedSeconds\n    remainingSeconds\n    endedAt\n    overageThisPeriod {\n      seconds\n      cost\n    }\n    plan {\n      ...SubscriptionPlanFields\n    }\n  }\n"): (typeof documents)["\n  fragment PlanSubscriptionFields on PlanSubscription {\n    id\n    walletId\n    status\n    periodStart\n    periodEnd\n    allowanceSeconds\n    usedSeconds\n    reservedSeconds\n    remainingSeconds\n    endedAt\n    overageThisPeriod {\n      seconds\n      cost\n    }\n    plan {\n      ...SubscriptionPlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletPlan($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      planSubscription {\n        ...PlanSubscriptionFields\n      }\n    }\n    subscriptionPlans {\n      ...SubscriptionPlanFields\n    }\n  }\n"): (typeof documents)["\n  query WalletPlan($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      planSubscription {\n        ...PlanSubscriptionFields\n      }\n    }\n    subscriptionPlans {\n      ...SubscriptionPlanFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeToPlan($input: SubscribeToPlanInput!) {\n    subscribeToPlan(input: $input) {\n      subscription {\n        ...PlanSubscriptionFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubscribeToPlan($input: SubscribeToPlanInput!) {\n    subscribeToPlan(input: $input) {\n      subscription {\n        ...PlanSubscriptionFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SenderIdRowFields on SenderId {\n    id\n    sender\n    status\n    monthlyFee\n    decisionReason\n    decidedAt\n    periodsPaid\n    renewsAt\n    graceUntil\n    cancelReason\n    createdAt\n  }\n"): (typeof documents)["\n  fragment SenderIdRowFields on SenderId {\n    id\n    sender\n    status\n    monthlyFee\n    decisionReason\n    decidedAt\n    periodsPaid\n    renewsAt\n    graceUntil\n    cancelReason\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SenderIds($first: Int!) {\n    senderIds(first: $first) {\n      edges {\n        node {\n          ...SenderIdRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query SenderIds($first: Int!) {\n    senderIds(first: $first) {\n      edges {\n        node {\n          ...SenderIdRowFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterSenderId($input: RegisterSenderIdInput!) {\n    registerSenderId(input: $input) {\n      senderId {\n        ...SenderIdRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterSenderId($input: RegisterSenderIdInput!) {\n    registerSenderId(input: $input) {\n      senderId {\n        ...SenderIdRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSenderId($id: ID!) {\n    cancelSenderId(id: $id) {\n      senderId {\n        ...SenderIdRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CancelSenderId($id: ID!) {\n    cancelSenderId(id: $id) {\n      senderId {\n        ...SenderIdRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BalanceAlertThresholdsFields on Wallet {\n    id\n    lowBalanceThresholds\n  }\n"): (typeof documents)["\n  fragment BalanceAlertThresholdsFields on Wallet {\n    id\n    lowBalanceThresholds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPaymentMethod($input: AddPaymentMethodInput!) {\n    addPaymentMethod(input: $input) {\n      status\n      setupIntentId\n      clientSecret\n      failureReason\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddPaymentMethod($input: AddPaymentMethodInput!) {\n    addPaymentMethod(input: $input) {\n      status\n      setupIntentId\n      clientSecret\n      failureReason\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyRowFields on ApiKey {\n    id\n    name\n    role\n    prefix\n    createdAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiKeyRowFields on ApiKey {\n    id\n    name\n    role\n    prefix\n    createdAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($accountId: ID!) {\n    account(id: $accountId) {\n      id\n      apiKeys {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($accountId: ID!) {\n    account(id: $accountId) {\n      id\n      apiKeys {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialInUse {\n    me {\n      apiKeyId\n    }\n  }\n"): (typeof documents)["\n  query CredentialInUse {\n    me {\n      apiKeyId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AutoRechargeFields on AutoRecharge {\n    walletId\n    enabled\n    threshold\n    target\n    inFlightTopUpId\n    lastAttemptAt\n    consecutiveFailures\n    pausedAt\n    pausedReason\n    monthlyEnabled\n    monthlyDay\n    monthlyAmount\n  }\n"): (typeof documents)["\n  fragment AutoRechargeFields on AutoRecharge {\n    walletId\n    enabled\n    threshold\n    target\n    inFlightTopUpId\n    lastAttemptAt\n    consecutiveFailures\n    pausedAt\n    pausedReason\n    monthlyEnabled\n    monthlyDay\n    monthlyAmount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletFunding($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      currency\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalletFunding($walletId: ID!) {\n    wallet(id: $walletId) {\n      id\n      currency\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletBalanceAlerts($walletId: ID!) {\n    wallet(id: $walletId) {\n      ...BalanceAlertThresholdsFields\n    }\n  }\n"): (typeof documents)["\n  query WalletBalanceAlerts($walletId: ID!) {\n    wallet(id: $walletId) {\n      ...BalanceAlertThresholdsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey\n      key {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey\n      key {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePaymentMethod($id: ID!) {\n    removePaymentMethod(id: $id) {\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePaymentMethod($id: ID!) {\n    removePaymentMethod(id: $id) {\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      key {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      key {\n        ...ApiKeyRowFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccountTimezone($timezone: String!) {\n    setAccountTimezone(timezone: $timezone) {\n      accountId\n      timezone\n    }\n  }\n"): (typeof documents)["\n  mutation SetAccountTimezone($timezone: String!) {\n    setAccountTimezone(timezone: $timezone) {\n      accountId\n      timezone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetAutoRecharge($input: SetAutoRechargeInput!) {\n    setAutoRecharge(input: $input) {\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDefaultPaymentMethod($id: ID!) {\n    setDefaultPaymentMethod(id: $id) {\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetDefaultPaymentMethod($id: ID!) {\n    setDefaultPaymentMethod(id: $id) {\n      paymentMethod {\n        ...SavedCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLowBalanceThresholds($input: SetLowBalanceThresholdsInput!) {\n    setLowBalanceThresholds(input: $input) {\n      thresholds\n      wallet {\n        ...BalanceAlertThresholdsFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetLowBalanceThresholds($input: SetLowBalanceThresholdsInput!) {\n    setLowBalanceThresholds(input: $input) {\n      thresholds\n      wallet {\n        ...BalanceAlertThresholdsFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMonthlyRecharge($input: SetMonthlyRechargeInput!) {\n    setMonthlyRecharge(input: $input) {\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetMonthlyRecharge($input: SetMonthlyRechargeInput!) {\n    setMonthlyRecharge(input: $input) {\n      autoRecharge {\n        ...AutoRechargeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSpendCaps($input: SetSpendCapsInput!) {\n    setSpendCaps(input: $input) {\n      spendCap {\n        scope\n        walletId\n        currency\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetSpendCaps($input: SetSpendCapsInput!) {\n    setSpendCaps(input: $input) {\n      spendCap {\n        scope\n        walletId\n        currency\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SpendCapPeriodFields on SpendCapPeriod {\n    cap\n    spent\n    startsOn\n    resetsAt\n  }\n"): (typeof documents)["\n  fragment SpendCapPeriodFields on SpendCapPeriod {\n    cap\n    spent\n    startsOn\n    resetsAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SpendCaps {\n    spendCaps {\n      accountId\n      timezone\n      caps {\n        scope\n        walletId\n        currency\n        daily {\n          ...SpendCapPeriodFields\n        }\n        monthly {\n          ...SpendCapPeriodFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SpendCaps {\n    spendCaps {\n      accountId\n      timezone\n      caps {\n        scope\n        walletId\n        currency\n        daily {\n          ...SpendCapPeriodFields\n        }\n        monthly {\n          ...SpendCapPeriodFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportAccountSearch($search: String, $first: Int, $after: String) {\n    accounts(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          createdAt\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupportAccountSearch($search: String, $first: Int, $after: String) {\n    accounts(search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          createdAt\n          status\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingSenderIds($first: Int!) {\n    pendingSenderIds(first: $first) {\n      accountName\n      senderId {\n        id\n        accountId\n        sender\n        status\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingSenderIds($first: Int!) {\n    pendingSenderIds(first: $first) {\n      accountName\n      senderId {\n        id\n        accountId\n        sender\n        status\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveSenderId($input: DecideSenderIdInput!) {\n    approveSenderId(input: $input) {\n      senderId {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveSenderId($input: DecideSenderIdInput!) {\n    approveSenderId(input: $input) {\n      senderId {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSenderId($input: DecideSenderIdInput!) {\n    rejectSenderId(input: $input) {\n      senderId {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectSenderId($input: DecideSenderIdInput!) {\n    rejectSenderId(input: $input) {\n      senderId {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportAlertFeed($accountId: ID, $kinds: [AlertKind!], $first: Int!) {\n    unacknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: false, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n      acknowledgedThrough\n    }\n    acknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: true, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupportAlertFeed($accountId: ID, $kinds: [AlertKind!], $first: Int!) {\n    unacknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: false, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n      acknowledgedThrough\n    }\n    acknowledged: alerts(accountId: $accountId, kinds: $kinds, acknowledged: true, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SupportAlertRaised($accountId: ID, $kinds: [AlertKind!], $afterPosition: String) {\n    alertRaised(accountId: $accountId, kinds: $kinds, afterPosition: $afterPosition) {\n      ...SupportAlertFields\n    }\n  }\n"): (typeof documents)["\n  subscription SupportAlertRaised($accountId: ID, $kinds: [AlertKind!], $afterPosition: String) {\n    alertRaised(accountId: $accountId, kinds: $kinds, afterPosition: $afterPosition) {\n      ...SupportAlertFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SupportAlertAcknowledged($accountId: ID, $kinds: [AlertKind!], $afterAcknowledgementPosition: String) {\n    alertAcknowledged(accountId: $accountId, kinds: $kinds, afterAcknowledgementPosition: $afterAcknowledgementPosition) {\n      ...SupportAlertFields\n      acknowledgementPosition\n    }\n  }\n"): (typeof documents)["\n  subscription SupportAlertAcknowledged($accountId: ID, $kinds: [AlertKind!], $afterAcknowledgementPosition: String) {\n    alertAcknowledged(accountId: $accountId, kinds: $kinds, afterAcknowledgementPosition: $afterAcknowledgementPosition) {\n      ...SupportAlertFields\n      acknowledgementPosition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportRefundRequests($statuses: [RefundRequestStatus!], $first: Int!) {\n    refundRequests(statuses: $statuses, first: $first) {\n      id\n      accountId\n      accountName\n      walletId\n      currency\n      amount\n      reason\n      status\n      declineReason\n      failureReason\n      failedAmount\n      failedAt\n      attempts\n      createdAt\n      decidedAt\n      requestedBy {\n        kind\n        id\n        name\n        email\n        role\n        staff\n      }\n      decidedBy {\n        kind\n        id\n        name\n        email\n        role\n        staff\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupportRefundRequests($statuses: [RefundRequestStatus!], $first: Int!) {\n    refundRequests(statuses: $statuses, first: $first) {\n      id\n      accountId\n      accountName\n      walletId\n      currency\n      amount\n      reason\n      status\n      declineReason\n      failureReason\n      failedAmount\n      failedAt\n      attempts\n      createdAt\n      decidedAt\n      requestedBy {\n        kind\n        id\n        name\n        email\n        role\n        staff\n      }\n      decidedBy {\n        kind\n        id\n        name\n        email\n        role\n        staff\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportApproveRefundRequest($id: ID!) {\n    approveRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n        transactionId\n      }\n      wallet {\n        id\n        balance\n        refundable\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportApproveRefundRequest($id: ID!) {\n    approveRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n        transactionId\n      }\n      wallet {\n        id\n        balance\n        refundable\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportRetryRefundRequest($id: ID!) {\n    retryRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n        failureReason\n        failedAmount\n        attempts\n      }\n      wallet {\n        id\n        balance\n        refundable\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportRetryRefundRequest($id: ID!) {\n    retryRefundRequest(id: $id) {\n      refundRequest {\n        id\n        status\n        failureReason\n        failedAmount\n        attempts\n      }\n      wallet {\n        id\n        balance\n        refundable\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportDeclineRefundRequest($input: DeclineRefundRequestInput!) {\n    declineRefundRequest(input: $input) {\n      refundRequest {\n        id\n        status\n        declineReason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportDeclineRefundRequest($input: DeclineRefundRequestInput!) {\n    declineRefundRequest(input: $input) {\n      refundRequest {\n        id\n        status\n        declineReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportAccount($accountId: ID!, $first: Int!) {\n    account(id: $accountId) {\n      id\n      name\n      createdAt\n      status\n      closedAt\n      wallets {\n        id\n        currency\n        balance\n        reserved\n        available\n        sequence\n        status\n        suspendedAt\n        refundable\n        transactions(first: $first) {\n          edges {\n            node {\n              id\n              sequence\n              type\n              kind\n              amount\n              balanceAfter\n              description\n              status\n              createdAt\n              actor {\n                ...SupportActorFields\n              }\n            }\n          }\n        }\n        bankTransfers(first: $first) {\n          id\n          amount\n          reference\n          status\n          expectedBy\n          createdAt\n          settledAt\n          recordedBy {\n            ...SupportActorFields\n          }\n          settledBy {\n            ...SupportActorFields\n          }\n        }\n      }\n    }\n    senderIds(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          id\n          walletId\n          sender\n          status\n          monthlyFee\n          decisionReason\n          renewsAt\n          graceUntil\n          cancelReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    campaigns(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          id\n          walletId\n          name\n          status\n          budget\n          spent\n          activeCalls\n          createdAt\n        }\n      }\n    }\n    alerts(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupportAccount($accountId: ID!, $first: Int!) {\n    account(id: $accountId) {\n      id\n      name\n      createdAt\n      status\n      closedAt\n      wallets {\n        id\n        currency\n        balance\n        reserved\n        available\n        sequence\n        status\n        suspendedAt\n        refundable\n        transactions(first: $first) {\n          edges {\n            node {\n              id\n              sequence\n              type\n              kind\n              amount\n              balanceAfter\n              description\n              status\n              createdAt\n              actor {\n                ...SupportActorFields\n              }\n            }\n          }\n        }\n        bankTransfers(first: $first) {\n          id\n          amount\n          reference\n          status\n          expectedBy\n          createdAt\n          settledAt\n          recordedBy {\n            ...SupportActorFields\n          }\n          settledBy {\n            ...SupportActorFields\n          }\n        }\n      }\n    }\n    senderIds(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          id\n          walletId\n          sender\n          status\n          monthlyFee\n          decisionReason\n          renewsAt\n          graceUntil\n          cancelReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    campaigns(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          id\n          walletId\n          name\n          status\n          budget\n          spent\n          activeCalls\n          createdAt\n        }\n      }\n    }\n    alerts(accountId: $accountId, first: $first) {\n      edges {\n        node {\n          ...SupportAlertFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportGrantCredit($input: GrantCreditInput!) {\n    grantCredit(input: $input) {\n      transaction {\n        id\n        amount\n      }\n      wallet {\n        id\n        balance\n        available\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportGrantCredit($input: GrantCreditInput!) {\n    grantCredit(input: $input) {\n      transaction {\n        id\n        amount\n      }\n      wallet {\n        id\n        balance\n        available\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportAdjustWallet($input: AdjustWalletInput!) {\n    adjustWallet(input: $input) {\n      transaction {\n        id\n        amount\n        type\n      }\n      wallet {\n        id\n        balance\n        available\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportAdjustWallet($input: AdjustWalletInput!) {\n    adjustWallet(input: $input) {\n      transaction {\n        id\n        amount\n        type\n      }\n      wallet {\n        id\n        balance\n        available\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportRefundUnusedCredit($input: RefundUnusedCreditInput!) {\n    refundUnusedCredit(input: $input) {\n      transaction {\n        id\n        amount\n      }\n      wallet {\n        id\n        balance\n        available\n        refundable\n      }\n      refunds {\n        id\n        cardAmount\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportRefundUnusedCredit($input: RefundUnusedCreditInput!) {\n    refundUnusedCredit(input: $input) {\n      transaction {\n        id\n        amount\n      }\n      wallet {\n        id\n        balance\n        available\n        refundable\n      }\n      refunds {\n        id\n        cardAmount\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportRecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      bankTransfer {\n        id\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportRecordBankTransfer($input: RecordBankTransferInput!) {\n    recordBankTransfer(input: $input) {\n      bankTransfer {\n        id\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportCompleteBankTransfer($id: ID!) {\n    completeBankTransfer(id: $id) {\n      bankTransfer {\n        id\n        status\n        settledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportCompleteBankTransfer($id: ID!) {\n    completeBankTransfer(id: $id) {\n      bankTransfer {\n        id\n        status\n        settledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportCancelBankTransfer($id: ID!) {\n    cancelBankTransfer(id: $id) {\n      bankTransfer {\n        id\n        status\n        settledAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportCancelBankTransfer($id: ID!) {\n    cancelBankTransfer(id: $id) {\n      bankTransfer {\n        id\n        status\n        settledAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupportAlertFields on Alert {\n    id\n    position\n    kind\n    severity\n    accountId\n    walletId\n    campaignId\n    message\n    raisedAt\n    acknowledgedAt\n    acknowledger {\n      ...SupportActorFields\n    }\n  }\n"): (typeof documents)["\n  fragment SupportAlertFields on Alert {\n    id\n    position\n    kind\n    severity\n    accountId\n    walletId\n    campaignId\n    message\n    raisedAt\n    acknowledgedAt\n    acknowledger {\n      ...SupportActorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupportActorFields on Actor {\n    kind\n    id\n    role\n    name\n    email\n    staff\n  }\n"): (typeof documents)["\n  fragment SupportActorFields on Actor {\n    kind\n    id\n    role\n    name\n    email\n    staff\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SupportAcknowledgeAlerts($ids: [ID!]!) {\n    acknowledgeAlerts(ids: $ids) {\n      alerts {\n        ...SupportAlertFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SupportAcknowledgeAlerts($ids: [ID!]!) {\n    acknowledgeAlerts(ids: $ids) {\n      alerts {\n        ...SupportAlertFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      user {\n        ...TeamMemberFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) {\n      user {\n        ...TeamMemberFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      token\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) {\n      token\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      invitation {\n        ...TeamInvitationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamMemberFields on User {\n    id\n    name\n    email\n    role\n    createdAt\n  }\n"): (typeof documents)["\n  fragment TeamMemberFields on User {\n    id\n    name\n    email\n    role\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamInvitationFields on Invitation {\n    id\n    email\n    role\n    status\n    sentAt\n    sendCount\n    expiresAt\n  }\n"): (typeof documents)["\n  fragment TeamInvitationFields on Invitation {\n    id\n    email\n    role\n    status\n    sentAt\n    sendCount\n    expiresAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team($accountId: ID!) {\n    team(accountId: $accountId) {\n      accountId\n      members {\n        ...TeamMemberFields\n      }\n      invitations {\n        ...TeamInvitationFields\n      }\n    }\n    me {\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query Team($accountId: ID!) {\n    team(accountId: $accountId) {\n      accountId\n      members {\n        ...TeamMemberFields\n      }\n      invitations {\n        ...TeamInvitationFields\n      }\n    }\n    me {\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CampaignOptionFields on Campaign {\n    id\n    name\n    walletId\n    status\n  }\n"): (typeof documents)["\n  fragment CampaignOptionFields on Campaign {\n    id\n    name\n    walletId\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CampaignOptions($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          ...CampaignOptionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query CampaignOptions($first: Int!) {\n    campaigns(first: $first) {\n      edges {\n        node {\n          ...CampaignOptionFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DashboardPrincipalFields on Principal {\n    role\n    accountId\n    user {\n      id\n      email\n      emailVerified\n    }\n    account {\n      id\n      name\n      wallets {\n        ...WalletSummaryFields\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DashboardPrincipalFields on Principal {\n    role\n    accountId\n    user {\n      id\n      email\n      emailVerified\n    }\n    account {\n      id\n      name\n      wallets {\n        ...WalletSummaryFields\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...DashboardPrincipalFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...DashboardPrincipalFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TransactionDocumentFields on Transaction {\n    invoice {\n      id\n      kind\n      number\n      pdfUrl\n    }\n  }\n"): (typeof documents)["\n  fragment TransactionDocumentFields on Transaction {\n    invoice {\n      id\n      kind\n      number\n      pdfUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WalletTransactions(\n    $walletId: ID!\n    $first: Int!\n    $after: String\n    $type: TransactionType\n    $kind: TransactionKind\n    $status: TransactionStatus\n    $from: DateTime\n    $to: DateTime\n    $campaignId: ID\n  ) {\n    wallet(id: $walletId) {\n      id\n      sequence\n      transactions(first: $first, after: $after, type: $type, kind: $kind, status: $status, from: $from, to: $to, campaignId: $campaignId) {\n        edges {\n          cursor\n          node {\n            ...TransactionRowFields\n            ...TransactionDocumentFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WalletTransactions(\n    $walletId: ID!\n    $first: Int!\n    $after: String\n    $type: TransactionType\n    $kind: TransactionKind\n    $status: TransactionStatus\n    $from: DateTime\n    $to: DateTime\n    $campaignId: ID\n  ) {\n    wallet(id: $walletId) {\n      id\n      sequence\n      transactions(first: $first, after: $after, type: $type, kind: $kind, status: $status, from: $from, to: $to, campaignId: $campaignId) {\n        edges {\n          cursor\n          node {\n            ...TransactionRowFields\n            ...TransactionDocumentFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWallet($input: CreateWalletInput!) {\n    createWallet(input: $input) {\n      wallet {\n        ...WalletSummaryFields\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWallet($input: CreateWalletInput!) {\n    createWallet(input: $input) {\n      wallet {\n        ...WalletSummaryFields\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshTopUp($id: ID!) {\n    refreshTopUp(id: $id) {\n      topUp {\n        ...TopUpFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshTopUp($id: ID!) {\n    refreshTopUp(id: $id) {\n      topUp {\n        ...TopUpFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReceiptFields on Receipt {\n    receiptNumber\n    transactionId\n    topUpId\n    amount\n    tax\n    taxRate\n    taxLabel\n    total\n    currency\n    paidAt\n    cardBrand\n    cardLast4\n    paymentIntentId\n  }\n"): (typeof documents)["\n  fragment ReceiptFields on Receipt {\n    receiptNumber\n    transactionId\n    topUpId\n    amount\n    tax\n    taxRate\n    taxLabel\n    total\n    currency\n    paidAt\n    cardBrand\n    cardLast4\n    paymentIntentId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TopUpFields on TopUp {\n    id\n    walletId\n    status\n    currency\n    amount\n    tax\n    taxRate\n    taxLabel\n    total\n    clientSecret\n    paymentIntentId\n    cardBrand\n    cardLast4\n    failureCode\n    failureReason\n    updatedAt\n    receipt {\n      ...ReceiptFields\n    }\n  }\n"): (typeof documents)["\n  fragment TopUpFields on TopUp {\n    id\n    walletId\n    status\n    currency\n    amount\n    tax\n    taxRate\n    taxLabel\n    total\n    clientSecret\n    paymentIntentId\n    cardBrand\n    cardLast4\n    failureCode\n    failureReason\n    updatedAt\n    receipt {\n      ...ReceiptFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TopUp($input: TopUpInput!) {\n    topUp(input: $input) {\n      topUp {\n        ...TopUpFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TopUp($input: TopUpInput!) {\n    topUp(input: $input) {\n      topUp {\n        ...TopUpFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TopUpQuoteFields on TopUpQuote {\n    walletId\n    currency\n    amount\n    tax\n    taxRate\n    taxTreatment\n    taxLabel\n    total\n    minimum\n  }\n"): (typeof documents)["\n  fragment TopUpQuoteFields on TopUpQuote {\n    walletId\n    currency\n    amount\n    tax\n    taxRate\n    taxTreatment\n    taxLabel\n    total\n    minimum\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteTopUp($walletId: ID!, $amount: Money!) {\n    quoteTopUp(walletId: $walletId, amount: $amount) {\n      ...TopUpQuoteFields\n    }\n  }\n"): (typeof documents)["\n  query QuoteTopUp($walletId: ID!, $amount: Money!) {\n    quoteTopUp(walletId: $walletId, amount: $amount) {\n      ...TopUpQuoteFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    attemptCount\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    lastAttempt {\n      id\n      attemptedAt\n      statusCode\n      error\n      durationMs\n      succeeded\n    }\n  }\n"): (typeof documents)["\n  fragment WebhookDeliveryFields on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    attemptCount\n    nextAttemptAt\n    deliveredAt\n    createdAt\n    lastAttempt {\n      id\n      attemptedAt\n      statusCode\n      error\n      durationMs\n      succeeded\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...WebhookDeliveryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($id: ID!, $first: Int, $after: String) {\n    webhookEndpoint(id: $id) {\n      id\n      deliveries(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...WebhookDeliveryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      delivery {\n        ...WebhookDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      delivery {\n        ...WebhookDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      endpoint {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      endpoint {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookEndpointSecret($id: ID!) {\n    rotateWebhookEndpointSecret(id: $id) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookEndpointSecret($id: ID!) {\n    rotateWebhookEndpointSecret(id: $id) {\n      endpoint {\n        ...WebhookEndpointFields\n      }\n      secret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment WebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;