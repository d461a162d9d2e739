/**
 * One Terraform configuration that requires every provider the synthesized stacks require, at the
 * versions they pin. `terraform init` on it writes ONE dependency lock file for all stacks, which CI
 * copies into each stack folder: Terraform uses its plugin cache only for providers whose checksums
 * the lock file already records, and cdktf.out (not in git) carries none (Terraform CLI docs,
 * config-file.mdx "Provider Plugin Cache").
 */
import { UserError } from "../kit/errors";
import { isObject, type JsonObject } from "../../tfjson/json";

export interface RequiredProvider {
  readonly source: string;
  readonly version: string;
}

/** `{terraform: {required_providers}}` covering every stack; differing pins of one provider are refused. */
export function providersConfig(stacks: ReadonlyMap<string, JsonObject>): JsonObject {
  const required = new Map<string, RequiredProvider & { readonly stack: string }>();
  for (const [stack, json] of stacks) {
    const terraform = isObject(json.terraform) ? json.terraform : {};
    const providers = isObject(terraform.required_providers) ? terraform.required_providers : {};
    for (const [name, entry] of Object.entries(providers)) {
      if (!isObject(entry) || typeof entry.source !== "string" || typeof entry.version !== "string") {
        throw new UserError(`${stack}: required_providers.${name} has no source and version`);
      }
      const known = required.get(name);
      if (known && (known.source !== entry.source || known.version !== entry.version)) {
        throw new UserError(
          `stacks pin provider "${name}" differently: ${known.stack} ${known.source} ${known.version}, ${stack} ${entry.source} ${entry.version}; one lock file cannot serve both`,
        );
      }
      required.set(name, { source: entry.source, version: entry.version, stack });
    }
  }
  const sorted = [...required].sort(([a], [b]) => a.localeCompare(b));
  return { terraform: { required_providers: Object.fromEntries(sorted.map(([name, { source, version }]) => [name, { source, version }])) } };
}
