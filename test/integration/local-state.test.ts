import { describe, expect, test } from "vitest";
import type { JsonObject } from "../../tfjson/json";
import { crossStackReads, resolvedStatePath } from "./local-state";

const reader = {
  terraform: { backend: { local: { path: "../../../terraform-state/reader.tfstate" } } },
  data: {
    terraform_remote_state: {
      "cross-stack-reference-input-producer": { backend: "local", config: { path: "../../../terraform-state/producer.tfstate" }, workspace: "${terraform.workspace}" },
    },
  },
  resource: {
    thing: {
      a: { vpc: "${data.terraform_remote_state.cross-stack-reference-input-producer.outputs.cross-stack-output-vpc}" },
      b: { ids: ["${data.terraform_remote_state.cross-stack-reference-input-producer.outputs.cross-stack-output-subnets}", "${data.terraform_remote_state.cross-stack-reference-input-producer.outputs.cross-stack-output-vpc}"] },
    },
  },
};

describe("local-state check: what it plans", () => {
  test("each terraform_remote_state with its producer and the outputs the reader uses, once each", () => {
    expect(crossStackReads(new Map<string, JsonObject>([["reader", reader], ["producer", {}]]))).toEqual([
      {
        reader: "reader",
        producer: "producer",
        dataSource: "cross-stack-reference-input-producer",
        config: { path: "../../../terraform-state/producer.tfstate" },
        outputs: ["cross-stack-output-subnets", "cross-stack-output-vpc"],
      },
    ]);
  });

  test("a relative path is resolved from the stack's own folder, as terraform run by cdktf does", () => {
    expect(resolvedStatePath("/w/out", "reader", "../../../terraform-state/producer.tfstate")).toBe("/w/terraform-state/producer.tfstate");
    expect(resolvedStatePath("/w/out", "reader", "terraform.producer.tfstate")).toBe("/w/out/stacks/reader/terraform.producer.tfstate");
  });
});
