/**
 * The "every supported region" size: the shipped regions.yaml with every region Databricks offers
 * (DATABRICKS_AWS_REGIONS) onboarded the way a user would, through `npm run onboard`'s own planning
 * (AZs from its table, VPC CIDRs from the address pool, the result validated as synth validates it).
 * Real regions only, so no made-up region has to be allowed. A region onboarding refuses (e.g. no
 * back-end PrivateLink service where prod asks for PrivateLink) is left out, with onboard's reason.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { UserError } from "../../cli/kit/errors";
import { planOnboarding } from "../../cli/onboard/onboard";
import { DATABRICKS_AWS_REGIONS } from "../../domain/platform-facts";
import { linkReferencedFolders } from "./regions-file";

export interface SupportedRegionsFile {
  readonly file: string;
  /** Regions in the file: the shipped ones and those added. */
  readonly regions: number;
  readonly added: readonly string[];
  readonly skipped: readonly { readonly region: string; readonly reason: string }[];
}

/** Appends every supported region `templateText` lacks, one `planOnboarding` at a time. */
export function supportedRegionsText(templateFile: string, templateText: string): Omit<SupportedRegionsFile, "file"> & { text: string } {
  let text = templateText;
  const added: string[] = [];
  const skipped: { region: string; reason: string }[] = [];
  for (const region of DATABRICKS_AWS_REGIONS) {
    if (new RegExp(`^\\s*-\\s*region:\\s*${region}\\s*$`, "m").test(text)) continue;
    try {
      text = planOnboarding({ file: basename(templateFile), path: templateFile, text, region }).newText;
      added.push(region);
    } catch (error) {
      const [problem] = error instanceof UserError ? error.problems : [];
      skipped.push({ region, reason: problem ?? (error as Error).message.split("\n")[0] });
    }
  }
  const regions = (text.match(/^\s*-\s*region:/gm) ?? []).length;
  return { text, regions, added, skipped };
}

/** Writes it as `<dir>/regions-supported.yaml`, beside links to the folders the template refers to. */
export function writeSupportedRegionsFile(templateFile: string, dir: string, templateText: string): SupportedRegionsFile {
  mkdirSync(dir, { recursive: true });
  linkReferencedFolders(templateFile, dir, templateText);
  const { text, ...rest } = supportedRegionsText(templateFile, templateText);
  const file = join(dir, "regions-supported.yaml");
  writeFileSync(file, text);
  return { file, ...rest };
}
