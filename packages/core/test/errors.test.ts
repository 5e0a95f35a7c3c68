import {
  ERROR_CLASS_BY_CODE,
  PANEL_ERROR_CODES,
  PanelApiError,
  PanelAuthenticationError,
  PanelBadRequestError,
  PanelError,
  PanelInsufficientBalanceError,
  PanelMalformedResponseError,
  PanelNetworkError,
  PanelNotFoundError,
  PanelOrderOutcomeUnknownError,
  PanelRateLimitError,
  PanelTimeoutError,
  PanelUnsupportedOrderTypeError,
  PanelUpstreamError,
  PanelValidationError,
  PanelWebhookError,
  REDACTED,
  isPanelError,
  makeScrubber,
  type PanelErrorCode,
} from '../src/errors';

const KEY = 'sandbox-demo-key';

/** One instance of every class, each message carrying the key as a hostile Panel might echo it. */
function everyError(opts: { secrets?: string[] } = {}): Record<PanelErrorCode, PanelError> {
  const m = (what: string) => `${what}: key=${KEY} and encoded ${encodeURIComponent(KEY + ' x')}`;
  return {
    bad_request: new PanelBadRequestError(m('bad'), { ...opts, panelMessage: `echo ${KEY}` }),
    authentication: new PanelAuthenticationError(m('auth'), { ...opts, panelMessage: `Invalid key ${KEY}` }),
    insufficient_balance: new PanelInsufficientBalanceError(m('funds'), opts),
    not_found: new PanelNotFoundError(m('nf'), { ...opts, id: '12' }),
    rate_limited: new PanelRateLimitError(m('429'), { ...opts, retryAfterMs: 2000 }),
    upstream: new PanelUpstreamError(m('502'), opts),
    panel_error: new PanelApiError(m('200'), { ...opts, panelMessage: `bad key ${KEY}` }),
    malformed_response: new PanelMalformedResponseError(m('html'), { ...opts, reason: 'html', excerpt: `<p>${KEY}</p>` }),
    network: new PanelNetworkError(m('net'), { ...opts, sent: false, cause: new Error(`connect to ?key=${KEY}`) }),
    timeout: new PanelTimeoutError(m('timeout'), opts),
    order_outcome_unknown: new PanelOrderOutcomeUnknownError(m('unknown'), opts),
    validation: new PanelValidationError(m('validation'), { ...opts, field: 'quantity' }),
    unsupported_order_type: new PanelUnsupportedOrderTypeError(m('subs'), { ...opts, type: 'Subscriptions' }),
    webhook_invalid: new PanelWebhookError(m('webhook'), { ...opts, reason: 'bad_secret' }),
  };
}

describe('error hierarchy', () => {
  it('has one class per code, each a PanelError with that stable code', () => {
    const all = everyError();
    expect(Object.keys(all).sort()).toEqual([...PANEL_ERROR_CODES].sort());
    for (const code of PANEL_ERROR_CODES) {
      const err = all[code];
      expect(err).toBeInstanceOf(PanelError);
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(ERROR_CLASS_BY_CODE[code]);
      expect(err.code).toBe(code);
      expect(err.name).toBe(ERROR_CLASS_BY_CODE[code].name);
      expect(isPanelError(err)).toBe(true);
      expect(err.toString()).toMatch(new RegExp(`^${err.name} \\[${code}\\]: `));
    }
    expect(isPanelError(new Error('x'))).toBe(false);
  });

  it('sets the HTTP status and retryability each kind implies', () => {
    const all = everyError();
    expect(all.bad_request.httpStatus).toBe(400);
    expect(all.authentication.httpStatus).toBe(401);
    expect(all.insufficient_balance.httpStatus).toBe(402);
    expect(all.rate_limited.httpStatus).toBe(429);
    expect(all.upstream.httpStatus).toBe(502);
    expect(all.webhook_invalid.httpStatus).toBe(401);
    expect(new PanelWebhookError('x', { reason: 'malformed' }).httpStatus).toBe(400);
    expect(all.rate_limited.retryable).toBe(true);
    expect(all.upstream.retryable).toBe(true);
    expect(all.network.retryable).toBe(true);
    expect(all.timeout.retryable).toBe(true);
    for (const code of ['bad_request', 'authentication', 'insufficient_balance', 'not_found', 'panel_error', 'order_outcome_unknown', 'validation', 'unsupported_order_type', 'webhook_invalid'] as const) {
      expect(all[code].retryable).toBe(false);
    }
  });

  it('serialises code, message and the class-specific fields', () => {
    const all = everyError();
    expect(JSON.parse(JSON.stringify(all.rate_limited))).toMatchObject({ code: 'rate_limited', retryAfterMs: 2000, httpStatus: 429, retryable: true });
    expect(JSON.parse(JSON.stringify(all.validation))).toMatchObject({ code: 'validation', field: 'quantity' });
    expect(JSON.parse(JSON.stringify(all.malformed_response))).toMatchObject({ reason: 'html' });
    expect(JSON.parse(JSON.stringify(all.unsupported_order_type))).toMatchObject({ type: 'Subscriptions' });
    expect(JSON.parse(JSON.stringify(all.webhook_invalid))).toMatchObject({ reason: 'bad_secret' });
    expect(JSON.parse(JSON.stringify(all.network))).toMatchObject({ sent: false });
    // The raw cause is never serialised.
    expect(JSON.stringify(all.network)).not.toContain('connect to');
  });

  it('keeps the key out of message, toString, JSON and stack when built with secrets', () => {
    for (const err of Object.values(everyError({ secrets: [KEY] }))) {
      for (const text of [err.message, err.toString(), JSON.stringify(err), String(err.stack)]) {
        expect(text).not.toContain(KEY);
        expect(text).not.toContain(encodeURIComponent(KEY));
      }
      expect(err.message).toContain(REDACTED);
      const cause = (err as { cause?: unknown }).cause;
      if (cause instanceof Error) expect(cause.message).not.toContain(KEY);
    }
  });

  it('redact() scrubs an existing error, including its cause, and returns it', () => {
    for (const err of Object.values(everyError())) {
      expect(JSON.stringify(err) + err.message).toContain(KEY);
      expect(err.redact([KEY])).toBe(err);
      for (const text of [err.message, err.toString(), JSON.stringify(err), String(err.stack)]) expect(text).not.toContain(KEY);
    }
    const withCause = new PanelNetworkError('down', { cause: new Error(`body key=${KEY}`) }).redact([KEY]);
    expect(String((withCause as { cause?: Error }).cause?.message)).toBe(`body key=${REDACTED}`);
  });

  it('accepts a scrub function instead of a list', () => {
    const err = new PanelApiError(`said ${KEY}`, { panelMessage: KEY, scrub: (s) => s.split(KEY).join('***') });
    expect(err.message).toBe('said ***');
    expect(err.panelMessage).toBe('***');
  });

  it('scrubs the longest secret first and ignores empty ones', () => {
    const scrub = makeScrubber(['abc', 'abcdef', '', undefined, null]);
    expect(scrub('x abcdef y abc')).toBe(`x ${REDACTED} y ${REDACTED}`);
    expect(makeScrubber([])('unchanged')).toBe('unchanged');
    // A lone surrogate cannot be URI-encoded; the literal is still removed.
    expect(makeScrubber(['\ud800k'])('a\ud800kb')).toBe(`a${REDACTED}b`);
  });
});
