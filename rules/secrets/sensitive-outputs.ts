import { referencesIn } from "../../tfjson/references";
import { fromProblems, NOT_APPLICABLE } from "../core/result";
import type { BlockRule } from "../core/rule";
import { isSecretAttribute, SECRET_NAME } from "./patterns";

/**
 * An output that carries a secret is `sensitive`, or Terraform prints it in every plan and apply log.
 * An output named like a secret counts as carrying one.
 */
export const secretOutputsSensitive: BlockRule = (block) => {
  if (block.kind !== "output") return NOT_APPLICABLE;
  const carried = referencesIn(block.body.value)
    .filter((ref) => ref.attribute !== undefined && isSecretAttribute(ref.address, ref.attribute))
    .map((ref) => `${ref.address}.${ref.attribute}`);
  if (SECRET_NAME.test(block.name)) carried.push(`its name "${block.name}"`);
  if (carried.length === 0) return NOT_APPLICABLE;
  return fromProblems(block.body.sensitive === true ? [] : [`carries ${carried.join(", ")} but is not sensitive`]);
};
