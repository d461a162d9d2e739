/**
 * Suppressions from regions.yaml: a rule ID, globs over `<stack>/<address>` and a reason (the schema
 * rejects one under ten characters). A suppressed finding stays in the report, marked, with its
 * reason. A suppression that matches nothing is a warning: it would silently hide a future finding.
 */
import type { RegionsConfig } from "../config/schema/regions";
import { globToRegExp } from "./core/glob";
import type { Finding } from "./finding";

export type Suppression = RegionsConfig["suppressions"][number];

export const UNUSED_SUPPRESSION_MESSAGE =
  "Unused suppression: it matches no finding today and would silently hide a future one. Remove it, or fix its rule ID or globs.";

export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  knownRules: ReadonlySet<string>,
  configFile: string,
): Finding[] {
  const matchers = suppressions.map((suppression) => ({ suppression, globs: suppression.resources.map(globToRegExp), used: false }));
  const applied = findings.map((finding) => {
    const target = `${finding.stack}/${finding.address}`;
    const matcher = matchers.find((m) => m.suppression.rule === finding.rule && m.globs.some((glob) => glob.test(target)));
    if (!matcher) return finding;
    matcher.used = true;
    return { ...finding, suppressed: { reason: matcher.suppression.reason } };
  });
  const unused: Finding[] = matchers.flatMap(({ suppression, used }, index) =>
    used
      ? []
      : [
          {
            stack: configFile,
            address: `suppressions[${index}]`,
            rule: suppression.rule,
            level: "warning" as const,
            message: UNUSED_SUPPRESSION_MESSAGE,
            details: [
              knownRules.has(suppression.rule)
                ? `no ${suppression.rule} finding matches ${suppression.resources.join(", ")}`
                : `the pack has no rule ${suppression.rule}`,
            ],
          },
        ],
  );
  return [...applied, ...unused];
}
