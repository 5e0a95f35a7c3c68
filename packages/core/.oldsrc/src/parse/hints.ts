/**
 * Panels word their `{"error": …}` texts freely. This table turns the common ones into a
 * sentence saying what to fix; the Panel's own text is always quoted beside it.
 */
const HINTS: ReadonlyArray<{ match: RegExp; hint: string }> = [
  { match: /api[ _-]?key|\bkey\b|unauthori[sz]ed|\bauth(entication|orization)?\b/i, hint: 'Check the API key in your Panel credentials.' },
  { match: /fund|balance|money|insufficient/i, hint: 'Top up the Panel account, or lower the quantity.' },
  { match: /order\s*id|incorrect order|order not found|no order/i, hint: 'Check the order id.' },
  { match: /refill/i, hint: 'Check the order or refill id; the service may not offer refills, or the refill period may be over.' },
  { match: /service/i, hint: 'Check the service id against the Panel catalog.' },
  { match: /quantity|\bmin(imum)?\b|\bmax(imum)?\b/i, hint: "Keep the quantity within the service's min and max." },
  { match: /link|url/i, hint: 'Check the link: it must be a full URL the service accepts.' },
  { match: /action/i, hint: 'This Panel may not support this action; check the API URL and the Panel dialect (multiStatus vs status).' },
  { match: /cancel/i, hint: 'The order may not be cancelable at its current state.' },
];

export function hintForPanelMessage(text: string, action: string): string {
  for (const { match, hint } of HINTS) if (match.test(text)) return hint;
  return action === 'add'
    ? 'Check the order fields against the service type.'
    : 'Check the request against the Panel API documentation.';
}
