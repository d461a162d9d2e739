import { TerraformElement, type TerraformResource } from "cdktf";

/**
 * A Terraform `import` block (Terraform >= 1.5): the existing object `importId` becomes `target`.
 *
 * It writes the JSON cdktf's `TerraformResource.importFrom()` writes (node_modules/cdktf/lib/
 * terraform-resource.js, toTerraform: `import: [{ provider, id, to: "<type>.<friendlyUniqueId>" }]`;
 * the `import` lists of all elements concatenate into one). `importFrom()` itself is not used: it adds
 * a validation that runs `terraform version` on every synth for every imported resource, so synth
 * would fail where terraform is not installed and `npm test` would run a terraform binary
 * (research-15 §4).
 */
export class ImportBlock extends TerraformElement {
  constructor(
    private readonly target: TerraformResource,
    private readonly importId: string,
  ) {
    // Beside the target, not under it: the target's address must not depend on the import.
    super(target.node.scope!, `${target.node.id}-import`);
  }

  override toTerraform(): Record<string, unknown> {
    const provider = this.target.provider?.fqn;
    return { import: [{ to: `${this.target.terraformResourceType}.${this.target.friendlyUniqueId}`, id: this.importId, ...(provider ? { provider } : {}) }] };
  }
}

/**
 * Adopts an existing object as `resource`: an import block, and prevent_destroy. An import whose
 * configuration disagrees with the object on a force-new field plans "must be replaced (imported
 * from …)": a wrong CIDR or region would replace what was meant to be adopted. With prevent_destroy
 * terraform refuses that plan instead (research-15 §5, checked with terraform 1.11). `keep`: the
 * attributes whose existing value stays whatever the configuration says (names given before the
 * convention; `ignore_changes` also stops an import-time replacement, checked the same way).
 */
export function importExisting(resource: TerraformResource, importId: string, keep: readonly string[] = []): void {
  new ImportBlock(resource, importId);
  const ignored = resource.lifecycle?.ignoreChanges;
  resource.lifecycle = {
    ...resource.lifecycle,
    preventDestroy: true,
    ...(keep.length ? { ignoreChanges: [...(Array.isArray(ignored) ? ignored : []), ...keep] } : {}),
  };
}
