/**
 * The `github` block of regions.yaml: the one repository whose workflows may assume the CI roles the
 * bootstrap stack creates (docs/ci.md).
 */
import { z } from "./zod";
import { GITHUB_DEFAULTS } from "../defaults";

export const Github = z
  .strictObject({
    repository: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, {
        error: "expected the repository as owner/name, spelled as GitHub spells it (IAM compares case-sensitively), e.g. acme/databricks-workspaces",
      })
      .meta({ description: "owner/name of the GitHub repository whose workflows deploy this app; only its pull requests, its `drift` environment and its environments named like the ones here can assume the CI roles." }),
    oidcProvider: z
      .enum(["create", "existing"])
      .default(GITHUB_DEFAULTS.oidcProvider)
      .meta({ description: "create: the bootstrap stack creates GitHub's OIDC provider in the AWS account; existing: the account already has it (one per account) and it is looked up." }),
    ownerId: z
      .int()
      .positive()
      .optional()
      .meta({ description: "The owner's numeric id, with repositoryId: for a repository on GitHub's immutable subject format (repo:owner@id/name@id:…), used by repositories created after 15 July 2026 or opted in." }),
    repositoryId: z.int().positive().optional().meta({ description: "The repository's numeric id, with ownerId (immutable subject format)." }),
  })
  .meta({ description: "The GitHub repository CI runs from (docs/ci.md)." });
