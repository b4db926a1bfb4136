/**
 * Decimal digits of Terraform numbers, for `format` and number-to-string conversion.
 *
 * Terraform keeps numbers as 512-bit binary floats parsed from their decimal source text
 * (cty.ParseNumberVal); we keep JavaScript doubles. The shortest decimal that round-trips to
 * a double is the source literal in practice, so digits are taken from it, not from the
 * double's exact binary expansion (`(0.1).toFixed(20)` shows binary noise Terraform never
 * prints). Where the 512-bit value itself decides (a rounding tie, digits past its
 * precision), the answer is computed from it or reported as not known.
 */

/** value = 0.d1d2d3… × 10^exp; `digits` has no leading or trailing zeros ('' for zero). */
export interface Decimal {
  neg: boolean;
  digits: string;
  exp: number;
}

/** Significant decimal digits a 512-bit mantissa determines (512·log10(2) ≈ 154, minus a margin). */
export const SIGNIFICANT_DIGITS_512 = 150;

export function toDecimal(n: number): Decimal {
  const neg = n < 0 || Object.is(n, -0);
  if (n === 0) return { neg, digits: '', exp: 0 };
  const [mant, e] = Math.abs(n).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '').replace(/0+$/, '');
  return { neg, digits, exp: Number(e) + 1 };
}

/**
 * True when the decimal is exactly a binary fraction (so a 512-bit float holds it exactly):
 * D / 10^f is dyadic iff 5^f divides D.
 */
function isDyadic(d: Decimal): boolean {
  const f = d.digits.length - d.exp;
  if (f <= 0) return true;
  return BigInt(d.digits) % 5n ** BigInt(f) === 0n;
}

/** -1 / 0 / 1: where the 512-bit float nearest to the decimal lies relative to it. */
function float512Side(d: Decimal): number {
  if (isDyadic(d)) return 0;
  // value = D / 10^f (f > 0 here). Scale by 2^k until the integer part q has 512 bits; the
  // float is q or q+1 (× 2^-k), whichever is nearer.
  const D = BigInt(d.digits);
  const den = 10n ** BigInt(d.digits.length - d.exp);
  const split = (k: number): [bigint, bigint] => (k >= 0 ? [D << BigInt(k), den] : [D, den << BigInt(-k)]);
  let k = 512 - (D.toString(2).length - den.toString(2).length);
  let [num, div] = split(k);
  while (num / div >= 1n << 512n) [num, div] = split(--k);
  while (num / div < 1n << 511n) [num, div] = split(++k);
  const r = num - (num / div) * div;
  // Round to nearest; a tie cannot occur (the value is not dyadic).
  return 2n * r > div ? 1 : -1;
}

/**
 * Rounds to `n` significant digits (n ≥ 0) the way Go's big.Float does (half to even on the
 * float's exact value). Undefined when the answer depends on digits we do not have.
 */
export function roundDigits(d: Decimal, n: number): Decimal | undefined {
  if (n < 0) return { neg: d.neg, digits: '', exp: d.exp };
  if (d.digits.length <= n) {
    // Asking for digits past the literal: zeros, exactly, when the float holds the decimal;
    // otherwise the float's own digits appear past its precision.
    if (n > SIGNIFICANT_DIGITS_512 && !isDyadic(d)) return undefined;
    return d;
  }
  const next = d.digits.charCodeAt(n) - 48;
  const rest = d.digits.slice(n + 1);
  let up: boolean;
  if (next > 5 || (next === 5 && rest.length > 0)) up = true;
  else if (next < 5) up = false;
  else {
    // An exact tie in the decimal: the 512-bit float decides (it lies above, below or on it).
    const side = float512Side(d);
    up = side === 0 ? n > 0 && (d.digits.charCodeAt(n - 1) - 48) % 2 === 1 : side > 0;
  }
  let digits = d.digits.slice(0, n);
  let exp = d.exp;
  if (up) {
    const bumped = (BigInt(digits || '0') + 1n).toString();
    if (bumped.length > digits.length) exp++;
    digits = digits.length === 0 ? '1' : bumped;
  }
  return { neg: d.neg, digits: digits.replace(/0+$/, ''), exp };
}

function digitAt(d: Decimal, i: number): string {
  return d.digits[i] ?? '0';
}

/** Go's %f body (no sign): `prec` digits after the point. */
export function fixed(d: Decimal, prec: number): string | undefined {
  const r = roundDigits(d, d.exp + prec);
  if (!r) return undefined;
  let int = '';
  if (r.exp <= 0 || r.digits === '') int = '0';
  else for (let i = 0; i < r.exp; i++) int += digitAt(r, i);
  let frac = '';
  for (let i = 0; i < prec; i++) frac += r.digits === '' ? '0' : digitAt(r, r.exp + i);
  return prec > 0 ? `${int}.${frac}` : int;
}

/** Go's %e body (no sign): one digit, `prec` after the point, `e±dd`. */
export function exponent(d: Decimal, prec: number, e: 'e' | 'E'): string | undefined {
  const r = roundDigits(d, prec + 1);
  if (!r) return undefined;
  const first = r.digits === '' ? '0' : r.digits[0]!;
  let frac = '';
  for (let i = 1; i <= prec; i++) frac += digitAt(r, i);
  const x = r.digits === '' ? 0 : r.exp - 1;
  const ex = `${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
  return `${first}${prec > 0 ? '.' + frac : ''}${e}${ex}`;
}

/** Go's %g body (no sign); `prec` undefined is the shortest form (big.Float Text('g', -1)). */
export function general(d: Decimal, prec: number | undefined, e: 'e' | 'E'): string | undefined {
  let r: Decimal | undefined = d;
  let p: number;
  const shortest = prec === undefined;
  if (shortest) p = Math.max(d.digits.length, 1);
  else {
    p = prec === 0 ? 1 : prec;
    r = roundDigits(d, p);
    if (!r) return undefined;
  }
  const len = r.digits.length;
  let eprec = p;
  if (eprec > len && len >= r.exp) eprec = len;
  if (shortest) eprec = 6;
  const x = r.exp - 1;
  if (len > 0 && (x < -4 || x >= eprec)) return exponent(r, Math.max(Math.min(p, len), 1) - 1, e);
  if (p > r.exp) p = len;
  return fixed(r, Math.max(p - r.exp, 0));
}

/** A number as Terraform converts it to a string: plain decimal, no exponent (Text('f', -1)). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const d = toDecimal(n);
  const sign = d.neg && d.digits !== '' ? '-' : '';
  return sign + fixed(d, Math.max(d.digits.length - d.exp, 0))!;
}
