/**
 * Messages more than one check gives, worded once so the same mistake reads the same wherever it is
 * made (a group's role, a warehouse size, a grant, a data bucket, the dashboard's workspace).
 */

/** An environment name that `environments` does not declare. */
export function unknownEnvironment(configured: readonly string[], found: string): string {
  return `expected one of the configured environments (${configured.join(", ")}), found "${found}"`;
}
