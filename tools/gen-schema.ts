/**
 * Writes regions.schema.json from the zod schema, so editors (yaml-language-server) complete and
 * check regions.yaml with the same rules as `npm run validate`. A test fails when it is stale.
 */
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { RegionsConfigSchema } from "../config/schema";

export const SCHEMA_FILE = "regions.schema.json";

export function regionsJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(RegionsConfigSchema, { io: "input", target: "draft-07" }), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, regionsJsonSchema());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
