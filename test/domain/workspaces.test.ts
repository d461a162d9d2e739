import { describe, expect, test } from "vitest";
import { workspaceIdentity, workspacePlaces } from "../../domain/workspaces";
import { adoptUse1Dev, decommission, FULL_ADOPTION, withMetastore } from "../fixtures/lifecycle-edits";
import { configFromText, shippedRegionsText } from "../utils";

const METASTORE = "11111111-2222-4333-8444-555555555555";

function identities(text: string) {
  const config = configFromText(text);
  return workspacePlaces(config).map((place) => workspaceIdentity(config, place));
}

describe("workspaceIdentity: adoption and decommissioning, derived once for stacks and rules", () => {
  test("an adopted workspace: the import id of each existing object in the provider docs' format, and no URL of ours", () => {
    const text = withMetastore(adoptUse1Dev(shippedRegionsText, { ...FULL_ADOPTION, metastoreAssignment: METASTORE }), "us-east-1", METASTORE);
    const [dev, prod] = identities(text);
    const account = configFromText(text).databricksAccountId;
    expect(dev.adoption).toEqual({
      kept: { workspaceName: "legacy-analytics-dev", rootBucket: "legacy-analytics-dev-root", crossAccountRole: "legacy-analytics-dev-crossaccount" },
      importIds: {
        workspace: `${account}/1234567890123456`,
        credentials: `${account}/6c1f2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b`,
        storageConfiguration: `${account}/0d9a8b7c-6d5e-4f3a-2b1c-0d9e8f7a6b5c`,
        network: {
          registration: `${account}/5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c`,
          vpc: "vpc-0a1b2c3d4e5f60718",
          privateSubnets: ["subnet-0a1b2c3d4e5f60718", "subnet-1a1b2c3d4e5f60718", "subnet-2a1b2c3d4e5f60718"],
          securityGroup: "sg-0a1b2c3d4e5f60718",
        },
        metastoreAssignment: `1234567890123456|${METASTORE}`,
        rootBucket: "legacy-analytics-dev-root",
        crossAccountRole: "legacy-analytics-dev-crossaccount",
      },
    });
    expect([dev.deploymentName, dev.host]).toEqual([undefined, undefined]);
    expect(prod.adoption).toBeUndefined();
    expect(prod.deploymentName).toBe("data-use1-prod");
  });

  test("a decommissioned region: every workspace of it, no other; an adopted one there keeps its names, imports nothing", () => {
    const all = identities(decommission(adoptUse1Dev(shippedRegionsText, FULL_ADOPTION), "us-east-1"));
    expect(all.filter((identity) => identity.decommissioning).map((identity) => identity.names.stack)).toEqual(["acme-data-use1-dev", "acme-data-use1-prod"]);
    expect(all[0].adoption).toEqual({ kept: { workspaceName: "legacy-analytics-dev", rootBucket: "legacy-analytics-dev-root", crossAccountRole: "legacy-analytics-dev-crossaccount" } });
  });
});
