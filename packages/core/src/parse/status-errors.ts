/**
 * The HTTP status → PanelError table for replies that are not 2xx. Each row words the error
 * and says what to fix; the Panel's own message (scrubbed, then cut) is quoted where it helps.
 */
import {
  PanelAuthenticationError,
  PanelBadRequestError,
  PanelError,
  PanelErrorOptions,
  PanelInsufficientBalanceError,
  PanelMalformedResponseError,
  PanelNotFoundError,
  PanelRateLimitError,
  PanelTimeoutError,
  PanelUpstreamError,
  scrubAndClip,
  type Scrubber,
} from '../errors';
import { getHeader, type HeaderBag } from '../headers';
import { looksLikeHtml } from './html';
import { panelMessageOf } from './panel-error';
import { rateLimitWaitMs } from './rate-limit';

export const PANEL_MESSAGE_CHARS = 300;

/** `: "<message>"`, or nothing. The message is already scrubbed and cut. */
export function quoted(msg: string | undefined): string {
  return msg === undefined ? '' : `: "${msg}"`;
}

/** What a row gets to build its error. */
export interface StatusContext {
  action: string;
  status: number;
  /** The Panel's message, scrubbed then cut, or undefined. */
  panelMessage: string | undefined;
  isHtml: boolean;
  headers: HeaderBag;
  /** Error options with httpStatus, headers and the scrubber. */
  base: PanelErrorOptions;
  /** `base` plus panelMessage when there is one. */
  withMsg: PanelErrorOptions & { panelMessage?: string };
  scrub: Scrubber;
  now: number | undefined;
}

type Row = (c: StatusContext) => PanelError;

function waitPhrase(ms: number | undefined): string {
  return ms !== undefined ? `; it asks to wait ${Math.ceil(ms / 1000)} s` : '';
}

/** Actions whose request carries no order, refill or service id. */
const SENDS_NO_ID = new Set(['balance', 'services']);

const BY_STATUS: Record<number, Row> = {
  400: (c) =>
    new PanelBadRequestError(
      `The Panel refused "${c.action}" as invalid (HTTP 400)${quoted(c.panelMessage)}. ${
        c.action === 'add'
          ? 'Check the service id and the fields its type needs (Subscriptions cannot be ordered through the API).'
          : 'Check the parameters of this action (ids must be numbers, at most 100 per request).'
      }`,
      c.withMsg,
    ),
  401: (c) => authentication(c),
  // A 403 HTML page is usually a firewall or a wrong URL, not the key: it falls to the 4xx row.
  403: (c) => (c.isHtml ? otherClientError(c) : authentication(c)),
  402: (c) =>
    new PanelInsufficientBalanceError(
      `The Panel account has too little balance for "${c.action}" (HTTP 402)${quoted(c.panelMessage)}. Top up the Panel account, or lower the quantity.`,
      c.withMsg,
    ),
  // An action that sends no id can only be "not found" because the URL is wrong.
  404: (c) =>
    new PanelNotFoundError(
      c.isHtml
        ? `The Panel answered "${c.action}" with an HTML "not found" page (HTTP 404). Check the API URL: it must be the Panel's API endpoint (e.g. https://your-panel/api/v2).`
        : SENDS_NO_ID.has(c.action)
          ? `Nothing answers "${c.action}" at this API URL (HTTP 404)${quoted(c.panelMessage)}. Check the API URL: it must be the Panel's API endpoint (e.g. https://your-panel/api/v2).`
          : `The Panel does not know the id sent with "${c.action}" (HTTP 404)${quoted(c.panelMessage)}. Check the order, refill or service id.`,
      c.withMsg,
    ),
  408: (c) =>
    new PanelTimeoutError(
      `The Panel timed out waiting for the "${c.action}" request (HTTP 408). Try again; if it keeps happening, check the network path to the Panel.`,
      { ...c.base, sent: true },
    ),
  429: (c) => {
    const retryAfterMs = rateLimitWaitMs(c.headers, c.now);
    return new PanelRateLimitError(
      `The Panel's rate limit was reached (HTTP 429)${waitPhrase(retryAfterMs)}. Wait and retry, or send fewer requests per minute (the Panel allows 1000 per minute per IP).`,
      { ...c.base, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    );
  },
};

function authentication(c: StatusContext): PanelError {
  return new PanelAuthenticationError(
    `The Panel rejected the API key (HTTP ${c.status})${quoted(c.panelMessage)}. Check the API key in your Panel credentials (copy it again from your Panel account) and that the API URL is the right Panel.`,
    c.withMsg,
  );
}

function otherClientError(c: StatusContext): PanelError {
  return new PanelBadRequestError(`The Panel refused "${c.action}" (HTTP ${c.status})${quoted(c.panelMessage)}. Check the API URL and the request's parameters.`, c.withMsg);
}

/** Rows by status class, for statuses without a row of their own. */
function byClass(c: StatusContext): PanelError {
  const { status, action } = c;
  if (status >= 500 && status < 600) {
    const retryAfterMs = rateLimitWaitMs(c.headers, c.now);
    return new PanelUpstreamError(
      `The Panel or its upstream provider failed on "${action}" (HTTP ${status})${quoted(c.panelMessage)}. Try again later; if it persists, contact the Panel's support.`,
      { ...c.withMsg, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    );
  }
  if (status >= 300 && status < 400) {
    const location = getHeader(c.headers, 'location');
    return new PanelMalformedResponseError(
      `The Panel answered "${action}" with a redirect (HTTP ${status}${location ? ` to ${scrubAndClip(location, 200, c.scrub)}` : ''}), which is not followed so the API key is never resent. Set the API URL to the final address (often https:// instead of http://).`,
      { ...c.base, reason: 'redirect' },
    );
  }
  if (status >= 400 && status < 500) return otherClientError(c);
  const { httpStatus: _none, ...noStatus } = c.base;
  return new PanelMalformedResponseError(
    `The Panel answered "${action}" with an unexpected HTTP status (${Number.isFinite(status) ? status : 'none'}). Check the API URL points at the Panel API.`,
    { ...(Number.isFinite(status) ? c.base : noStatus), reason: 'unexpected_status' },
  );
}

/** The PanelError for a reply whose status is not 2xx. */
export function errorForStatus(
  action: string,
  status: number,
  body: string,
  headers: HeaderBag,
  base: PanelErrorOptions & { scrub: Scrubber },
  now: number | undefined,
): PanelError {
  const raw = panelMessageOf(body);
  // Scrubbed whole, then flattened and cut: a key straddling the cut leaves nothing behind.
  const panelMessage = raw === undefined ? undefined : scrubAndClip(base.scrub(raw).replace(/\s+/g, ' ').trim(), PANEL_MESSAGE_CHARS, base.scrub);
  const withStatus = { ...base, httpStatus: status };
  const c: StatusContext = {
    action,
    status,
    panelMessage,
    isHtml: looksLikeHtml(body.trim(), getHeader(headers, 'content-type')),
    headers,
    base: withStatus,
    withMsg: { ...withStatus, ...(panelMessage !== undefined ? { panelMessage } : {}) },
    scrub: base.scrub,
    now,
  };
  const row = BY_STATUS[status];
  return row ? row(c) : byClass(c);
}
