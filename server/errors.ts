/**
 * Expected failures: each a DomainError with a stable code that reaches GraphQL clients as
 * `extensions.code`. Anything that is not a DomainError is a bug or an outage and is masked.
 */

/**
 * Every `extensions.code` the API answers, each with what it means for a client. Defined once here:
 * the DomainErrors below, formatError and the transport use these codes, and the schema publishes
 * them as the `ErrorCode` enum (server/graphql/error-code.type.ts).
 */
export const ERROR_CODE_DESCRIPTIONS = {
  UNAUTHENTICATED:
    'No credential, or an unknown, revoked or expired one (HTTP 401). Send a valid API key (Authorization: Bearer …) or sign in again.',
  FORBIDDEN:
    'The caller is known but its role may not do this, or a session-cookie request came from another site (HTTP 403). Nothing was written.',
  NOT_FOUND:
    "Nothing of that id that the caller may see; another tenant's objects are answered so too. `extensions.id` echoes the id (at most 100 characters).",
  BAD_USER_INPUT:
    'An argument is malformed or out of its limits (a Money value that does not parse, a page size beyond its maximum, …). `extensions.field` names the ' +
    'input field at fault. Nothing was written.',
  INSUFFICIENT_FUNDS:
    "The wallet's available balance (balance − reserved) does not cover the debit, or a campaign's budget does not; nothing was written.",
  IDEMPOTENCY_KEY_REUSED:
    'The idempotency key was already used with other parameters or for another operation (`extensions.field` is "idempotencyKey"). Use a new key for a ' +
    'new request.',
  INVALID_STATE:
    "The object's current status does not allow the operation (e.g. pausing a completed campaign, completing a settled bank transfer). Nothing was written.",
  CAMPAIGN_NOT_RUNNING:
    'startCall on a campaign that is not RUNNING (`extensions.campaignId`, `extensions.status`): start it first. Nothing was written.',
  LIMIT_EXCEEDED:
    'A configured limit would be exceeded (calls active per account, recipients, saved cards, open subscriptions per socket, …): `extensions.limit` ' +
    'names the setting and `extensions.max` its value.',
  WALLET_SUSPENDED:
    'The wallet is SUSPENDED (it ran out) and has not been funded since: no new calls or messages until it is (`extensions.walletId`).',
  PAYMENT_PROVIDER_ERROR:
    'Stripe could not be reached or answered with an error that is not about the card; nothing was charged by us. Retrying with the same idempotency ' +
    'key is safe.',
  RATE_LIMITED:
    'A rate limit or lockout refused the request (HTTP 429 with Retry-After): `extensions.limit` names it and `extensions.retryAfterSeconds` says when ' +
    'to retry.',
  RESUME_WINDOW_EXCEEDED:
    'A subscription asked to resume from a position older than the server still keeps: nothing is replayed (`extensions.field`, `extensions.window`). ' +
    'Subscribe again without a resume position and re-read current state.',
  OPERATION_TIMEOUT:
    'The operation ran past its execution deadline (operationDeadlineMs, default 10 s); its remaining database work was not started (HTTP 503 with ' +
    'Retry-After, `extensions.retryable` true). A mutation may have committed: retry it with the same idempotency key.',
  SERVICE_UNAVAILABLE:
    'The database could not be reached or did not answer in time (restarting, a network fault, a statement or lock timeout): HTTP 503 with ' +
    'Retry-After, `extensions.retryable` true. A mutation may have committed: retry it with the same idempotency key.',
  OPERATION_IN_PROGRESS:
    'An earlier request with the same idempotency key is still running, or its outcome is not known yet (it was cut by its deadline or lost its ' +
    'database connection while the money moved): HTTP 503 with Retry-After, `extensions.retryable` true. This request wrote nothing: retry it with ' +
    'the same key to get the outcome once it is known.',
  QUERY_TOO_COMPLEX:
    'The operation is over a query limit (cost, depth, aliases, directives or tokens): `extensions.limit` names the setting and `extensions.max` its ' +
    'value (HTTP 400). Ask for less in one operation.',
  GRAPHQL_PARSE_FAILED: 'The query text is not valid GraphQL syntax (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED:
    'The operation does not fit the schema: an unknown field, a wrong argument type, a missing variable, … (HTTP 400).',
  BAD_REQUEST:
    'The HTTP request itself is malformed: a body that is not JSON, a missing query, a URL that is not valid percent-encoding, headers too large, … ' +
    '(HTTP 400).',
  OPERATION_RESOLUTION_FAILURE:
    'The request names an operationName the document does not contain, or sends several operations without naming one.',
  PERSISTED_QUERY_NOT_FOUND: 'Automatic persisted queries: the server does not know that hash yet. Send the query text with it once.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Automatic persisted queries are not enabled on this server: send the query text.',
  METHOD_NOT_ALLOWED: 'The HTTP method is not allowed on this path (HTTP 405): GraphQL takes POST (and GET for queries).',
  PAYLOAD_TOO_LARGE:
    'The request body is larger than the endpoint accepts (HTTP 413; requestBodyBytesMax, default 100,000 bytes, for /graphql).',
  UNSUPPORTED_MEDIA_TYPE: 'The request body has an unsupported content encoding or charset (HTTP 415): send UTF-8 JSON.',
  BUDGET_BELOW_SPENT:
    'updateCampaign asked for a budget below what the campaign has already committed (spent plus what its active calls and pending messages hold): ' +
    '`extensions.committed` says how much. Nothing was written.',
  INTERNAL_SERVER_ERROR:
    'Anything unexpected: a bug or an outage. The cause is logged on the server and masked in the answer. Retrying a mutation with the same idempotency ' +
    'key is safe.',
  INVITATION_NOT_PENDING:
    'resendInvitation or revokeInvitation on an invitation that is no longer open: `extensions.status` says why (ACCEPTED, REVOKED or EXPIRED) and ' +
    '`extensions.invitationId` which. Nothing was written; an expired invitation is replaced by inviting the person again.',
  SPEND_CAP_REACHED:
    'A daily or monthly spend cap (of the account in that currency, or of the wallet) does not allow this charge, call or message: ' +
    '`extensions.scope` (ACCOUNT or WALLET), `extensions.period` (DAY or MONTH), `extensions.cap`, `extensions.committed` and `extensions.resetsAt` ' +
    'say which cap and when it resets. Nothing was written.',
  REFUND_REQUEST_NOT_PENDING:
    'approveRefundRequest, declineRefundRequest or cancelRefundRequest on a request already decided: `extensions.status` says how (APPROVED, ' +
    'DECLINED or CANCELLED) and `extensions.refundRequestId` which. Nothing was written.',
  REFUND_EXCEEDS_REFUNDABLE:
    "The refund asked for is more than the wallet's unused paid credit now (`extensions.refundable`, `extensions.currency`): at approval, the " +
    'credit was spent meanwhile. Nothing was written; the request stays PENDING (decline it, or the owner cancels and asks again).',
  LAST_OWNER:
    'The change would leave the account without an active OWNER (demoting or removing its last one): make someone else an OWNER first. ' +
    'Nothing was written.',
  EMAIL_NOT_VERIFIED:
    'The account signed up by itself and its owner has not yet verified their e-mail address: topping up, calls, campaigns, messages, numbers ' +
    'and invitations wait for the link mailed at sign-up (resend it with POST /auth/resend-verification). Nothing was written.',
  SIGN_UP_DISABLED: 'The operator turned self-service sign-up off (SIGN_UP=0): POST /auth/sign-up answers 403. Nothing was written.',
  BILLING_CLOCK_BEHIND:
    'startCall, startCalls or startInboundCall while the billing clock is running late (the host is at its capacity): new calls wait so that ' +
    'the calls in progress keep their grants. HTTP 503 with Retry-After, `extensions.retryable` true; `extensions.behindMs` says how late, ' +
    '`extensions.limit` names the setting and `extensions.max` its value. Nothing was written: retry shortly, with the same idempotency key.',
  SENDER_ID_NOT_APPROVED:
    'sendMessage from an alphanumeric sender ID the account has not had approved, or whose registration was rejected or cancelled ' +
    '(`extensions.senderId`, `extensions.status`: NOT_REGISTERED, PENDING, REJECTED or CANCELLED). Register it with registerSenderId and wait for ' +
    'support to approve it, or send from a number. Nothing was written.',
} as const satisfies Record<string, string>;

/** Stable error codes a client may branch on. */
export type ErrorCode = keyof typeof ERROR_CODE_DESCRIPTIONS;

/** The codes by name, so code refers to `ErrorCode.NOT_FOUND` rather than a bare string. */
export const ErrorCode = Object.fromEntries(Object.keys(ERROR_CODE_DESCRIPTIONS).map((code) => [code, code])) as {
  readonly [C in ErrorCode]: C;
};

/** Base of every expected failure. `extensions` are copied into the GraphQL error's extensions. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly extensions: Record<string, unknown>;

  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.extensions = extensions;
  }
}

/** No credentials, unknown credentials or revoked credentials. */
export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
}

/** The caller is known but its role may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
}

/** Longest id echoed back in a NOT_FOUND error, in characters. */
const ID_ECHO_LENGTH_MAX = 100;

/** Nothing of that id that the caller may see (another tenant's objects are reported like this). */
export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(what: string, id: string) {
    // Echo a bounded id: the caller sent it, but a megabyte of it need not come back twice.
    const shown = id.length > ID_ECHO_LENGTH_MAX ? `${id.slice(0, ID_ECHO_LENGTH_MAX)}…` : id;
    super(`${what} "${shown}" not found`, { id: shown });
  }
}

/** A malformed or out-of-limit argument; `field` names the input field at fault. */
export class BadUserInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(field: string, message: string) {
    super(message, { field });
  }
}

/** The wallet's available balance does not cover the debit; nothing was written. */
export class InsufficientFundsError extends DomainError {
  readonly code = ErrorCode.INSUFFICIENT_FUNDS;
}

/** The idempotency key was already used with other parameters or for another operation. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = ErrorCode.IDEMPOTENCY_KEY_REUSED;
  constructor(key: string) {
    super(`Idempotency key "${key}" was already used with different parameters`, { field: 'idempotencyKey' });
  }
}

/** The object's current status does not allow the operation (e.g. pausing a completed campaign). */
export class InvalidStateError extends DomainError {
  readonly code = ErrorCode.INVALID_STATE;
}

/** startCall on a campaign that is not RUNNING (paused, stopped, completed or a draft); nothing was written. */
export class CampaignNotRunningError extends DomainError {
  readonly code = ErrorCode.CAMPAIGN_NOT_RUNNING;
  constructor(campaignId: string, status: string) {
    super(`Campaign "${campaignId}" is ${status}, not RUNNING: start it before placing calls`, { campaignId, status });
  }
}

/** A campaign's budget may not go below what it has already committed; nothing was written. */
export class BudgetBelowSpentError extends DomainError {
  readonly code = ErrorCode.BUDGET_BELOW_SPENT;
  constructor(message: string, committed: string) {
    super(message, { field: 'budget', committed });
  }
}

/** A configured limit would be exceeded; `limit` names the setting and `max` its value. */
export class LimitExceededError extends DomainError {
  readonly code = ErrorCode.LIMIT_EXCEEDED;
  constructor(message: string, limit: string, max: number) {
    super(message, { limit, max });
  }
}

/**
 * A call start refused because the billing clock is more than `max` ms late on the calls already up
 * (`billingClockAdmissionBehindMs`): nothing was written; `extensions.retryable` is true (HTTP 503
 * with Retry-After).
 */
export class BillingClockBehindError extends DomainError {
  readonly code = ErrorCode.BILLING_CLOCK_BEHIND;
  constructor(behindMs: number, max: number) {
    super(`The billing clock is ${behindMs} ms behind the calls in progress: new calls are refused until it catches up; retry shortly`, {
      behindMs,
      limit: 'billingClockAdmissionBehindMs',
      max,
      retryable: true,
    });
  }
}

/** The wallet is SUSPENDED (it ran out) and has not been funded since: no new usage until it is. */
export class WalletSuspendedError extends DomainError {
  readonly code = ErrorCode.WALLET_SUSPENDED;
  constructor(walletId: string) {
    super(`Wallet "${walletId}" is suspended: fund it to use it again`, { walletId });
  }
}

/**
 * Stripe could not be reached or answered with an error that is not about the card; nothing was
 * charged by us. Retrying with the same idempotency key is safe.
 */
export class PaymentProviderError extends DomainError {
  readonly code = ErrorCode.PAYMENT_PROVIDER_ERROR;
}

/** A rate limit or lockout refused the request; retry after `retryAfterSeconds` (HTTP 429 with `Retry-After`). */
export class RateLimitedError extends DomainError {
  readonly code = ErrorCode.RATE_LIMITED;
  constructor(message: string, limit: string, retryAfterSeconds: number) {
    super(message, { limit, retryAfterSeconds });
  }
}

/**
 * A subscription was asked to resume from a position older than what the server still keeps (the
 * retention jobs have deleted events after it): nothing is replayed. `window` names the setting
 * that bounds it. The client starts again without a resume position and re-reads current state.
 */
export class ResumeWindowExceededError extends DomainError {
  readonly code = ErrorCode.RESUME_WINDOW_EXCEEDED;
  constructor(message: string, field: string, window: string) {
    super(message, { field, window });
  }
}

/**
 * Asserts a programmer's invariant. Unlike a DomainError this is never shown to a client: it is
 * logged and masked as an internal error, and fails tests loudly.
 */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

/**
 * The operation ran past its execution deadline (`operationDeadlineMs`): its remaining database work
 * was not started. A mutation answered so may have committed (its statement was in flight): retry it
 * with the same idempotency key.
 */
export class OperationTimeoutError extends DomainError {
  readonly code = ErrorCode.OPERATION_TIMEOUT;
}

/**
 * The database could not be reached or did not answer in time (see {@link databaseUnavailableReason}):
 * the client retries (with the same idempotency key for a mutation). `extensions.retryable` is true.
 */
export class ServiceUnavailableError extends DomainError {
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;
  constructor(reason: string) {
    super(`The service is briefly unavailable (${reason}): retry shortly`, { retryable: true });
  }
}

/**
 * An earlier request with the same idempotency key has not finished, or its outcome is not known
 * yet: this one wrote nothing, and a retry with the same key gets the outcome once it is.
 * `extensions.retryable` is true (HTTP 503 with Retry-After).
 */
export class OperationInProgressError extends DomainError {
  readonly code = ErrorCode.OPERATION_IN_PROGRESS;
  constructor(message: string) {
    super(message, { retryable: true });
  }
}

/** SQLSTATEs of a database that is going away or not answering in time, and what each means. */
const UNAVAILABLE_SQLSTATES: Record<string, string> = {
  '57P01': 'database connection terminated by an administrator or a shutdown',
  '57P02': 'database crash shutdown',
  '57P03': 'database starting up or shutting down',
  '57014': 'database statement timeout',
  '55P03': 'database lock timeout',
  '25P03': 'database idle-in-transaction timeout',
  '53300': 'too many database connections',
};

/** Node socket errors of a database that cannot be reached. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Messages of node-postgres and knex for a connection that went away or a wait that ran out. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Connection ended unexpectedly|Query read timeout|timeout expired|timeout exceeded when trying to connect|Timeout acquiring a connection|Client has encountered a connection error/i;

/**
 * Why `error` means the database is unavailable for now (the caller should retry), or undefined
 * when it means something else: a SQLSTATE of class 08 (connection exception) or one of
 * {@link UNAVAILABLE_SQLSTATES}, a socket error, node-postgres' and knex's connection and timeout
 * messages. Looks through `cause` and the ORM's wrapped `previous` error.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code } = current as Error & { code?: unknown };
    if (typeof code === 'string') {
      if (code in UNAVAILABLE_SQLSTATES) return UNAVAILABLE_SQLSTATES[code];
      if (/^08[0-9A-Z]{3}$/.test(code)) return 'database connection exception';
      if (UNAVAILABLE_SOCKET_CODES.has(code)) return `database unreachable: ${code}`;
    }
    if (UNAVAILABLE_MESSAGE.test(current.message)) return 'database connection lost or timed out';
    const next = current as Error & { previous?: unknown };
    current = next.cause ?? next.previous;
  }
  return undefined;
}

/** resendInvitation or revokeInvitation on an invitation that is no longer open (`status`: ACCEPTED, REVOKED or EXPIRED). */
export class InvitationNotPendingError extends DomainError {
  readonly code = ErrorCode.INVITATION_NOT_PENDING;
  constructor(invitationId: string, status: 'ACCEPTED' | 'REVOKED' | 'EXPIRED') {
    super(`Invitation "${invitationId}" is ${status.toLowerCase()}, no longer open`, { invitationId, status });
  }
}

/** The change would leave an account without an active OWNER. */
export class LastOwnerError extends DomainError {
  readonly code = ErrorCode.LAST_OWNER;
  constructor(accountId: string) {
    super('This is the last owner of the account: make someone else an owner first', { accountId });
  }
}

/** A daily or monthly spend cap does not allow the spend; nothing was written. */
export class SpendCapReachedError extends DomainError {
  readonly code = ErrorCode.SPEND_CAP_REACHED;
}

/** A signed-up account whose owner has not verified their e-mail address may not move money or reach people yet. */
export class EmailNotVerifiedError extends DomainError {
  readonly code = ErrorCode.EMAIL_NOT_VERIFIED;
  constructor(accountId: string) {
    super('Verify your e-mail address first: open the link we sent you (or ask for a new one)', { accountId });
  }
}

/** Self-service sign-up is turned off on this server. */
export class SignUpDisabledError extends DomainError {
  readonly code = ErrorCode.SIGN_UP_DISABLED;
  constructor() {
    super('Sign-up is turned off on this server: ask the operator for an account');
  }
}

/** A refund request that is no longer PENDING (approved, declined, cancelled or failed) cannot be decided or cancelled. */
export class RefundRequestNotPendingError extends DomainError {
  readonly code = ErrorCode.REFUND_REQUEST_NOT_PENDING;
  constructor(refundRequestId: string, status: 'APPROVED' | 'DECLINED' | 'CANCELLED' | 'FAILED') {
    super(`Refund request "${refundRequestId}" is already ${status.toLowerCase()}`, { refundRequestId, status });
  }
}

/** The refundable credit no longer covers a refund request (it was spent meanwhile). */
export class RefundExceedsRefundableError extends DomainError {
  readonly code = ErrorCode.REFUND_EXCEEDS_REFUNDABLE;
  constructor(message: string, refundable: string, currency: string) {
    super(message, { refundable, currency });
  }
}

/** A message from an alphanumeric sender ID that is not approved (and paid) for the account. */
export class SenderIdNotApprovedError extends DomainError {
  readonly code = ErrorCode.SENDER_ID_NOT_APPROVED;
  constructor(senderId: string, status: 'NOT_REGISTERED' | 'PENDING' | 'REJECTED' | 'CANCELLED') {
    super(
      status === 'NOT_REGISTERED'
        ? `Sender ID "${senderId}" is not registered for this account: register it and have it approved first`
        : `Sender ID "${senderId}" is ${status.toLowerCase()}: only an approved sender ID may send`,
      { senderId, status },
    );
  }
}
