/**
 * The Databricks cluster policy language (docs.databricks.com/aws/en/admin/clusters/policy-definition):
 * a JSON object keyed by attribute path, one limitation per path. Policy files are read against it at
 * the config boundary, and the guardrail rules read synthesized definitions against the same schema.
 */
import type { output } from "zod";
import { z } from "./zod";

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const optionalDefaults = { defaultValue: scalar.optional(), isOptional: z.boolean().optional() };

export const Limitation = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("fixed"), value: scalar, hidden: z.boolean().optional() }),
    z.strictObject({ type: z.literal("forbidden"), hidden: z.boolean().optional() }),
    z.strictObject({ type: z.literal("allowlist"), values: z.array(scalar).min(1), ...optionalDefaults }),
    z.strictObject({ type: z.literal("blocklist"), values: z.array(scalar).min(1), ...optionalDefaults }),
    z.strictObject({ type: z.literal("regex"), pattern: z.string(), ...optionalDefaults }),
    z.strictObject({
      type: z.literal("range"),
      minValue: z.number().optional(),
      maxValue: z.number().optional(),
      ...optionalDefaults,
    }),
    z.strictObject({ type: z.literal("unlimited"), ...optionalDefaults }),
  ],
  { error: "expected a limitation type: fixed, forbidden, allowlist, blocklist, regex, range or unlimited" },
);
export type Limitation = output<typeof Limitation>;
export type PolicyDefinition = Readonly<Record<string, Limitation>>;

export const PolicyFile = z.strictObject({
  description: z.string().min(1, { error: "expected a description of what the policy is for" }),
  definition: z.record(z.string(), Limitation),
});
export type PolicyFile = output<typeof PolicyFile>;
