/**
 * Writes regions.schema.json from the zod schema, so editors (yaml-language-server) complete and
 * check regions.yaml with the same rules as `npm run validate`, and the field reference in
 * docs/regions-yaml.md
 * from the same source. A test fails when either is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { RegionsConfigSchema } from "../config/schema/regions";
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

const USAGE = "usage: npm run gen:schema (writes regions.schema.json and the field reference in docs/regions-yaml.md)";

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
    io.stdout(`wrote ${SCHEMA_FILE} and the field reference in ${FIELD_REFERENCE_DOC}\n`);
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) await runCommand(main);
