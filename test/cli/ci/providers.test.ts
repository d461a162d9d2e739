import { describe, expect, test } from "vitest";
import { UserError } from "../../../cli/kit/errors";
import { providersConfig } from "../../../cli/ci/providers";

const stack = (providers: Record<string, unknown>) => ({ terraform: { required_providers: providers } }) as never;

describe("providersConfig: one configuration for one lock file", () => {
  test("the union of every stack's pinned providers, by name", () => {
    const config = providersConfig(
      new Map([
        ["account", stack({ aws: { source: "aws", version: "6.25.0" }, databricks: { source: "databricks/databricks", version: "1.99.0" } })],
        ["bootstrap", stack({ aws: { source: "aws", version: "6.25.0" } })],
        ["workspace", stack({ time: { source: "hashicorp/time", version: "0.13.1" } })],
      ]),
    );
    expect(config).toEqual({
      terraform: {
        required_providers: {
          aws: { source: "aws", version: "6.25.0" },
          databricks: { source: "databricks/databricks", version: "1.99.0" },
          time: { source: "hashicorp/time", version: "0.13.1" },
        },
      },
    });
  });

  test("two stacks pinning one provider differently cannot share a lock file", () => {
    const stacks = new Map([
      ["a", stack({ aws: { source: "aws", version: "6.25.0" } })],
      ["b", stack({ aws: { source: "aws", version: "6.26.0" } })],
    ]);
    expect(() => providersConfig(stacks)).toThrow(new UserError('stacks pin provider "aws" differently: a aws 6.25.0, b aws 6.26.0; one lock file cannot serve both'));
  });

  test("a provider without a version is refused", () => {
    expect(() => providersConfig(new Map([["a", stack({ aws: { source: "aws" } })]]))).toThrow("a: required_providers.aws has no source and version");
  });
});
