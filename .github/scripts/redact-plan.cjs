#!/usr/bin/env node
// @ts-check
/**
 * node redact-plan.cjs <plan.json>   prints the plan with every sensitive value replaced
 *
 * `terraform show -json` writes sensitive values in clear text (only marking them in
 * before_sensitive / after_sensitive, and keeping the whole prior state, outputs included): a
 * service principal's OAuth secret sits in the state of our workspace stacks. Workflow artifacts are
 * readable by everyone who can read the repository, so a plan leaves its job only like this:
 *
 * - only what `npm run plan-summary` reads is kept: format_version, terraform_version and
 *   resource_changes (prior_state, planned_values, output_changes, resource_drift, configuration,
 *   variables are dropped);
 * - in each change, every value its sensitivity mask marks becomes "(sensitive <token>)", where the
 *   token is an HMAC of the value under a key made for this process and never written: two equal
 *   values get the same token, so a review still sees THAT a secret changed, never what it is.
 *
 * Plain Node (no npm install): it runs in jobs that only have terraform and the runner's node.
 */
const { createHmac, randomBytes } = require("node:crypto");
const { readFileSync } = require("node:fs");

const KEPT_TOP_LEVEL = ["format_version", "terraform_version", "resource_changes"];

/** @param {unknown} value */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} value
 * @param {unknown} mask terraform's sensitivity mask for `value`: true, or the same shape with true at sensitive leaves
 * @param {(value: unknown) => string} token
 * @returns {unknown}
 */
function redactValue(value, mask, token) {
  if (mask === true) return value === null || value === undefined ? value : `(sensitive ${token(value)})`;
  if (Array.isArray(value)) return value.map((item, index) => redactValue(item, Array.isArray(mask) ? mask[index] : undefined, token));
  if (isObject(value)) {
    const fields = /** @type {Record<string, unknown>} */ (value);
    const masks = isObject(mask) ? /** @type {Record<string, unknown>} */ (mask) : {};
    return Object.fromEntries(Object.entries(fields).map(([key, item]) => [key, redactValue(item, masks[key], token)]));
  }
  return value;
}

/**
 * @param {unknown} plan parsed `terraform show -json` output
 * @param {Buffer} [key] the HMAC key; a fresh random one unless a test fixes it
 */
function redactPlan(plan, key = randomBytes(32)) {
  if (!isObject(plan)) throw new Error("not a terraform plan: expected a JSON object");
  const fields = /** @type {Record<string, unknown>} */ (plan);
  /** @param {unknown} value */
  const token = (value) => createHmac("sha256", key).update(JSON.stringify(value)).digest("hex").slice(0, 12);
  const kept = Object.fromEntries(KEPT_TOP_LEVEL.filter((name) => name in fields).map((name) => [name, fields[name]]));
  const changes = Array.isArray(kept.resource_changes) ? kept.resource_changes : [];
  kept.resource_changes = changes.map((/** @type {Record<string, any>} */ resource) => {
    const change = isObject(resource.change) ? resource.change : {};
    return {
      ...resource,
      change: {
        ...change,
        before: redactValue(change.before, change.before_sensitive, token),
        after: redactValue(change.after, change.after_sensitive, token),
      },
    };
  });
  return kept;
}

module.exports = { redactPlan, redactValue, KEPT_TOP_LEVEL };

if (require.main === module) {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    process.stderr.write("usage: node redact-plan.cjs <plan.json>\n");
    process.exit(64);
  }
  try {
    process.stdout.write(`${JSON.stringify(redactPlan(JSON.parse(readFileSync(file, "utf8"))))}\n`);
  } catch (error) {
    process.stderr.write(`redact-plan: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
