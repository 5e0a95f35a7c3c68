"use strict";
/**
 * Exact decimal arithmetic on BigInt. Panels send money as decimal strings with up to 7
 * places; binary floating point would misprice (0.1 + 0.2). A Decimal is an integer
 * `units` scaled by 10^-scale.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.Decimal = void 0;
exports.decimalText = decimalText;
exports.chargeFor = chargeFor;
/** Exponents beyond this are refused: "1e999999999" must not allocate a billion digits. */
const MAX_EXPONENT = 400;
const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const TEN = BigInt(10);
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
function pow10(n) {
    return TEN ** BigInt(n);
}
class Decimal {
    /** value = units × 10^-scale; scale ≥ 0. */
    units;
    scale;
    constructor(units, scale) {
        this.units = units;
        this.scale = scale;
    }
    static ZERO = new Decimal(ZERO, 0);
    static fromUnits(units, scale = 0) {
        if (!Number.isInteger(scale) || scale < 0)
            throw new RangeError(`Decimal scale must be a non-negative integer, got ${scale}`);
        return new Decimal(units, scale);
    }
    /**
     * Parse a decimal from a string ("100.84292", " 1e-3 ", ".5", "+2"), a finite number
     * (through its shortest decimal spelling, so 0.1 is exactly 0.1), a bigint or a Decimal.
     * Returns null when the value is not a decimal number.
     */
    static tryParse(value) {
        if (value instanceof Decimal)
            return value;
        if (typeof value === 'bigint')
            return new Decimal(value, 0);
        if (typeof value === 'number') {
            if (!Number.isFinite(value))
                return null;
            return Decimal.tryParse(String(value));
        }
        if (typeof value !== 'string')
            return null;
        const s = value.trim();
        if (s.length === 0 || s.length > 1000)
            return null;
        const m = DECIMAL_RE.exec(s);
        if (!m)
            return null;
        const sign = m[1] ?? '';
        const int = m[2] ?? '';
        const frac = m[3] ?? '';
        if (int === '' && frac === '')
            return null;
        let exp = 0;
        if (m[4] !== undefined) {
            exp = Number(m[4]);
            if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT)
                return null;
        }
        let units = BigInt((int || '0') + frac);
        let scale = frac.length - exp;
        if (scale < 0) {
            units *= pow10(-scale);
            scale = 0;
        }
        if (sign === '-')
            units = -units;
        return new Decimal(units, scale);
    }
    /** Like tryParse, but throws a RangeError naming the value. */
    static parse(value) {
        const d = Decimal.tryParse(value);
        if (d === null)
            throw new RangeError(`Not a decimal number: ${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value)}`);
        return d;
    }
    static isDecimal(value) {
        return Decimal.tryParse(value) !== null;
    }
    static align(a, b) {
        if (a.scale === b.scale)
            return [a.units, b.units, a.scale];
        if (a.scale > b.scale)
            return [a.units, b.units * pow10(a.scale - b.scale), a.scale];
        return [a.units * pow10(b.scale - a.scale), b.units, b.scale];
    }
    add(other) {
        const [x, y, s] = Decimal.align(this, Decimal.parse(other));
        return new Decimal(x + y, s);
    }
    sub(other) {
        const [x, y, s] = Decimal.align(this, Decimal.parse(other));
        return new Decimal(x - y, s);
    }
    mul(other) {
        const o = Decimal.parse(other);
        return new Decimal(this.units * o.units, this.scale + o.scale);
    }
    /** Exact division by 10^n (e.g. a rate per 1000 → per unit is divPow10(3)). */
    divPow10(n) {
        if (!Number.isInteger(n) || n < 0)
            throw new RangeError(`divPow10 needs a non-negative integer, got ${n}`);
        return new Decimal(this.units, this.scale + n);
    }
    /** Cost of `quantity` units at this rate per 1000 units: rate × quantity / 1000, exact. */
    costFor(quantity) {
        return this.mul(quantity).divPow10(3);
    }
    compare(other) {
        const [x, y] = Decimal.align(this, Decimal.parse(other));
        return x < y ? -1 : x > y ? 1 : 0;
    }
    eq(other) {
        return this.compare(other) === 0;
    }
    lt(other) {
        return this.compare(other) < 0;
    }
    lte(other) {
        return this.compare(other) <= 0;
    }
    gt(other) {
        return this.compare(other) > 0;
    }
    gte(other) {
        return this.compare(other) >= 0;
    }
    isZero() {
        return this.units === ZERO;
    }
    isNegative() {
        return this.units < ZERO;
    }
    negate() {
        return new Decimal(-this.units, this.scale);
    }
    abs() {
        return this.units < ZERO ? this.negate() : this;
    }
    /** Whether the value has no fractional part. */
    isInteger() {
        return this.normalize().scale === 0;
    }
    /** Same value, trailing fractional zeros removed (scale minimal). */
    normalize() {
        if (this.scale === 0)
            return this;
        let u = this.units;
        let s = this.scale;
        while (s > 0 && u % TEN === ZERO) {
            u /= TEN;
            s--;
        }
        return new Decimal(u, s);
    }
    /** Round to `places` decimal places. Default half-up (away from zero on .5), as money is usually shown. */
    round(places, mode = 'half-up') {
        if (!Number.isInteger(places) || places < 0)
            throw new RangeError(`round needs a non-negative integer, got ${places}`);
        if (this.scale <= places)
            return new Decimal(this.units * pow10(places - this.scale), places);
        const div = pow10(this.scale - places);
        const neg = this.units < ZERO;
        const abs = neg ? -this.units : this.units;
        let q = abs / div;
        const r = abs % div;
        if (r !== ZERO) {
            const twice = r * TWO;
            let up;
            switch (mode) {
                case 'down':
                    up = false;
                    break;
                case 'up':
                    up = true;
                    break;
                case 'floor':
                    up = neg;
                    break;
                case 'ceil':
                    up = !neg;
                    break;
                case 'half-even':
                    up = twice > div || (twice === div && q % TWO === ONE);
                    break;
                default:
                    up = twice >= div;
            }
            if (up)
                q += ONE;
        }
        return new Decimal(neg ? -q : q, places);
    }
    /** Fixed number of places (rounded half-up), e.g. toFixed(2) → "0.09". */
    toFixed(places, mode = 'half-up') {
        return this.round(places, mode).format();
    }
    /** Exact decimal text with trailing zeros removed: "0.09", "1000", "-0.5". */
    toString() {
        return this.normalize().format();
    }
    toJSON() {
        return this.toString();
    }
    /** A JS number (lossy; for display or comparisons only, never for money arithmetic). */
    toNumber() {
        return Number(this.toString());
    }
    /** Text at the current scale (keeps trailing zeros). */
    format() {
        const neg = this.units < ZERO;
        const digits = (neg ? -this.units : this.units).toString();
        if (this.scale === 0)
            return (neg ? '-' : '') + digits;
        const padded = digits.padStart(this.scale + 1, '0');
        const cut = padded.length - this.scale;
        return `${neg ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
    }
}
exports.Decimal = Decimal;
const PLAIN_DECIMAL = /^(0|[1-9]\d{0,29})(\.\d{1,30})?$/;
/**
 * Canonical text of a decimal as the Panel sent it: keeps its trailing zeros ("1000.00"),
 * drops a leading '+', completes ".5" → "0.5", expands exponents. null when not a decimal.
 */
function decimalText(value) {
    // Fast path for what Panels send almost always ("0.90", "100.84292"): already canonical.
    if (typeof value === 'string' && PLAIN_DECIMAL.test(value))
        return value;
    const d = Decimal.tryParse(value);
    if (d === null)
        return null;
    if (typeof value === 'string' && /^[+-]?\d*\.?\d*$/.test(value.trim())) {
        const s = d.format();
        return s === '-0' || /^-0\.0*$/.test(s) ? s.slice(1) : s;
    }
    const s = d.toString();
    return s === '-0' ? '0' : s;
}
/** rate (per 1000) × quantity / 1000 as exact decimal text. */
function chargeFor(rate, quantity) {
    return Decimal.parse(rate).costFor(typeof quantity === 'number' ? BigInt(quantity) : quantity).toString();
}
