/** Median and range of a few runs, and how cost grows with the number of stacks. */

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  if (!values.length) throw new Error("spread of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * Median and range of `a[i] / b[i]`. Each pair ran back to back, so a change in machine load
 * between pairs (other jobs on a shared machine) cancels out of every ratio: a verdict on the
 * median of paired ratios moves less than one on the ratio of two medians.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): Spread {
  if (a.length !== b.length) throw new Error(`paired ratio of ${a.length} and ${b.length} values`);
  return spread(a.map((value, i) => value / b[i]));
}

export interface SizePoint {
  readonly regions: number;
  readonly stacks: number;
  /** Median time of one synth at this size (wall or CPU). */
  readonly ms: number;
}

export interface Growth {
  readonly perStackMs: readonly { regions: number; ms: number }[];
  /** Cost of each stack added between consecutive sizes: flat means linear. */
  readonly marginalMs: readonly { from: number; to: number; ms: number }[];
  readonly verdict: "linear" | "better than linear" | "worse than linear";
}

/**
 * Linear means each added stack costs about the same at every size. The fixed cost of a run
 * (Node, tsx, loading cdktf and the provider classes) makes the time *per stack* fall as sizes grow
 * either way, so the verdict compares the marginal cost of the last step with that of the first.
 */
export function growth(points: readonly SizePoint[], tolerance = 0.25): Growth {
  const sorted = [...points].sort((a, b) => a.stacks - b.stacks);
  const perStackMs = sorted.map((p) => ({ regions: p.regions, ms: p.ms / p.stacks }));
  const marginalMs = sorted.slice(1).map((p, i) => ({
    from: sorted[i].regions,
    to: p.regions,
    ms: (p.ms - sorted[i].ms) / (p.stacks - sorted[i].stacks),
  }));
  if (marginalMs.length < 2) return { perStackMs, marginalMs, verdict: "linear" };
  const first = marginalMs[0].ms;
  const last = marginalMs[marginalMs.length - 1].ms;
  const verdict = last > first * (1 + tolerance) ? "worse than linear" : last < first * (1 - tolerance) ? "better than linear" : "linear";
  return { perStackMs, marginalMs, verdict };
}
