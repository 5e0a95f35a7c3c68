/** How big a reply is, without Buffer (core stays host-agnostic). */

export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** UTF-8 length of a string without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** True when the body is over `max` UTF-8 bytes. Cheap first: each char is one to three bytes. */
export function exceedsBytes(body: string, max: number): boolean {
  return body.length > max || (body.length * 3 > max && utf8Length(body) > max);
}
