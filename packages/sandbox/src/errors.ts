/** An error answer of the Panel API: HTTP status + `{"error": message}`. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** The Panel's messages, in one place so tests and docs can name them. */
export const MESSAGES = {
  method: 'Use POST with Content-Type application/x-www-form-urlencoded',
  contentType: 'Content-Type must be application/x-www-form-urlencoded',
  bodyTooLarge: 'Request body too large',
  missingKey: 'Missing API key: send the `key` field',
  wrongKey: 'Invalid API key',
  missingAction: 'Missing `action` field',
  unknownAction: (a: string) => `Unsupported action: ${a}`,
  missingField: (f: string) => `Missing required field \`${f}\``,
  badInteger: (f: string) => `Field \`${f}\` must be a whole number`,
  incorrectService: 'Incorrect service ID',
  incorrectOrder: 'Incorrect order ID',
  refillNotFound: 'Refill not found',
  tooMany: (f: string, max: number) => `Too many ids in \`${f}\`: at most ${max}`,
  notEnoughFunds: 'Not enough funds on balance',
  subscriptions: 'Subscription orders must be created from the customer site; API creation is not yet supported',
  cannotCancel: 'Order cannot be canceled',
  cancelUnavailable: 'Cancel is not available for this service',
  refillUnavailable: 'Refill is not available for this order',
  rateLimited: 'Too many requests: rate limit exceeded',
} as const;
