import { describe, expect, test } from "vitest";
import type { PlanJson } from "./plan-json";
import { ctyTypeOf, priorStateFromPlan, sensitivePaths, type ProviderSchemas } from "./prior-state";

const AWS = "registry.terraform.io/hashicorp/aws";

const schemas: ProviderSchemas = {
  provider_schemas: {
    [AWS]: {
      resource_schemas: {
        aws_vpc: { version: 1, block: { attributes: { id: { type: "string" }, arn: { type: "string" }, owner_id: { type: "string" }, cidr_block: { type: "string" }, ipv6_association_id: { type: "string" }, dhcp_options_id: { type: "string" } } } },
        aws_subnet: { version: 1, block: { attributes: { id: { type: "string" }, arn: { type: "string" }, vpc_id: { type: "string" }, cidr_block: { type: "string" }, tags_all: { type: ["map", "string"] } } } },
        aws_s3_bucket: { version: 0, block: { attributes: { id: { type: "string" }, arn: { type: "string" }, bucket: { type: "string" }, hosted_zone_id: { type: "string" } }, block_types: { versioning: { nesting_mode: "list", block: { attributes: { enabled: { type: "bool" } } } } } } },
        aws_secretsmanager_secret: { version: 0, block: { attributes: { id: { type: "string" }, arn: { type: "string" }, name: { type: "string" } } } },
        aws_secretsmanager_secret_version: { version: 0, block: { attributes: { id: { type: "string" }, secret_id: { type: "string" }, secret_string: { type: "string" }, version_stages: { type: ["set", "string"] } } } },
      },
    },
  },
};

const change = (type: string, name: string, after: object, afterUnknown: object, extra: object = {}) => ({
  address: `${type}.${name}`, mode: "managed" as const, type, name, provider_name: AWS,
  change: { actions: ["create"], before: null, after, after_unknown: afterUnknown, ...extra },
});

const plan: PlanJson = {
  format_version: "1.2",
  terraform_version: "1.11.4",
  resource_changes: [
    change("aws_vpc", "v", { cidr_block: "10.0.0.0/16" }, { id: true, arn: true, owner_id: true, dhcp_options_id: true }),
    change("aws_subnet", "s", { cidr_block: "10.0.0.0/18", tags_all: { Name: "s" } }, { id: true, arn: true, vpc_id: true, tags_all: {} }),
    change("aws_s3_bucket", "b", { bucket: "acme-root", versioning: [] }, { id: true, arn: true, hosted_zone_id: true, versioning: true }),
    change("aws_secretsmanager_secret", "sec", { name: "databricks/x" }, { id: true, arn: true }),
    change("aws_secretsmanager_secret_version", "val", { secret_string: "{}" }, { id: true, secret_id: true, version_stages: true }, {
      after_sensitive: { secret_string: true, version_stages: [] },
    }),
  ],
  output_changes: {
    url: { actions: ["create"], after: "https://x", after_unknown: false, after_sensitive: false },
    secret: { actions: ["create"], after_unknown: true, after_sensitive: true },
  },
};

const config = {
  provider: { aws: [{ region: "eu-west-1" }] },
  resource: {
    aws_vpc: { v: { cidr_block: "10.0.0.0/16" } },
    aws_subnet: { s: { cidr_block: "10.0.0.0/18", vpc_id: "${aws_vpc.v.id}" } },
    aws_s3_bucket: { b: { bucket: "acme-root" } },
    aws_secretsmanager_secret: { sec: { name: "databricks/x" } },
    aws_secretsmanager_secret_version: { val: { secret_id: "${aws_secretsmanager_secret.sec.id}", secret_string: "{}" } },
  },
};

describe("priorStateFromPlan: state v4 from a plan, consistent fakes for values known only after apply", () => {
  const state = priorStateFromPlan(plan, config, schemas);
  const attributes = (type: string) => {
    const resource = state.resources.find((r) => r.type === type) as { instances: { attributes: Record<string, unknown> }[] };
    return resource.instances[0].attributes;
  };

  test("state v4, one instance per resource, schema versions from the provider schema", () => {
    expect(state).toMatchObject({ version: 4, terraform_version: "1.11.4", serial: 1 });
    expect(state.resources.map((r) => [r.type, r.provider, (r.instances as { schema_version: number }[])[0].schema_version])).toEqual([
      ["aws_vpc", `provider["${AWS}"]`, 1],
      ["aws_subnet", `provider["${AWS}"]`, 1],
      ["aws_s3_bucket", `provider["${AWS}"]`, 0],
      ["aws_secretsmanager_secret", `provider["${AWS}"]`, 0],
      ["aws_secretsmanager_secret_version", `provider["${AWS}"]`, 0],
    ]);
  });

  test("computed-only values get fakes that read like AWS's, in the fake account", () => {
    expect(attributes("aws_vpc")).toMatchObject({
      id: expect.stringMatching(/^vpc-[0-9a-f]{17}$/),
      arn: expect.stringMatching(/^arn:aws:ec2:eu-west-1:000000000000:vpc\/vpc-[0-9a-f]{17}$/),
      owner_id: "000000000000",
      dhcp_options_id: expect.stringMatching(/^fake-dhcp_options_id-/),
      cidr_block: "10.0.0.0/16",
    });
    expect(attributes("aws_s3_bucket")).toMatchObject({ id: "acme-root", arn: "arn:aws:s3:::acme-root", versioning: [] });
  });

  test("an unknown value the configuration derives from another resource equals that resource's fake", () => {
    expect(attributes("aws_subnet").vpc_id).toBe(attributes("aws_vpc").id);
    expect(attributes("aws_secretsmanager_secret").id).toBe(attributes("aws_secretsmanager_secret").arn);
    expect(attributes("aws_secretsmanager_secret_version").secret_id).toBe(attributes("aws_secretsmanager_secret").id);
  });

  test("sensitive values are marked, outputs are recorded with their type", () => {
    const version = state.resources.find((r) => r.type === "aws_secretsmanager_secret_version") as { instances: { sensitive_attributes: unknown }[] };
    expect(version.instances[0].sensitive_attributes).toEqual([[{ type: "get_attr", value: "secret_string" }]]);
    expect(state.outputs).toEqual({
      url: { value: "https://x", type: "string" },
      secret: { value: "fake-output-secret", type: "string", sensitive: true },
    });
  });

  test("the same plan gives the same state (fakes derive from addresses)", () => {
    expect(priorStateFromPlan(plan, config, schemas)).toEqual(state);
  });

  test("a type missing from the schemas is an error, not a silent guess", () => {
    const odd = { ...plan, resource_changes: [change("aws_unheard_of", "x", {}, { id: true })] };
    expect(() => priorStateFromPlan(odd, config, schemas)).toThrow(/no provider schema for aws_unheard_of/);
  });
});

describe("sensitivePaths and ctyTypeOf", () => {
  test.each([
    [{ a: true, b: false }, [[{ type: "get_attr", value: "a" }]]],
    [{ tags: { Secret: true } }, [[{ type: "get_attr", value: "tags" }, { type: "get_attr", value: "Secret" }]]],
    [{ list: [false, true] }, [[{ type: "get_attr", value: "list" }, { type: "index", value: { value: 1, type: "number" } }]]],
    [{}, []],
  ])("%j", (marks, paths) => {
    expect(sensitivePaths(marks)).toEqual(paths);
  });

  test("types of output values", () => {
    expect([ctyTypeOf("x"), ctyTypeOf(1), ctyTypeOf(true), ctyTypeOf(["a", 2]), ctyTypeOf({ k: "v" })]).toEqual([
      "string", "number", "bool", ["tuple", ["string", "number"]], ["object", { k: "string" }],
    ]);
  });
});
