/**
 * Expected failures: each a DomainError with a stable code that reaches GraphQL clients as
 * `extensions.code`. Anything that is not a DomainError is a bug or an outage and is masked.
 */

/** Stable error codes a client may branch on. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'INSUFFICIENT_FUNDS'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_STATE'
  | 'CAMPAIGN_NOT_RUNNING'
  | 'LIMIT_EXCEEDED'
  | 'WALLET_SUSPENDED'
  | 'PAYMENT_PROVIDER_ERROR'
  | 'RATE_LIMITED'
  | 'RESUME_WINDOW_EXCEEDED'
  | 'OPERATION_TIMEOUT';

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
  readonly code = 'UNAUTHENTICATED';
}

/** The caller is known but its role may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** Longest id echoed back in a NOT_FOUND error, in characters. */
const ID_ECHO_LENGTH_MAX = 100;

/** Nothing of that id that the caller may see (another tenant's objects are reported like this). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what: string, id: string) {
    // Echo a bounded id: the caller sent it, but a megabyte of it need not come back twice.
    const shown = id.length > ID_ECHO_LENGTH_MAX ? `${id.slice(0, ID_ECHO_LENGTH_MAX)}…` : id;
    super(`${what} "${shown}" not found`, { id: shown });
  }
}

/** A malformed or out-of-limit argument; `field` names the input field at fault. */
export class BadUserInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(field: string, message: string) {
    super(message, { field });
  }
}

/** The wallet's available balance does not cover the debit; nothing was written. */
export class InsufficientFundsError extends DomainError {
  readonly code = 'INSUFFICIENT_FUNDS';
}

/** The idempotency key was already used with other parameters or for another operation. */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(key: string) {
    super(`Idempotency key "${key}" was already used with different parameters`, { field: 'idempotencyKey' });
  }
}

/** The object's current status does not allow the operation (e.g. pausing a completed campaign). */
export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE';
}

/** startCall on a campaign that is not RUNNING (paused, stopped, completed or a draft); nothing was written. */
export class CampaignNotRunningError extends DomainError {
  readonly code = 'CAMPAIGN_NOT_RUNNING';
  constructor(campaignId: string, status: string) {
    super(`Campaign "${campaignId}" is ${status}, not RUNNING: start it before placing calls`, { campaignId, status });
  }
}

/** A configured limit would be exceeded; `limit` names the setting and `max` its value. */
export class LimitExceededError extends DomainError {
  readonly code = 'LIMIT_EXCEEDED';
  constructor(message: string, limit: string, max: number) {
    super(message, { limit, max });
  }
}

/** The wallet is SUSPENDED (it ran out) and has not been funded since: no new usage until it is. */
export class WalletSuspendedError extends DomainError {
  readonly code = 'WALLET_SUSPENDED';
  constructor(walletId: string) {
    super(`Wallet "${walletId}" is suspended: fund it to use it again`, { walletId });
  }
}

/**
 * Stripe could not be reached or answered with an error that is not about the card; nothing was
 * charged by us. Retrying with the same idempotency key is safe.
 */
export class PaymentProviderError extends DomainError {
  readonly code = 'PAYMENT_PROVIDER_ERROR';
}

/** A rate limit or lockout refused the request; retry after `retryAfterSeconds` (HTTP 429 with `Retry-After`). */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
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
  readonly code = 'RESUME_WINDOW_EXCEEDED';
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
  readonly code = 'OPERATION_TIMEOUT';
}
