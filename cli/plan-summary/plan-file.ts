/**
 * Reads one `terraform show -json <planfile>` file. Per the JSON output format
 * (developer.hashicorp.com/terraform/internals/json-format): unknown fields are ignored (the format
 * grows within a major version), an unknown MAJOR format_version is refused because its meaning may
 * have changed.
 */
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { output } from "zod";
import { z } from "../../config/schema/zod";
import { UserError } from "../kit/errors";

const PathSchema = z.array(z.union([z.string(), z.number()]));

// z.object drops keys it does not list: newer fields in a 1.x plan are ignored, as the format asks.
const ChangeSchema = z.object({
  actions: z.array(z.string()).min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(PathSchema).optional(),
  /** Set when an `import` block brings the object in (format 1.2, Terraform >= 1.5). */
  importing: z.object({ id: z.string().optional() }).optional(),
});

const ResourceChangeSchema = z.object({
  address: z.string(),
  mode: z.string().optional(),
  type: z.string(),
  name: z.string().optional(),
  change: ChangeSchema,
  action_reason: z.string().optional(),
});

const PlanSchema = z.object({
  format_version: z.string(),
  resource_changes: z.array(ResourceChangeSchema).optional(),
});

export type PlanResourceChange = output<typeof ResourceChangeSchema>;
export type Plan = output<typeof PlanSchema>;

export interface PlanFile {
  readonly file: string;
  /** `network.json` → `network`; `<stack>/plan.json` → `<stack>`. */
  readonly stack: string;
  readonly plan: Plan;
}

export const SUPPORTED_MAJOR = "1";

export function stackNameOf(file: string): string {
  const name = basename(file);
  if (name === "plan.json") return basename(dirname(file));
  return name.endsWith(".json") ? name.slice(0, -".json".length) : name;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((segment) => (typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`)).join("").replace(/^\./, "") || "(document)";
}

/** Validates parsed JSON as a plan; `file` only names the source in errors. */
export function parsePlan(file: string, json: unknown): Plan {
  const version = (json as { format_version?: unknown } | null)?.format_version;
  if (typeof version !== "string") throw new UserError(`${file}: not a terraform plan (no format_version)`);
  const major = version.split(".")[0];
  if (major !== SUPPORTED_MAJOR) {
    throw new UserError(`${file}: unsupported format_version "${version}" (this tool reads plan JSON ${SUPPORTED_MAJOR}.x)`);
  }
  const parsed = PlanSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`${file}: not a terraform plan: ${formatIssuePath(issue.path)}: ${issue.message}`);
  }
  return parsed.data;
}

export function loadPlanFile(file: string): PlanFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UserError(`cannot read plan file "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return { file, stack: stackNameOf(file), plan: parsePlan(file, json) };
}
