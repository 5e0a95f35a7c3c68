/** Telling an HTML (or XML) page from data, and naming it by its title. */

/**
 * An HTML (or XML) page rather than data. The body decides first: PHP Panels often label
 * their JSON text/html, so a body that opens like JSON is never called HTML.
 */
export function looksLikeHtml(body: string, contentType: string | undefined): boolean {
  if (/^\s*[[{"\d-]/.test(body)) return false;
  if (contentType && /\btext\/html\b|\bapplication\/xhtml/i.test(contentType)) return true;
  const head = body.trimStart().slice(0, 256).toLowerCase();
  return /^<[a-z!?]/.test(head);
}

/** The page's <title> (or first <h1>), tags and runs of space removed; not cut (callers scrub, then cut). */
export function htmlTitle(body: string): string | undefined {
  const m = /<title[^>]*>([\s\S]{0,300}?)<\/title>/i.exec(body) ?? /<h1[^>]*>([\s\S]{0,300}?)<\/h1>/i.exec(body);
  if (!m || m[1] === undefined) return undefined;
  const t = m[1].replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}
