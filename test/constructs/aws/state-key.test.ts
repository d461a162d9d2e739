import { describe, expect, test } from "vitest";
import { StateKey } from "../../../constructs/aws/state-key";
import { addressOf, ref, resourcesOf, synthConstruct } from "../../utils";

describe("StateKey: the key Terraform state is written with", () => {
  const stack = synthConstruct((scope) => new StateKey(scope, "state-key", { names: { stateKeyAlias: "alias/acme-data-terraform-state" }, awsAccountId: "123456789012" }));

  test("rotated yearly, never destroyed by terraform (no state could be read again)", () => {
    expect(resourcesOf(stack, "aws_kms_key")).toEqual([expect.objectContaining({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } })]);
  });

  test("the alias every S3 backend names", () => {
    expect(resourcesOf(stack, "aws_kms_alias")).toEqual([{ name: "alias/acme-data-terraform-state", target_key_id: ref(addressOf(stack, "aws_kms_key"), "key_id") }]);
  });
});
