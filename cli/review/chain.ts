/**
 * A replacement chain: the resource whose own change started it, then each resource dragged along by
 * a reference, e.g. `aws_s3_bucket.root (bucket "a"→"b") → databricks_mws_storage_configurations.storage
 * (bucket_name) → databricks_mws_workspaces.workspace (storage_configuration_id)`.
 */

export interface Link {
  readonly stack: string;
  readonly address: string;
  /** What changed there: `bucket "a"→"b"` for the origin, the referencing argument further down. */
  readonly detail: string;
}

/**
 * Stack names are shown only when the chain crosses stacks (a cross-stack reference). Outputs are
 * plumbing (cdktf's cross-stack outputs): the stack prefix already shows the hop, so they are left out.
 */
export function formatChain(chain: readonly Link[]): string {
  const crossesStacks = new Set(chain.map((link) => link.stack)).size > 1;
  return chain
    .filter((link) => !link.address.startsWith("output."))
    .map((link) => `${crossesStacks ? `${link.stack}/` : ""}${link.address} (${link.detail})`)
    .join(" → ");
}
