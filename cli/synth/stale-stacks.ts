/**
 * Stack folders a synth leaves behind. `cdktf synth` deletes every `<outdir>/stacks/<name>` whose
 * stack is no longer in the app, whatever it holds (cdktf-cli 0.21, @cdktf/cli-core
 * src/lib/synth-stack.js: `orphanedDirectories` … `fs.rmSync(…, { recursive: true })`), so that
 * `cdktf deploy` never finds a stale stack. `npm run synth` does the same, except where a folder holds
 * local Terraform state: state written there before it moved to `terraform-state/` records resources
 * that may still exist, and deleting it loses track of them. Such a folder is kept and named.
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** A stale stack folder: removed, or kept because of the state files named. */
export type StaleStack = { readonly folder: string; readonly removed: true } | { readonly folder: string; readonly removed: false; readonly stateFiles: readonly string[] };

/**
 * Local state as terraform writes it in a working directory: `<path>.tfstate` and its `.backup`, and
 * `terraform.tfstate.d/` for workspaces. `.terraform/terraform.tfstate` is not among them: it caches
 * the backend configuration, not resources (developer.hashicorp.com/terraform/language/backend/local).
 */
function stateFilesIn(folder: string): string[] {
  return readdirSync(folder).filter((entry) => /\.tfstate(\.backup)?$/.test(entry) || entry === "terraform.tfstate.d");
}

/** The folders under `<outdir>/stacks/` that name no stack of `stacks`. */
export function staleStackFolders(outdir: string, stacks: readonly string[]): string[] {
  const stacksDir = join(outdir, "stacks");
  if (!existsSync(stacksDir)) return [];
  const current = new Set(stacks);
  return readdirSync(stacksDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !current.has(entry.name))
    .map((entry) => join(stacksDir, entry.name))
    .sort();
}

/** Removes the stale stack folders of `outdir`, except those holding local state. */
export function removeStaleStacks(outdir: string, stacks: readonly string[]): StaleStack[] {
  return staleStackFolders(outdir, stacks).map((folder): StaleStack => {
    const stateFiles = stateFilesIn(folder);
    if (stateFiles.length) return { folder, removed: false, stateFiles };
    rmSync(folder, { recursive: true, force: true });
    return { folder, removed: true };
  });
}

/** What the user reads about a kept folder: why it stays, and what to do. */
export function keptFolderLine(stale: Extract<StaleStack, { removed: false }>): string {
  return (
    `warning: kept ${stale.folder}: its stack is no longer in the app, but it holds local Terraform state ` +
    `(${stale.stateFiles.join(", ")}) of resources that may still exist. Destroy them or move the state ` +
    `(docs/deploying.md), then delete the folder; \`cdktf synth\` would have deleted it with the state.`
  );
}
