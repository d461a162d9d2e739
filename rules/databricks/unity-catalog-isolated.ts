import { UC_ISOLATION } from "../../domain/platform-facts";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";

/** The isolation value each securable type must carry (catalogs and storage spell it differently). */
export const ISOLATED: Readonly<Record<string, string>> = {
  databricks_catalog: UC_ISOLATION.catalog,
  databricks_external_location: UC_ISOLATION.storage,
  databricks_storage_credential: UC_ISOLATION.storage,
};

/**
 * Catalogs, external locations and storage credentials are isolated, so they are reachable only from
 * the workspaces bound to them (databricks provider docs/resources/workspace_binding.md (v1.99)): an
 * open one is reachable from every workspace on the metastore, and dev and prod share a metastore.
 * An external location's fallback stays off: with it on, access falls back to cluster credentials,
 * past Unity Catalog (external_location.md (v1.99), `fallback`).
 */
export const unityCatalogIsolated: BlockRule = (block) => {
  const expected = block.kind === "resource" ? ISOLATED[block.type] : undefined;
  if (expected === undefined) return NOT_APPLICABLE;
  const problems: string[] = [];
  const mode = block.body.isolation_mode;
  if (mode !== expected) problems.push(`isolation_mode is ${mode === undefined ? "not set (open)" : JSON.stringify(mode)}, not "${expected}"`);
  if (block.type === "databricks_external_location" && block.body.fallback === true) problems.push("fallback is true");
  return fromProblems(problems);
};
