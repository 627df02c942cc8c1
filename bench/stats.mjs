// @ts-check
/** @file Summary statistics shared by the benchmark scripts. */

/**
 * The median of `v` (NaN when empty).
 * @param {number[]} v
 */
export function median(v) {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * The `p` quantile of `v` (0 ≤ p ≤ 1), nearest rank (NaN when empty).
 * @param {number[]} v
 * @param {number} p
 */
export function pct(v, p) {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))] : NaN;
}
