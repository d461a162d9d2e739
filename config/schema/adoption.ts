/**
 * `regions[].workspaces.<env>.adopt`: a workspace that already exists, with the ids of what it is
 * made of. Formats here (domain/platform-facts/adoption.ts); what contradicts the rest of the file
 * is config/checks/adoption.ts.
 */
import { z } from "./zod";
import { ADOPT_ID_FORMATS } from "../../domain/platform-facts";

const formatted = (pattern: RegExp, expected: string) => z.string().regex(pattern, { error: `expected ${expected}` });

export const Adopt = z
  .strictObject({
    workspaceId: formatted(ADOPT_ID_FORMATS.workspaceId, "the workspace id Databricks shows (digits), in quotes").meta({
      description: 'The existing workspace\'s id (digits, in quotes: "1234567890123456"): imported as <account_id>/<workspace_id>.',
    }),
    name: z
      .string()
      .trim()
      .min(1, { error: "expected the workspace's existing name" })
      .optional()
      .meta({ description: "Its existing workspace_name when it predates the naming convention: kept, because renaming replaces a workspace." }),
    credentialsId: formatted(ADOPT_ID_FORMATS.credentialsId, "a credential configuration id (a UUID)").optional().meta({
      description: "Its credential configuration (needs crossAccountRoleName). Absent: new credentials, switched in place.",
    }),
    storageConfigurationId: formatted(ADOPT_ID_FORMATS.storageConfigurationId, "a storage configuration id (letters, digits, -)").optional().meta({
      description: "Its storage configuration (needs rootBucket). A workspace cannot change it: without it the plan is refused.",
    }),
    networkId: formatted(ADOPT_ID_FORMATS.networkId, "a network configuration id (letters, digits, -)").optional().meta({
      description: "Its network configuration, with vpcId, subnetIds and securityGroupId. Absent: a new VPC and network, switched in place.",
    }),
    vpcId: formatted(ADOPT_ID_FORMATS.vpcId, "a VPC id such as vpc-0123456789abcdef0").optional().meta({ description: "The VPC the network configuration names." }),
    subnetIds: z
      .array(formatted(ADOPT_ID_FORMATS.subnetId, "a subnet id such as subnet-0123456789abcdef0"))
      .optional()
      .meta({ description: "Its private (cluster) subnets, one per availability zone, in availabilityZones order." }),
    securityGroupId: formatted(ADOPT_ID_FORMATS.securityGroupId, "a security group id such as sg-0123456789abcdef0").optional().meta({
      description: "The security group the network configuration names (every network field forces a new network).",
    }),
    rootBucket: formatted(ADOPT_ID_FORMATS.bucketName, "an S3 bucket name (3-63 lowercase letters, digits, . and -)").optional().meta({
      description: "Its root (DBFS) bucket, kept under its name; imported with its bucket-level settings.",
    }),
    crossAccountRoleName: formatted(ADOPT_ID_FORMATS.roleName, "an IAM role name (1-64 letters, digits or +=,.@_-)").optional().meta({
      description: "Its cross-account IAM role, kept under its name.",
    }),
    metastoreAssignment: z
      .guid({ error: "expected the id of the metastore the workspace is assigned to, a UUID" })
      .optional()
      .meta({ description: "The metastore it is assigned to (must be the region's metastoreId): the assignment is imported, not made again." }),
  })
  .meta({
    description:
      "An existing workspace to adopt: synth emits Terraform import blocks (Terraform >= 1.5) for it and what it is built on, and nothing is renamed. See docs/lifecycle.md.",
  });
