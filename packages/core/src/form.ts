/**
 * application/x-www-form-urlencoded, as the Panel expects every request. Written out rather
 * than through URLSearchParams so the exact bytes are ours and host-independent: space → '+',
 * everything but [A-Za-z0-9*-._] percent-encoded as UTF-8 (the WHATWG serializer's set).
 */

/** Lone surrogates cannot be sent as UTF-8; they become U+FFFD, as browsers do. */
export function toWellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Text that encodes to itself (most ids, actions, numbers): no work to do. */
const PLAIN = /^[A-Za-z0-9*\-._]*$/;

function encodeComponent(s: string): string {
  if (PLAIN.test(s)) return s;
  return encodeURIComponent(toWellFormed(s))
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Encode a flat form. Keys keep their insertion order; undefined values are skipped. */
export function encodeForm(form: Readonly<Record<string, string | number | undefined>>): string {
  const parts: string[] = [];
  for (const key of Object.keys(form)) {
    const value = form[key];
    if (value === undefined) continue;
    parts.push(`${encodeComponent(key)}=${encodeComponent(typeof value === 'string' ? value : String(value))}`);
  }
  return parts.join('&');
}

function decodeComponent(s: string): string {
  const plus = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    // Tolerate stray '%' the way URLSearchParams does: decode what can be decoded.
    return plus.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** Decode a form body. A repeated key keeps its last value. */
export function decodeForm(body: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (body === '') return out;
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decodeComponent(part.slice(eq + 1));
    out[key] = value;
  }
  return out;
}
