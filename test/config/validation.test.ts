import { describe, expect, test } from "vitest";
import { loadRegionsConfig } from "../../config/load";
import { BASE_YAML, mutate } from "../fixtures/config";
import { problemsOf, shippedRegionsText } from "../utils";

const LONG_NAMES = [
  ["company: acme", "company: acmeglobalholdingsco"],
  ["domain: data", "domain: dataplatformservices"],
  ["  dev: {}", "  devsandbox: {}"],
  ["      dev:\n        vpcCidr: 10.1", "      devsandbox:\n        vpcCidr: 10.1"],
  ["      dev:\n        vpcCidr: 10.3", "      devsandbox:\n        vpcCidr: 10.3"],
] as const;

/** name, regions text, the first problem line it must produce (file:line:col path: message). */
const INVALID: readonly (readonly [string, string, string])[] = [
  [
    "YAML syntax error",
    mutate(["availabilityZones: [us-east-1a, us-east-1b]", "availabilityZones: [us-east-1a, us-east-1b"]),
    "regions.yaml:16:5 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]",
  ],
  [
    "unknown top-level key",
    mutate(["domain: data", "domain: data\ndomian: data"]),
    'regions.yaml:3:1 domian: unknown key "domian" (did you mean "domain"?)',
  ],
  [
    "unknown key with no near miss lists what is allowed",
    mutate(["Owner: platform@acme.example", "Owner: platform@acme.example\n  Budget: 100"]),
    'regions.yaml:10:3 costTags.Budget: unknown key "Budget" (expected one of CostCenter, Project, Team, Owner)',
  ],
  [
    "misspelled nested key",
    mutate(["vpcCidr: 10.1.0.0/16", "vpcCIDR: 10.1.0.0/16"]),
    "regions.yaml:18:9 regions[0].workspaces.dev.vpcCidr: expected a string, found nothing (the field is missing)",
  ],
  [
    "wrong type",
    mutate(['awsAccountId: "123456789012"', "awsAccountId: 123456789012"]),
    "regions.yaml:4:15 awsAccountId: expected a string, found 123456789012",
  ],
  [
    "company outside the naming pattern",
    mutate(["company: acme", "company: Acme-Corp"]),
    'regions.yaml:1:10 company: expected a company name: 2-20 lowercase letters or digits, starting with a letter, found "Acme-Corp"',
  ],
  [
    "Databricks account id not a UUID",
    mutate(["databricksAccountId: 3f2c8a1e-7b4d-4e9a-9c1f-5d6e7a8b9c0d", "databricksAccountId: my-account"]),
    'regions.yaml:3:22 databricksAccountId: expected the Databricks account id, a UUID, found "my-account"',
  ],
  [
    "pricing tier without policies",
    mutate(['awsAccountId: "123456789012"', 'awsAccountId: "123456789012"\npricingTier: STANDARD']),
    'regions.yaml:5:14 pricingTier: expected one of PREMIUM, ENTERPRISE, found "STANDARD"',
  ],
  [
    "unknown AWS region",
    mutate(["region: us-east-1", "region: us-east-9"], ["[us-east-1a, us-east-1b]", "[us-east-9a, us-east-9b]"]),
    'regions.yaml:14:13 regions[0].region: expected an AWS region such as us-east-1, found "us-east-9"',
  ],
  [
    "region Databricks does not offer",
    mutate(["region: eu-west-1", "region: af-south-1"], ["[eu-west-1a, eu-west-1b]", "[af-south-1a, af-south-1b]"]),
    "regions.yaml:21:13 regions[1].region: expected a region where Databricks runs on AWS (us-east-1, us-east-2, us-west-1, us-west-2, ca-central-1, sa-east-1, eu-west-1, eu-west-2, eu-west-3, eu-central-1, ap-south-1, ap-southeast-1, ap-southeast-2, ap-southeast-3, ap-northeast-1, ap-northeast-2), found \"af-south-1\"",
  ],
  [
    "duplicate region",
    mutate(["region: eu-west-1", "region: us-east-1"], ["[eu-west-1a, eu-west-1b]", "[us-east-1a, us-east-1b]"]),
    'regions.yaml:21:13 regions[1].region: expected each region once, found "us-east-1" again (first at regions[0])',
  ],
  [
    "one availability zone",
    mutate(["[us-east-1a, us-east-1b]", "[us-east-1a]"]),
    "regions.yaml:15:24 regions[0].availabilityZones: expected at least 2 availability zones, found a list of 1",
  ],
  [
    "duplicate availability zone",
    mutate(["[us-east-1a, us-east-1b]", "[us-east-1a, us-east-1a]"]),
    'regions.yaml:15:37 regions[0].availabilityZones[1]: expected distinct availability zones, found "us-east-1a" twice',
  ],
  [
    "availability zone of another region",
    mutate(["[us-east-1a, us-east-1b]", "[us-east-1a, eu-west-1b]"]),
    'regions.yaml:15:37 regions[0].availabilityZones[1]: expected an availability zone of us-east-1 (us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f), found "eu-west-1b"',
  ],
  [
    "environment that is not configured",
    mutate(["      dev:\n        vpcCidr: 10.3.0.0/16", "      stage:\n        vpcCidr: 10.3.0.0/16"]),
    'regions.yaml:24:7 regions[1].workspaces.stage: expected one of the configured environments (dev, prod), found "stage"',
  ],
  [
    "malformed CIDR",
    mutate(["vpcCidr: 10.1.0.0/16", "vpcCidr: 10.1.0/16"]),
    'regions.yaml:18:18 regions[0].workspaces.dev.vpcCidr: expected an IPv4 CIDR block such as 10.20.0.0/16, found "10.1.0/16"',
  ],
  [
    "CIDR with host bits set",
    mutate(["vpcCidr: 10.1.0.0/16", "vpcCidr: 10.1.2.0/16"]),
    'regions.yaml:18:18 regions[0].workspaces.dev.vpcCidr: expected a network address; the block containing it is 10.1.0.0/16, found "10.1.2.0/16"',
  ],
  [
    "VPC netmask AWS and Databricks reject",
    mutate(["vpcCidr: 10.1.0.0/16", "vpcCidr: 172.0.0.0/8"]),
    "regions.yaml:18:18 regions[0].workspaces.dev.vpcCidr: expected a VPC netmask from /16 to /25 (AWS and Databricks limits), found /8",
  ],
  [
    "private subnets smaller than /20",
    mutate(['awsAccountId: "123456789012"', 'awsAccountId: "123456789012"\nnetwork:\n  privateSubnetNetmask: 22']),
    "regions.yaml:6:25 network.privateSubnetNetmask: expected a netmask from 17 to 20 (private subnets must be /20 or larger: each cluster node takes two addresses), found 22",
  ],
  [
    "VPC too small for a large subnet per AZ",
    mutate(["vpcCidr: 10.2.0.0/16", "vpcCidr: 10.2.0.0/19"]),
    "regions.yaml:20:18 regions[0].workspaces.prod.vpcCidr: expected room for 2 /18 private subnets and a public block, found /19 (room for 0)",
  ],
  [
    "overlapping VPC CIDRs across regions",
    mutate(["vpcCidr: 10.4.0.0/16", "vpcCidr: 10.1.0.0/16"]),
    'regions.yaml:27:18 regions[1].workspaces.prod.vpcCidr: expected a VPC CIDR no other workspace uses, found "10.1.0.0/16" overlapping regions[0].workspaces.dev (10.1.0.0/16)',
  ],
  [
    "derived IAM role name over 64 characters",
    mutate(...LONG_NAMES),
    'regions.yaml:17:7 regions[0].workspaces.devsandbox: expected a cross-account IAM role name of at most 64 characters, found "acmeglobalholdingsco-dataplatformservices-use1-devsandbox-crossaccount" (70); shorten company, domain or environment',
  ],
  [
    "a deployment-name prefix Databricks would not set",
    mutate(['awsAccountId: "123456789012"', 'awsAccountId: "123456789012"\ndeploymentNamePrefix: "Acme_1"']),
    'regions.yaml:5:23 deploymentNamePrefix: expected the account\'s deployment-name prefix as Databricks set it: 1-20 lowercase letters, digits or -, found "Acme_1"',
  ],
  [
    "workspace host name (prefix + deployment name) over one DNS label",
    mutate(...LONG_NAMES, ['awsAccountId: "123456789012"', 'awsAccountId: "123456789012"\ndeploymentNamePrefix: abcdefghij']),
    'regions.yaml:18:7 regions[0].workspaces.devsandbox: expected a workspace host name (DNS label: prefix and deployment name) of at most 63 characters, found "abcdefghij-acmeglobalholdingsco-dataplatformservices-use1-devsandbox" (68); shorten company, domain or environment',
  ],
  [
    "missing cost tag",
    mutate(["  Owner: platform@acme.example\n", ""]),
    "regions.yaml:6:3 costTags.Owner: expected a string, found nothing (the field is missing)",
  ],
  [
    "cost tag value AWS rejects",
    mutate(["Team: platform", 'Team: "plat|form"']),
    'regions.yaml:8:9 costTags.Team: expected a tag value: 1-256 letters, digits, spaces or _ . : / = + - @, found "plat|form"',
  ],
];

describe("validateRegionsText: invalid configs name file, line, column and path", () => {
  test("the base fixture and the shipped regions.yaml are valid", () => {
    expect(problemsOf(BASE_YAML)).toEqual([]);
    expect(problemsOf(shippedRegionsText)).toEqual([]);
  });

  test.each(INVALID)("%s", (_name, text, expected) => {
    expect(problemsOf(text)[0]).toBe(expected);
  });

  test("a workspace missing for a configured environment is named", () => {
    const problems = problemsOf(mutate(["      prod:\n        vpcCidr: 10.4.0.0/16\n", ""]));
    expect(problems).toEqual(["regions.yaml:24:7 regions[1].workspaces: expected a workspace for every environment, missing prod"]);
  });

  test("a config with several mistakes reports all of them, in file order", () => {
    const problems = problemsOf(
      mutate(["company: acme", "company: ACME"], ["vpcCidr: 10.4.0.0/16", "vpcCidr: 10.1.0.0/16"], ["[eu-west-1a, eu-west-1b]", "[eu-west-1a]"]),
    );
    expect(problems).toEqual([
      'regions.yaml:1:10 company: expected a company name: 2-20 lowercase letters or digits, starting with a letter, found "ACME"',
      "regions.yaml:22:24 regions[1].availabilityZones: expected at least 2 availability zones, found a list of 1",
      'regions.yaml:27:18 regions[1].workspaces.prod.vpcCidr: expected a VPC CIDR no other workspace uses, found "10.1.0.0/16" overlapping regions[0].workspaces.dev (10.1.0.0/16)',
    ]);
  });

  test("a partial overlap (a block inside another workspace's VPC) is caught too", () => {
    expect(problemsOf(mutate(["vpcCidr: 10.2.0.0/16", "vpcCidr: 10.1.0.0/17"]))).toContain(
      'regions.yaml:20:18 regions[0].workspaces.prod.vpcCidr: expected a VPC CIDR no other workspace uses, found "10.1.0.0/17" overlapping regions[0].workspaces.dev (10.1.0.0/16)',
    );
  });

  test("every derived name over its limit is reported, not only the first", () => {
    const problems = problemsOf(mutate(...LONG_NAMES));
    // Per devsandbox workspace (two regions): the cross-account and flow-log roles, the catalog bucket and its role.
    expect(problems).toHaveLength(8);
    expect(problems).toContain(
      'regions.yaml:17:7 regions[0].workspaces.devsandbox: expected a catalog bucket name of at most 63 characters, found "acmeglobalholdingsco-dataplatformservices-use1-devsandbox-catalog" (65); shorten company, domain or environment',
    );
    expect(problems.filter((problem) => problem.includes("catalog storage IAM role name of at most 64"))).toHaveLength(2);
  });

  test("an empty file asks for a map", () => {
    expect(problemsOf("")).toEqual(["regions.yaml:1:1 (document): expected a map, found an empty value"]);
  });

  test("a file with only a company asks for each missing section by its kind: a string, a map, a list", () => {
    const problems = problemsOf("company: acme\n");
    expect(problems).toContain("regions.yaml:1:1 domain: expected a string, found nothing (the field is missing)");
    expect(problems).toContain("regions.yaml:1:1 costTags: expected a map, found nothing (the field is missing)");
    // A record in zod's terms (keys chosen by the user) is a map too.
    expect(problems).toContain("regions.yaml:1:1 environments: expected a map, found nothing (the field is missing)");
    expect(problems).toContain("regions.yaml:1:1 regions: expected a list, found nothing (the field is missing)");
  });

  test("the file name given is the one reported", () => {
    expect(problemsOf(mutate(["company: acme", "company: 1acme"]), "envs/prod.yaml")[0]).toMatch(/^envs\/prod\.yaml:1:10 company: /);
  });
});

describe("loadRegionsConfig: reading the file", () => {
  test("a missing file is named", () => {
    expect(() => loadRegionsConfig("does/not/exist.yaml")).toThrow("does/not/exist.yaml: cannot read the regions file: no such file");
  });

  test("problems are thrown together in one error", () => {
    expect(() => loadRegionsConfig("test/fixtures/invalid-regions.yaml")).toThrow(
      /test\/fixtures\/invalid-regions\.yaml: 2 problems\n.*company: .*\n.*vpcCidr: /,
    );
  });

  test("defaults apply when optional fields are left out", () => {
    const config = loadRegionsConfig("test/fixtures/minimal-regions.yaml");
    expect(config.pricingTier).toBe("PREMIUM");
    expect(config.network).toEqual({ privateSubnetNetmask: 18, publicSubnetNetmask: 26, flowLogRetentionDays: 90 });
    expect(config.environments.dev).toEqual({
      natGateways: "single",
      legacyAccess: false,
      protected: false,
      hardening: { privateLink: false },
      clusters: { maxWorkers: 8, maxDbusPerHour: 20, autoterminationMinutes: { default: 30, max: 120 }, instanceTypes: ["m6i.xlarge", "m6i.2xlarge"] },
    });
    expect([config.clusterPolicies, config.warehouses, config.groups, config.servicePrincipals]).toEqual([[], [], [], []]);
    expect(config.state).toBeUndefined();
  });
});
