/**
 * `npm run bench`'s command line: what it measures by default, `--help`, and the one-line refusals
 * of a wrong flag or value (a bench run is minutes; a typo must not start one).
 */
import { describe, expect, test } from "vitest";
import { parseOptions } from "./run";

describe("npm run bench: its command line", () => {
  test("no flags: every size, every extra, review and plans, nothing kept", () => {
    expect(parseOptions([])).toEqual({
      help: false,
      sizes: [3, 25, 100],
      runs: undefined,
      extras: true,
      review: true,
      plans: true,
      profile: false,
      keep: false,
    });
  });

  test("the quick look the performance docs give", () => {
    const options = parseOptions(["--sizes=3,25", "--runs=1", "--no-extras", "--no-review", "--no-plans"]);
    expect(options).toMatchObject({ sizes: [3, 25], runs: 1, extras: false, review: false, plans: false });
  });

  test("--help asks for the help text, whatever else is given", () => {
    expect(parseOptions(["--help"]).help).toBe(true);
    expect(parseOptions(["--sizes=3", "--help"]).help).toBe(true);
  });

  const USAGE = "usage: npm run bench [-- --sizes=3,25,100 --runs=N --no-extras --no-review --no-plans --profile --keep]";
  test.each([
    [["--bogus"], 'unknown flag "--bogus" (known: --sizes, --runs, --no-extras, --no-review, --no-plans, --profile, --keep, --help)'],
    [["--sizes=3,abc"], `--sizes: expected region counts such as 3,25,100; ${USAGE}`],
    [["--sizes=0"], `--sizes: expected region counts such as 3,25,100; ${USAGE}`],
    [["--runs=1.5"], `--runs: expected a whole number of measured runs; ${USAGE}`],
    [["100"], `unexpected argument "100"; ${USAGE}`],
  ])("%j is refused: %s", (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(message);
  });
});
