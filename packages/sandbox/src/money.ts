/**
 * Exact decimal money on BigInt. Amounts travel as decimal strings ("0.27819"); no value
 * ever passes through a binary float.
 *
 * Rounding rule (the only place the sandbox rounds): a pro-rata share `amount × part / whole`
 * is rounded DOWN (toward zero) to MONEY_SCALE (10) decimal places, so the Panel never
 * refunds more than the undelivered share. Charges are `rate × quantity / 1000`, which is
 * exact at rate scale + 3, and a refund of such a charge is `rate × undelivered / 1000` —
 * also exact, so with rates of ≤ 7 decimals the rounding never actually bites.
 */
export const MONEY_SCALE = 10;

interface Dec { units: bigint; scale: number }

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL_RE.test(text);
}

function parse(text: string): Dec {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) throw new Error(`not a decimal amount: ${JSON.stringify(text)}`);
  const frac = m[3] ?? '';
  const units = BigInt(m[2]! + frac);
  return { units: m[1] ? -units : units, scale: frac.length };
}

function rescale(d: Dec, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [rescale(a, scale), rescale(b, scale), scale];
}

/** Plain decimal text, trailing zeros trimmed but at least `minScale` decimals ("1000.00"). */
function format(d: Dec, minScale = 2): string {
  const neg = d.units < 0n;
  let digits = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  let int = digits.slice(0, digits.length - d.scale);
  let frac = digits.slice(digits.length - d.scale);
  frac = frac.replace(/0+$/, '');
  if (frac.length < minScale) frac = frac.padEnd(minScale, '0');
  digits = frac ? `${int}.${frac}` : int;
  return neg && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

export function normalize(a: string, minScale = 2): string {
  return format(parse(a), minScale);
}

export function add(a: string, b: string): string {
  const [x, y, scale] = align(parse(a), parse(b));
  return format({ units: x + y, scale });
}

export function sub(a: string, b: string): string {
  const [x, y, scale] = align(parse(a), parse(b));
  return format({ units: x - y, scale });
}

/** -1, 0 or 1. */
export function compare(a: string, b: string): number {
  const [x, y] = align(parse(a), parse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isNegative(a: string): boolean {
  return parse(a).units < 0n;
}

/** The Panel's price of `quantity` units at `rate` per 1000: exact. */
export function chargeFor(rate: string, quantity: number): string {
  const r = parse(rate);
  return format({ units: r.units * BigInt(quantity), scale: r.scale + 3 });
}

/** `amount × part / whole`, rounded down to MONEY_SCALE decimals (see the file comment). */
export function proRata(amount: string, part: number, whole: number): string {
  if (whole <= 0) throw new Error('proRata: whole must be positive');
  const a = parse(amount);
  const scale = Math.max(a.scale, MONEY_SCALE);
  const num = rescale(a, scale) * BigInt(part);
  return format({ units: num / BigInt(whole), scale }); // BigInt division truncates toward zero
}

/** JSON number literal for a decimal string (webhook payloads carry numbers): "4.50" → 4.5. */
export function toJsonNumber(a: string): string {
  return format(parse(a), 0);
}
