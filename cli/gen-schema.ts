/**
 * Writes regions.schema.json from the zod schema, so editors (yaml-language-server) complete and
 * check regions.yaml with the same rules as `npm run validate`, and the field reference in
 * docs/regions-yaml.md from the same source; and the spend dashboard for the schema's tag keys, so
 * dashboards/spend.lvdash.json can be opened or imported by hand. A test fails when any is stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "../config/schema/zod";
import { RegionsConfigSchema } from "../config/schema/regions";
import { WORKSPACE_TAG_KEYS } from "../config/schema/spend";
import { serializeDashboard, SPEND_DASHBOARD_FILE, spendDashboard } from "../domain/spend-dashboard";
import { fieldReference, withFieldReference } from "./field-reference";
import { parseCommandLine } from "./kit/args";
import { isEntryPoint } from "./kit/entry";
import { UserError } from "./kit/errors";
import { processIo, runCommand, runGuarded, type Io } from "./kit/io";

export const SCHEMA_FILE = "regions.schema.json";
export const FIELD_REFERENCE_DOC = "docs/regions-yaml.md";

export function regionsJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(RegionsConfigSchema, { io: "input", target: "draft-07" }), null, 2)}\n`;
}

export function docWithFields(doc: string): string {
  return withFieldReference(doc, fieldReference(JSON.parse(regionsJsonSchema())));
}

/** The dashboard the app deploys: every workspace's tags are the cost tags plus Environment and Region. */
export function spendDashboardJson(): string {
  return serializeDashboard(spendDashboard([...Object.keys(RegionsConfigSchema.shape.costTags.shape), ...WORKSPACE_TAG_KEYS]));
}

const USAGE = `usage: npm run gen:schema (writes regions.schema.json, the field reference in docs/regions-yaml.md and ${SPEND_DASHBOARD_FILE})`;

export function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  return runGuarded("gen:schema", io, () => {
    const { values, positionals } = parseCommandLine(argv, { help: { type: "boolean" } });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new UserError(`unexpected argument "${positionals[0]}"; ${USAGE}`);
    writeFileSync(SCHEMA_FILE, regionsJsonSchema());
    writeFileSync(FIELD_REFERENCE_DOC, docWithFields(readFileSync(FIELD_REFERENCE_DOC, "utf8")));
    mkdirSync(dirname(SPEND_DASHBOARD_FILE), { recursive: true });
    writeFileSync(SPEND_DASHBOARD_FILE, spendDashboardJson());
    io.stdout(`wrote ${SCHEMA_FILE}, the field reference in ${FIELD_REFERENCE_DOC} and ${SPEND_DASHBOARD_FILE}\n`);
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);
