import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { keptFolderLine, removeStaleStacks, staleStackFolders } from "../../../cli/synth/stale-stacks";
import { removeTempDirs, tempDir } from "../../utils";

afterAll(removeTempDirs);

/** `<outdir>/stacks/<name>/` holding `files` (a trailing / makes a folder). */
function outdirWith(stacks: Record<string, readonly string[]>): string {
  const outdir = join(tempDir("stale-stacks-"), "cdktf.out");
  for (const [name, files] of Object.entries(stacks)) {
    const folder = join(outdir, "stacks", name);
    mkdirSync(folder, { recursive: true });
    for (const file of files) {
      if (file.endsWith("/")) mkdirSync(join(folder, file), { recursive: true });
      else {
        mkdirSync(join(folder, file, ".."), { recursive: true });
        writeFileSync(join(folder, file), "{}");
      }
    }
  }
  return outdir;
}

describe("stale-stacks: folders of stacks the app no longer has go, as cdktf synth removes them, unless they hold state", () => {
  test("only folders that name no current stack are stale; files beside the folders are not", () => {
    const outdir = outdirWith({ "acme-data-use1-dev": ["cdk.tf.json"], "acme-data-usw2-dev": ["cdk.tf.json"] });
    writeFileSync(join(outdir, "stacks", "notes.txt"), "");
    expect(staleStackFolders(outdir, ["acme-data-use1-dev"])).toEqual([join(outdir, "stacks", "acme-data-usw2-dev")]);
    expect(staleStackFolders(join(outdir, "nowhere"), [])).toEqual([]);
  });

  test("a stale folder with only terraform's working files (.terraform, a lock file, a plan) is removed", () => {
    const outdir = outdirWith({ old: ["cdk.tf.json", ".terraform/terraform.tfstate", ".terraform.lock.hcl", "plan.tfplan"], current: ["cdk.tf.json"] });
    expect(removeStaleStacks(outdir, ["current"])).toEqual([{ folder: join(outdir, "stacks", "old"), removed: true }]);
    expect(existsSync(join(outdir, "stacks", "old"))).toBe(false);
    expect(existsSync(join(outdir, "stacks", "current", "cdk.tf.json"))).toBe(true);
  });

  test.each([
    ["a local state file", ["terraform.old.tfstate"]],
    ["only its backup", ["terraform.tfstate.backup"]],
    ["workspace states", ["terraform.tfstate.d/"]],
  ])("a stale folder holding %s is kept and named", (_, stateFiles) => {
    const outdir = outdirWith({ old: ["cdk.tf.json", ...stateFiles] });
    const [kept] = removeStaleStacks(outdir, []);
    expect(kept).toEqual({ folder: join(outdir, "stacks", "old"), removed: false, stateFiles: stateFiles.map((file) => file.replace(/\/$/, "")) });
    expect(existsSync(join(outdir, "stacks", "old", "cdk.tf.json"))).toBe(true);
  });

  test("the warning says why the folder stays and what to do", () => {
    expect(keptFolderLine({ folder: "cdktf.out/stacks/acme-data-usw2-dev", removed: false, stateFiles: ["terraform.acme-data-usw2-dev.tfstate"] })).toBe(
      "warning: kept cdktf.out/stacks/acme-data-usw2-dev: its stack is no longer in the app, but it holds local Terraform state " +
        "(terraform.acme-data-usw2-dev.tfstate) of resources that may still exist. Destroy them or move the state " +
        "(docs/deploying.md), then delete the folder; `cdktf synth` would have deleted it with the state.",
    );
  });
});
