/**
 * Child process of bench-regions.test.ts: validates a regions file after allowBenchRegions, so the
 * widened region tables never reach the test worker (test files share its module cache).
 *
 *   node --import tsx test/bench/validate-allowed.ts <regions file> <made-up regions>
 */
import { readFileSync } from "node:fs";
import { allowBenchRegions } from "./bench-regions";
import { validateRegionsText } from "../../config/load";

const [file, regions] = process.argv.slice(2);
const extended = await allowBenchRegions(regions ?? "", "us-east-1");
const result = validateRegionsText(file, readFileSync(file, "utf8"));
const again = await allowBenchRegions(regions ?? "", "us-east-1").then(
  () => "",
  (error: unknown) => String(error),
);
process.stdout.write(JSON.stringify({ extended, errors: result.ok ? [] : result.errors, again }));
