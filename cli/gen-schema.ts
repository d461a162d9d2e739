/**
 * Writes regions.schema.json from the zod schema, so editors (yaml-language-server) complete and
 * check regions.yaml with the same rules as `npm run validate`, and the README's field reference
 * from the same source. A test fails when either is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { RegionsConfigSchema } from "../config/schema";
import { fieldReference, withFieldReference } from "./field-reference";

export const SCHEMA_FILE = "regions.schema.json";
export const README_FILE = "README.md";

export function regionsJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(RegionsConfigSchema, { io: "input", target: "draft-07" }), null, 2)}\n`;
}

export function readmeWithFields(readme: string): string {
  return withFieldReference(readme, fieldReference(JSON.parse(regionsJsonSchema())));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, regionsJsonSchema());
  writeFileSync(README_FILE, readmeWithFields(readFileSync(README_FILE, "utf8")));
  process.stdout.write(`wrote ${SCHEMA_FILE} and the field reference in ${README_FILE}\n`);
}
