import { describe, expect, test } from "vitest";
import { mutate } from "../fixtures/config";
import { configFromText, problemsOf } from "../utils";

const METASTORE = "11111111-2222-4333-8444-555555555555";

/** Every adopt key, valid, for regions[0].workspaces.dev (us-east-1, two AZs); lines 19-30 of the fixture. */
const FULL = [
  "        adopt:",
  '          workspaceId: "1234567890123456"',
  "          name: legacy-analytics-dev",
  "          credentialsId: 6c1f2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  "          storageConfigurationId: 0d9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c",
  "          networkId: 5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c",
  "          vpcId: vpc-0a1b2c3d4e5f60718",
  "          subnetIds: [subnet-0a1b2c3d4e5f60718, subnet-1a1b2c3d4e5f60718]",
  "          securityGroupId: sg-0a1b2c3d",
  "          rootBucket: legacy-analytics-dev-root",
  "          crossAccountRoleName: legacy-analytics-dev-crossaccount",
  `          metastoreAssignment: ${METASTORE}`,
];

const DEV = "      dev:\n        vpcCidr: 10.1.0.0/16\n";
const WITH_METASTORE: readonly [string, string] = ["  - region: us-east-1\n", `  - region: us-east-1\n    metastoreId: ${METASTORE}\n`];

/** The fixture with the region's metastore and `lines` as dev's adopt block in us-east-1. */
function adopting(lines: readonly string[], ...edits: (readonly [string, string])[]): string {
  return mutate(WITH_METASTORE, [DEV, `${DEV}${lines.join("\n")}\n`], ...edits);
}

/** FULL without the keys named, e.g. `without("networkId")`. */
const without = (...keys: string[]) => FULL.filter((line) => !keys.some((key) => line.trimStart().startsWith(`${key}:`)));
const replacing = (key: string, value: string) => FULL.map((line) => (line.trimStart().startsWith(`${key}:`) ? `          ${key}: ${value}` : line));

describe("adopt: valid", () => {
  test("every key at once, and the workspace id alone", () => {
    expect(problemsOf(adopting(FULL))).toEqual([]);
    expect(problemsOf(adopting(FULL.slice(0, 2)))).toEqual([]);
    const config = configFromText(adopting(FULL));
    expect(config.regions[0].workspaces.dev.adopt).toMatchObject({ workspaceId: "1234567890123456", subnetIds: ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718"] });
    expect(config.regions[0].decommission).toBe(false);
  });

  test("decommission: true is a region flag", () => {
    expect(configFromText(mutate(["  - region: eu-west-1\n", "  - region: eu-west-1\n    decommission: true\n"])).regions[1].decommission).toBe(true);
  });
});

/** name, regions text, every problem line it must produce (file:line:col path: message). */
const INVALID: readonly (readonly [string, string, readonly string[]])[] = [
  [
    "a workspace id as a YAML number (it would lose digits)",
    adopting(["        adopt:", "          workspaceId: 1234567890123456"]),
    ["regions.yaml:21:24 regions[0].workspaces.dev.adopt.workspaceId: expected a string, found 1234567890123456"],
  ],
  [
    "a workspace id that is not digits",
    adopting(["        adopt:", "          workspaceId: dbc-1234"]),
    ['regions.yaml:21:24 regions[0].workspaces.dev.adopt.workspaceId: expected the workspace id Databricks shows (digits), in quotes, found "dbc-1234"'],
  ],
  [
    "no workspace id",
    adopting(["        adopt:", "          name: legacy"]),
    ["regions.yaml:21:11 regions[0].workspaces.dev.adopt.workspaceId: expected a string, found nothing (the field is missing)"],
  ],
  [
    "ids in the wrong format",
    adopting(
      replacing("vpcId", "vpc-xyz").map((line) =>
        line.includes("credentialsId") ? "          credentialsId: my-credentials" : line.includes("rootBucket") ? "          rootBucket: Legacy_Root" : line,
      ),
    ),
    [
      'regions.yaml:23:26 regions[0].workspaces.dev.adopt.credentialsId: expected a credential configuration id (a UUID), found "my-credentials"',
      'regions.yaml:26:18 regions[0].workspaces.dev.adopt.vpcId: expected a VPC id such as vpc-0123456789abcdef0, found "vpc-xyz"',
      'regions.yaml:29:23 regions[0].workspaces.dev.adopt.rootBucket: expected an S3 bucket name (3-63 lowercase letters, digits, . and -), found "Legacy_Root"',
    ],
  ],
  [
    "a typo in an adopt key",
    adopting(["        adopt:", '          workspaceId: "1"', "          vpcID: vpc-0a1b2c3d"]),
    ['regions.yaml:22:11 regions[0].workspaces.dev.adopt.vpcID: unknown key "vpcID" (did you mean "vpcId"?)'],
  ],
  [
    "subnet count against the AZs",
    adopting(replacing("subnetIds", "[subnet-0a1b2c3d4e5f60718]")),
    ["regions.yaml:27:22 regions[0].workspaces.dev.adopt.subnetIds: expected one subnet per availability zone (2: us-east-1a, us-east-1b), found 1"],
  ],
  [
    "a VPC without its network registration",
    adopting(without("networkId")),
    [
      "regions.yaml:25:18 regions[0].workspaces.dev.adopt.vpcId: expected networkId, vpcId, subnetIds, securityGroupId together (every field of a network configuration forces a new one, and its subnets and security group cannot be registered twice), found vpcId, subnetIds, securityGroupId without networkId",
    ],
  ],
  [
    "a network registration without its subnets and security group",
    adopting(without("subnetIds", "securityGroupId")),
    [
      "regions.yaml:25:22 regions[0].workspaces.dev.adopt.networkId: expected networkId, vpcId, subnetIds, securityGroupId together (every field of a network configuration forces a new one, and its subnets and security group cannot be registered twice), found networkId, vpcId without subnetIds, securityGroupId",
    ],
  ],
  [
    "credentials without their role, a storage configuration without its bucket",
    adopting(without("crossAccountRoleName", "rootBucket")),
    [
      "regions.yaml:23:26 regions[0].workspaces.dev.adopt.credentialsId: expected crossAccountRoleName with credentialsId (the credential configuration's role_arn forces a new one), found no crossAccountRoleName",
      "regions.yaml:24:35 regions[0].workspaces.dev.adopt.storageConfigurationId: expected rootBucket with storageConfigurationId (the storage configuration's bucket_name forces a new one, and a new one replaces the workspace), found no rootBucket",
    ],
  ],
  [
    "a metastore assignment the region does not name",
    mutate([DEV, `${DEV}${FULL.join("\n")}\n`]),
    [
      "regions.yaml:30:32 regions[0].workspaces.dev.adopt.metastoreAssignment: expected the region's metastoreId to name the metastore the workspace is assigned to (an account holds one metastore per region, so the account stack must not create another), found no metastoreId",
    ],
  ],
  [
    "a metastore assignment to another metastore than the region's",
    adopting(replacing("metastoreAssignment", "99999999-2222-4333-8444-555555555555")),
    [`regions.yaml:31:32 regions[0].workspaces.dev.adopt.metastoreAssignment: expected the region's metastore (metastoreId ${METASTORE}), found "99999999-2222-4333-8444-555555555555"`],
  ],
  [
    "an adopted network where PrivateLink is on",
    adopting(FULL, ["  dev: {}", "  dev: { pricingTier: ENTERPRISE, hardening: { privateLink: true } }"]),
    [
      'regions.yaml:25:22 regions[0].workspaces.dev.adopt.networkId: expected no adopted network where environments.dev.hardening.privateLink is on (its VPC endpoint registrations cannot be imported, and a network configuration cannot gain them in place), found "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c"',
    ],
  ],
  [
    "one workspace adopted twice, and a name another workspace has",
    adopting(FULL.slice(0, 2), [
      "      dev:\n        vpcCidr: 10.3.0.0/16\n",
      '      dev:\n        vpcCidr: 10.3.0.0/16\n        adopt:\n          workspaceId: "1234567890123456"\n          name: acme-data-use1-prod\n',
    ]),
    [
      'regions.yaml:30:24 regions[1].workspaces.dev.adopt.workspaceId: expected a workspace id no other workspace adopts, found "1234567890123456" again (first at regions[0].workspaces.dev.adopt.workspaceId)',
      'regions.yaml:31:17 regions[1].workspaces.dev.adopt.name: expected a workspace name no other workspace has, found "acme-data-use1-prod", the name of regions[0].workspaces.prod',
    ],
  ],
  [
    // Found by the robustness property: deriving the workspace's own name threw on such a region.
    "an adopted workspace in a region that is not an AWS region: the region is named, nothing throws",
    adopting(FULL.slice(0, 2), ["  - region: us-east-1\n    metastoreId", "  - region: :us-east-1\n    metastoreId"]),
    [
      'regions.yaml:14:13 regions[0].region: expected an AWS region such as us-east-1, found ":us-east-1"',
      'regions.yaml:16:25 regions[0].availabilityZones[0]: expected an availability zone of :us-east-1 (e.g. :us-east-1a), found "us-east-1a"',
      'regions.yaml:16:37 regions[0].availabilityZones[1]: expected an availability zone of :us-east-1 (e.g. :us-east-1a), found "us-east-1b"',
    ],
  ],
  [
    "decommission that is not true or false",
    mutate(["  - region: eu-west-1\n", "  - region: eu-west-1\n    decommission: yes please\n"]),
    ['regions.yaml:22:19 regions[1].decommission: expected true or false, found "yes please"'],
  ],
];

describe("adopt: every contradiction named with file:line:col, the path, expected and found", () => {
  test.each(INVALID)("%s", (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});
