import { fromProblems, NOT_APPLICABLE, type RuleResult } from "../core/result";
import type { BlockRule } from "../core/rule";
import type { Block } from "../../tfjson/block";
import { refersTo } from "../../tfjson/references";
import type { StackView } from "../core/stack-view";
import { isBucket } from "./bucket-companions";
import { bucketEncrypted } from "./bucket-encryption";
import { bucketOwnerEnforced } from "./bucket-owner-enforced";
import { bucketPreventsDestroy } from "./bucket-prevent-destroy";
import { bucketPublicAccessBlocked } from "./bucket-public-access-block";
import { bucketTlsOnly } from "./bucket-tls-only";
import { bucketVersioned } from "./bucket-versioning";

/** What Unity Catalog stores data through: an external location's url, a catalog's storage root. */
const DATA_PATHS: readonly (readonly [type: string, attribute: string])[] = [
  ["databricks_external_location", "url"],
  ["databricks_catalog", "storage_root"],
];

const PROTECTIONS: readonly (readonly [what: string, rule: BlockRule])[] = [
  ["prevent_destroy", bucketPreventsDestroy],
  ["versioning", bucketVersioned],
  ["encryption", bucketEncrypted],
  ["public access block", bucketPublicAccessBlocked],
  ["TLS only", bucketTlsOnly],
  ["owner enforced", bucketOwnerEnforced],
];

/** The Unity Catalog objects of this stack whose data lives in `bucket` (by reference or by its literal name). */
function dataUsers(bucket: Block, stack: StackView): string[] {
  const name = bucket.body.bucket;
  return DATA_PATHS.flatMap(([type, attribute]) =>
    stack
      .ofType(type)
      .filter((user) => {
        const path = user.body[attribute];
        return refersTo(path, bucket.address) || (typeof name === "string" && typeof path === "string" && path.startsWith(`s3://${name}/`));
      })
      .map((user) => user.address),
  );
}

/**
 * A bucket this stack creates that holds Unity Catalog data (a catalog's managed storage, an external
 * location's files) has every protection the root bucket has, whatever suppressions the BKT-1..6
 * rules carry: managed tables live there, and losing the bucket loses the tables.
 */
export const dataBucketProtected: BlockRule = (block, stack) => {
  if (!isBucket(block)) return NOT_APPLICABLE;
  const users = dataUsers(block, stack);
  if (users.length === 0) return NOT_APPLICABLE;
  const problems = PROTECTIONS.flatMap(([what, rule]) => {
    const result: RuleResult = rule(block, stack);
    return result.status === "non-compliant" ? result.details.map((detail) => `${what}: ${detail} (it stores data of ${users.join(", ")})`) : [];
  });
  return fromProblems(problems);
};
