import {
  PanelApiError,
  PanelAuthenticationError,
  PanelBadRequestError,
  PanelInsufficientBalanceError,
  PanelMalformedResponseError,
  PanelNotFoundError,
  PanelOrderOutcomeUnknownError,
  PanelRateLimitError,
  PanelTimeoutError,
  PanelUpstreamError,
} from '../../src/errors';
import { getHeader, interpretResponse, parseRetryAfter, utf8Length } from '../../src/parse';
import { caught, reply } from './helpers';

const KEY = 'sandbox-demo-key';

describe('interpretResponse: success', () => {
  it('returns the JSON of a 2xx reply', () => {
    expect(interpretResponse('balance', reply(200, { balance: '1', currency: 'USD' }))).toEqual({ balance: '1', currency: 'USD' });
    expect(interpretResponse('services', reply(201, []))).toEqual([]);
    expect(interpretResponse('balance', reply(200, '\uFEFF  {"balance":"1"}\n'))).toEqual({ balance: '1' });
  });

  it('"error": null (or false, "") beside data is no error', () => {
    expect(interpretResponse('status', reply(200, { status: 'Completed', error: null }))).toEqual({ status: 'Completed', error: null });
    expect(interpretResponse('add', reply(200, { order: 5, error: '' }))).toEqual({ order: 5, error: '' });
    expect(interpretResponse('add', reply(200, { order: 5, error: false }))).toEqual({ order: 5, error: false });
    expect(caught(() => interpretResponse('add', reply(200, { error: null })))).toBeInstanceOf(PanelApiError);
  });

  it('accepts JSON whatever the content-type says (PHP Panels label JSON text/html)', () => {
    expect(interpretResponse('add', { status: 200, headers: { 'Content-Type': 'text/plain' }, body: '{"order":1}' })).toEqual({ order: 1 });
    expect(interpretResponse('add', { status: 200, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: '{"order":2}' })).toEqual({ order: 2 });
    expect(interpretResponse('services', { status: 200, headers: { 'content-type': 'text/html' }, body: '[]' })).toEqual([]);
    const nf = caught(() => interpretResponse('status', { status: 404, headers: { 'content-type': 'text/html' }, body: '{"error":"Incorrect order ID"}' }));
    expect(nf.message).toMatch(/Check the order, refill or service id/);
  });

  it('non-JSON text labelled text/html is an HTML page', () => {
    const err = caught(() => interpretResponse('balance', { status: 200, headers: { 'content-type': 'text/html' }, body: 'Fatal error: database down' })) as PanelMalformedResponseError;
    expect(err.reason).toBe('html');
  });
});

describe('interpretResponse: HTTP errors', () => {
  it.each([
    [400, PanelBadRequestError, 'bad_request', /invalid \(HTTP 400\): "Subscriptions cannot be created".*Check/],
    [401, PanelAuthenticationError, 'authentication', /API key.*Check the API key/],
    [402, PanelInsufficientBalanceError, 'insufficient_balance', /Top up/],
    [404, PanelNotFoundError, 'not_found', /Check the order, refill or service id/],
    [429, PanelRateLimitError, 'rate_limited', /rate limit.*Wait/],
    [502, PanelUpstreamError, 'upstream', /upstream provider failed.*Try again later/],
    [500, PanelUpstreamError, 'upstream', /HTTP 500/],
    [503, PanelUpstreamError, 'upstream', /HTTP 503/],
    [408, PanelTimeoutError, 'timeout', /timed out/],
    [418, PanelBadRequestError, 'bad_request', /HTTP 418/],
  ])('HTTP %d → %p (%s), with a message saying what to fix', (status, cls, code, message) => {
    const err = caught(() => interpretResponse('add', reply(status, { error: 'Subscriptions cannot be created' })));
    expect(err).toBeInstanceOf(cls);
    expect(err.code).toBe(code);
    expect(err.httpStatus).toBe(status);
    expect(err.action).toBe('add');
    expect(err.message).toMatch(message);
  });

  it('keeps the Panel\'s message beside ours', () => {
    const err = caught(() => interpretResponse('add', reply(400, { error: 'Incorrect service ID' }))) as PanelBadRequestError;
    expect(err.panelMessage).toBe('Incorrect service ID');
    const plain = caught(() => interpretResponse('status', { status: 401, headers: {}, body: 'Unauthorized' })) as PanelAuthenticationError;
    expect(plain.panelMessage).toBe('Unauthorized');
  });

  it('a 404 HTML page points at the API URL', () => {
    const err = caught(() => interpretResponse('balance', { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><title>Not Found</title></html>' }));
    expect(err).toBeInstanceOf(PanelNotFoundError);
    expect(err.message).toMatch(/Check the API URL/);
  });

  it.each(['balance', 'services'])('a 404 with JSON on "%s" (which sends no id) points at the API URL, not at an id', (action) => {
    const err = caught(() => interpretResponse(action, reply(404, { error: 'Not found' })));
    expect(err).toBeInstanceOf(PanelNotFoundError);
    expect(err.message).toBe(`Nothing answers "${action}" at this API URL (HTTP 404): "Not found". Check the API URL: it must be the Panel's API endpoint (e.g. https://your-panel/api/v2).`);
  });

  it('429 reads Retry-After in seconds or as an HTTP date', () => {
    const secs = caught(() => interpretResponse('status', reply(429, '', { 'Retry-After': '7' }))) as PanelRateLimitError;
    expect(secs.retryAfterMs).toBe(7000);
    expect(secs.message).toMatch(/wait 7 s/);
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const date = caught(() => interpretResponse('status', reply(429, '', { 'retry-after': 'Thu, 01 Jan 2026 12:00:30 GMT' }), { now })) as PanelRateLimitError;
    expect(date.retryAfterMs).toBe(30_000);
    const none = caught(() => interpretResponse('status', reply(429, ''))) as PanelRateLimitError;
    expect(none.retryAfterMs).toBeUndefined();
    const junk = caught(() => interpretResponse('status', reply(429, '', { 'retry-after': 'soon' }))) as PanelRateLimitError;
    expect(junk.retryAfterMs).toBeUndefined();
  });

  it('503 with Retry-After carries it too', () => {
    const err = caught(() => interpretResponse('status', reply(503, 'busy', { 'retry-after': '3' }))) as PanelUpstreamError;
    expect(err.retryAfterMs).toBe(3000);
  });

  it('3xx is never followed and says to fix the URL', () => {
    const err = caught(() => interpretResponse('balance', reply(301, '', { location: 'https://panel.example/api/v2' }))) as PanelMalformedResponseError;
    expect(err.reason).toBe('redirect');
    expect(err.message).toMatch(/https:\/\/panel.example\/api\/v2/);
    expect(err.message).toMatch(/Set the API URL/);
  });

  it('an impossible status is malformed', () => {
    expect((caught(() => interpretResponse('balance', reply(99, '{}'))) as PanelMalformedResponseError).reason).toBe('unexpected_status');
    expect((caught(() => interpretResponse('balance', { status: NaN, headers: {}, body: '' })) as PanelMalformedResponseError).reason).toBe('unexpected_status');
  });
});

describe('interpretResponse: 200 with an error', () => {
  it.each([
    [{ error: 'Incorrect order ID' }, 'Incorrect order ID', /Check the order id/],
    [{ error: 'Not enough funds on balance' }, 'Not enough funds on balance', /Top up/],
    [{ error: 'Invalid API key' }, 'Invalid API key', /API key/],
    [{ error: { message: 'Service is disabled' } }, 'Service is disabled', /service id/],
    [{ error: true }, '(error: true)', /Check/],
    [{ error: '' }, '(empty error message)', /Check/],
    [{ error: 42 }, '42', /Check/],
    [{ error: ['a', 'b'] }, '["a","b"]', /Check/],
  ])('%j → PanelApiError with the Panel\'s text', (body, text, hint) => {
    const err = caught(() => interpretResponse('status', reply(200, body))) as PanelApiError;
    expect(err).toBeInstanceOf(PanelApiError);
    expect(err.code).toBe('panel_error');
    expect(err.panelMessage).toBe(text);
    expect(err.message).toMatch(hint);
  });
});

describe('interpretResponse: add answered with an order id and an error', () => {
  it.each([{ order: 23501, error: 'Timeout' }, { order: '23501', error: 'Timeout' }, { order_id: 23501, error: { message: 'Timeout' } }])('%j → order outcome unknown, naming the order', (body) => {
    const err = caught(() => interpretResponse('add', reply(200, body)));
    expect(err).toBeInstanceOf(PanelOrderOutcomeUnknownError);
    expect(err.code).toBe('order_outcome_unknown');
    expect(err.message).toMatch(/order 23501 before placing it again/);
  });

  it('other actions, or no usable id, stay a Panel error', () => {
    expect(caught(() => interpretResponse('status', reply(200, { order: 1, error: 'x' })))).toBeInstanceOf(PanelApiError);
    expect(caught(() => interpretResponse('add', reply(200, { order: 0, error: 'x' })))).toBeInstanceOf(PanelApiError);
    expect(caught(() => interpretResponse('add', reply(200, { order: null, error: 'x' })))).toBeInstanceOf(PanelApiError);
  });
});

describe('interpretResponse: malformed replies', () => {
  it.each([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>', 'html'],
    ['<html>maintenance</html>', 'html'],
    ['{"balance": "1", "curr', 'truncated'],
    ['[{"service":"1"', 'truncated'],
    ['OK', 'not_json'],
    ['balance=1&currency=USD', 'not_json'],
    ['{balance: 1}', 'not_json'],
    ['NaN', 'not_json'],
  ])('%j → malformed (%s)', (body, reason) => {
    const err = caught(() => interpretResponse('balance', { status: 200, headers: {}, body })) as PanelMalformedResponseError;
    expect(err).toBeInstanceOf(PanelMalformedResponseError);
    expect(err.code).toBe('malformed_response');
    expect(err.reason).toBe(reason);
    expect(err.message).toMatch(/Check|Try again/);
  });

  it('an HTML page is recognised by content-type too, and its title is quoted', () => {
    const err = caught(() => interpretResponse('services', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '  <title>Panel — Sign in</title>' }));
    expect((err as PanelMalformedResponseError).reason).toBe('html');
    expect(err.message).toContain('Panel — Sign in');
    expect(err.message).toMatch(/not its website/);
  });

  it('refuses replies above the byte limit (measured in UTF-8)', () => {
    const err = caught(() => interpretResponse('services', reply(200, '[' + '1,'.repeat(100) + '1]'), { maxResponseBytes: 100 })) as PanelMalformedResponseError;
    expect(err.reason).toBe('oversized');
    expect(err.message).toMatch(/maxResponseBytes/);
    // 40 × "€" = 120 bytes although only 40 characters.
    expect(caught(() => interpretResponse('balance', reply(200, `"${'€'.repeat(40)}"`), { maxResponseBytes: 100 }))).toBeInstanceOf(PanelMalformedResponseError);
    expect(interpretResponse('balance', reply(200, `"${'€'.repeat(30)}"`), { maxResponseBytes: 100 })).toBe('€'.repeat(30));
  });
});

describe('interpretResponse: secrets', () => {
  const echo = `{"error":"Invalid key ${KEY}"}`;
  it.each([200, 400, 401, 402, 404, 429, 500, 502])('HTTP %d echoing the key never carries it', (status) => {
    const err = caught(() => interpretResponse('balance', { status, headers: { location: `https://x/?key=${KEY}` }, body: echo }, { secrets: [KEY] }));
    for (const text of [err.message, err.toString(), JSON.stringify(err), String(err.stack)]) expect(text).not.toContain(KEY);
  });

  it.each([
    `<html><title>key=${KEY}</title></html>`,
    `not json ${KEY}`,
    `{"trunc": "${KEY}`,
  ])('a malformed body holding the key never carries it: %s', (body) => {
    const err = caught(() => interpretResponse('add', { status: 200, headers: {}, body }, { secrets: [KEY] }));
    expect(JSON.stringify(err) + err.message + String(err.stack)).not.toContain(KEY);
  });

  it('a redirect to a URL holding the key never carries it', () => {
    const err = caught(() => interpretResponse('add', { status: 302, headers: { Location: `https://x/?key=${encodeURIComponent(KEY)}` }, body: '' }, { secrets: [KEY] }));
    expect(JSON.stringify(err) + err.message).not.toContain(KEY);
  });
});

describe('helpers', () => {
  it('getHeader is case-insensitive', () => {
    expect(getHeader({ 'Retry-After': '1' }, 'retry-after')).toBe('1');
    expect(getHeader({ 'retry-after': '2' }, 'Retry-After')).toBe('2');
    expect(getHeader(undefined, 'x')).toBeUndefined();
  });

  it('parseRetryAfter', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter(' 1.5 ')).toBe(1500);
    expect(parseRetryAfter('-1')).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 29))).toBe(0);
    expect(parseRetryAfter('12345678901234567890')).toBe(12345678901234567890 * 1000);
  });

  it('utf8Length counts bytes', () => {
    expect(utf8Length('a')).toBe(1);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('\ud800')).toBe(3);
  });
});

describe('hints for Panel error texts', () => {
  it.each([
    ['Invalid API key', /Check the API key/],
    ['Not enough funds on balance', /Top up/],
    ['Incorrect order ID', /Check the order id/],
    ['Refill is not available', /refill/],
    ['Incorrect service ID', /service id/],
    ['Quantity less than minimal 50', /min and max/],
    ['Bad link', /Check the link/],
    ['Incorrect request', /Check the request/],
    ['Sent in 5 minutes', /Check the request/],
  ])('%s → %p', (text, hint) => {
    expect(caught(() => interpretResponse('status', reply(200, { error: text }))).message).toMatch(hint);
  });

  it('an add with an unknown error text says to check the fields', () => {
    expect(caught(() => interpretResponse('add', reply(200, { error: 'Nope' }))).message).toMatch(/order fields/);
  });
});
