/** Stripe's error envelope (`{ error: … }`) as the sandbox answers it, and helpers to build it. */

/** The fields of `error` in Stripe's error responses that the sandbox fills. */
export interface StripeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  /** Full objects, as Stripe embeds them. */
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
}

/**
 * An expected API failure: the HTTP status and the `error` object to answer with. Thrown by the
 * sandbox's operations and turned into a response by its HTTP layer.
 */
export class SandboxApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = 'SandboxApiError';
  }
}

/** Stripe's documentation page of an error code, as Stripe links it in `doc_url`. */
export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;
}

/** 400 invalid_request_error. */
export function invalidRequest(message: string, details: { param?: string; code?: string } = {}): SandboxApiError {
  return new SandboxApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(details.code === undefined ? {} : { code: details.code, doc_url: docUrl(details.code) }),
    ...(details.param === undefined ? {} : { param: details.param }),
  });
}

/** 404 resource_missing, worded like Stripe's "No such customer: 'cus_x'". */
export function resourceMissing(noun: string, id: string, param?: string): SandboxApiError {
  return new SandboxApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    doc_url: docUrl('resource_missing'),
    message: `No such ${noun}: '${id}'`,
    ...(param === undefined ? {} : { param }),
  });
}
