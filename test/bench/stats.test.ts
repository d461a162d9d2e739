import { describe, expect, test } from "vitest";
import { growth, pairedRatio, spread } from "./stats";

describe("stats: median, range and growth of a few runs", () => {
  test("median of odd and even counts, with min and max", () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(() => spread([])).toThrow("spread of no values");
  });

  test("paired ratios: a load change between pairs cancels out, the median is robust to one outlier", () => {
    // Pair 2 ran while the machine was busy: both sides doubled; pair 3's ours hit a spike.
    expect(pairedRatio([110, 220, 300], [100, 200, 100])).toEqual({ median: 1.1, min: 1.1, max: 3 });
    expect(() => pairedRatio([1, 2], [1])).toThrow("paired ratio of 2 and 1 values");
  });

  const point = (regions: number, msPerAddedStack: number, fixedMs = 1000) => ({
    regions,
    stacks: 1 + 4 * regions,
    ms: fixedMs + msPerAddedStack * 4 * regions,
  });

  test("the same cost per added stack is linear, even though time per stack falls", () => {
    const g = growth([point(3, 20), point(25, 20), point(100, 20)]);
    expect(g.verdict).toBe("linear");
    expect(g.perStackMs[0].ms).toBeGreaterThan(g.perStackMs[2].ms);
    expect(g.marginalMs.map((m) => Math.round(m.ms))).toEqual([20, 20]);
  });

  test("a rising cost per added stack is worse than linear; a falling one better", () => {
    const quadratic = [3, 25, 100].map((r) => ({ regions: r, stacks: 4 * r + 1, ms: 1000 + 4 * r * r }));
    expect(growth(quadratic).verdict).toBe("worse than linear");
    const falling = [3, 25, 100].map((r) => ({ regions: r, stacks: 4 * r + 1, ms: 1000 + 400 * Math.sqrt(r) }));
    expect(growth(falling).verdict).toBe("better than linear");
  });
});
