import type { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DatabricksProvider } from "@cdktf/provider-databricks/lib/provider";

/**
 * Account-level Databricks API. Credentials never appear in code or config: the provider reads them
 * from the environment, DATABRICKS_CLIENT_ID / DATABRICKS_CLIENT_SECRET (a service principal's OAuth)
 * on a laptop, DATABRICKS_AUTH_TYPE=github-oidc with DATABRICKS_CLIENT_ID in the workflows (no secret:
 * docs/ci.md).
 */
export const DATABRICKS_ACCOUNTS_HOST = "https://accounts.cloud.databricks.com";

/** AWS provider whose default_tags put the cost tags on every taggable resource of the stack. */
export function awsProvider(scope: Construct, awsRegion: string, tags: Readonly<Record<string, string>>): AwsProvider {
  return new AwsProvider(scope, "aws", { region: awsRegion, defaultTags: [{ tags: { ...tags } }] });
}

export function databricksAccountProvider(scope: Construct, databricksAccountId: string): DatabricksProvider {
  return new DatabricksProvider(scope, "databricks-account", {
    host: DATABRICKS_ACCOUNTS_HOST,
    accountId: databricksAccountId,
  });
}

/** Workspace-level Databricks API for the workspace at `workspaceUrl`; same credentials as above. */
export function databricksWorkspaceProvider(scope: Construct, workspaceUrl: string): DatabricksProvider {
  return new DatabricksProvider(scope, "databricks-workspace", { host: workspaceUrl });
}
