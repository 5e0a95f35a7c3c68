import { parseRateLimitReset, rateLimitExhausted, rateLimitWaitMs, saysTooManyRequests } from '../../src/parse';
import { findHeader, getHeader } from '../../src/headers';

const NOW = 1_700_000_000_000;

describe('rate-limit signals', () => {
  it.each([
    ['unix seconds', String(NOW / 1000 + 30), 30_000],
    ['unix ms', String(NOW + 1500), 1500],
    ['seconds to wait', '12', 12_000],
    ['a moment already past', String(NOW / 1000 - 5), 0],
    ['not a number', 'soon', undefined],
    ['empty', '', undefined],
  ])('X-RateLimit-Reset as %s', (_n, value, ms) => {
    expect(parseRateLimitReset(value, NOW)).toBe(ms);
  });

  it('Retry-After wins over X-RateLimit-Reset; RateLimit-Reset (IETF draft) is read too', () => {
    expect(rateLimitWaitMs({ 'Retry-After': '2', 'X-RateLimit-Reset': '9' }, NOW)).toBe(2000);
    expect(rateLimitWaitMs({ 'x-ratelimit-reset': '9' }, NOW)).toBe(9000);
    expect(rateLimitWaitMs({ 'ratelimit-reset': '4' }, NOW)).toBe(4000);
    expect(rateLimitWaitMs({}, NOW)).toBeUndefined();
  });

  it('X-RateLimit-Remaining: only 0 means exhausted', () => {
    expect(rateLimitExhausted({ 'X-RateLimit-Remaining': '0' })).toBe(true);
    expect(rateLimitExhausted({ 'ratelimit-remaining': ' 0 ' })).toBe(true);
    expect(rateLimitExhausted({ 'x-ratelimit-remaining': '10' })).toBe(false);
    expect(rateLimitExhausted({})).toBe(false);
  });

  it.each([
    ['Too many requests', true],
    ['Too Many Attempts.', true],
    ['Rate limit exceeded', true],
    ['You are rate limited, slow down', true],
    ['API request limit reached', true],
    ['Incorrect request', false],
    ['Not enough funds on balance', false],
    ['Quantity less than minimal 100', false],
  ])('"%s" says too many requests: %s', (text, yes) => {
    expect(saysTooManyRequests(text)).toBe(yes);
  });
});

describe('the one header lookup', () => {
  it('finds a header in any case; a list is joined by getHeader and kept by findHeader', () => {
    const h = { 'Content-Type': 'text/html', 'set-cookie': ['a=1', 'b=2'] };
    expect(getHeader(h, 'content-type')).toBe('text/html');
    expect(getHeader(h, 'SET-COOKIE')).toBe('a=1, b=2');
    expect(findHeader(h, 'Set-Cookie')).toEqual(['a=1', 'b=2']);
    expect(getHeader(undefined, 'x')).toBeUndefined();
  });
});
