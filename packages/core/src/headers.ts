/** The one case-insensitive header lookup of core (hosts differ in how they case header names). */

/** Headers as hosts hand them over: a value may be a list (Node's raw headers). */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The value of header `name` (any case); a list is joined with ", " as HTTP allows. */
export function getHeader(headers: HeaderBag | undefined | null, name: string): string | undefined {
  if (!headers) return undefined;
  const direct = headers[name] ?? headers[name.toLowerCase()];
  const found = direct !== undefined ? direct : lookup(headers, name.toLowerCase());
  if (found === undefined) return undefined;
  return typeof found === 'string' ? found : found.join(', ');
}

function lookup(headers: HeaderBag, lower: string): string | readonly string[] | undefined {
  for (const k of Object.keys(headers)) if (k.toLowerCase() === lower) return headers[k];
  return undefined;
}
