/**
 * What the two CI roles may do, as IAM statements: read and tested in one place, used by the
 * bootstrap stack (docs/ci.md, "What each identity may do", says the same for people). A new kind of
 * AWS resource in a stack needs its actions here, then a bootstrap apply by an administrator.
 */
import { AWS_READ_ONLY_ACCESS_POLICY_ARN } from "./platform-facts";

export interface PolicyCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly sid: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources?: readonly string[];
  readonly condition?: readonly PolicyCondition[];
}

export interface StateAccess {
  readonly bucketArn: string;
  readonly keyPrefix: string;
  readonly kmsKeyArn: string;
}

export interface CiScope {
  readonly awsAccountId: string;
  /** Every region a stack creates resources in. */
  readonly regions: readonly string[];
  /** `<company>-<domain>-`: every role, bucket and log group the app creates starts with it. */
  readonly resourcePrefix: string;
  readonly state: StateAccess;
  /** The CI roles and the OIDC provider: the apply role may not change what lets it in. */
  readonly ciRoleArns: readonly string[];
  readonly oidcProviderArn: string;
}

const stateObjects = (state: StateAccess, suffix: string) => `${state.bucketArn}/${state.keyPrefix}/*${suffix}`;

/**
 * The plan role: everything ReadOnlyAccess reads, the state, and none of the secrets it could reach
 * outside the state. It writes nothing, not even the state lock: plans run with -lock=false (a read
 * takes no lock; terraform s3 backend docs list the lock file's permissions separately).
 */
export function planRoleStatements(scope: Pick<CiScope, "state">): PolicyStatement[] {
  const { state } = scope;
  return [
    { sid: "ListState", effect: "Allow", actions: ["s3:ListBucket"], resources: [state.bucketArn] },
    { sid: "ReadState", effect: "Allow", actions: ["s3:GetObject"], resources: [stateObjects(state, ".tfstate")] },
    { sid: "DecryptState", effect: "Allow", actions: ["kms:Decrypt"], resources: [state.kmsKeyArn] },
    // ReadOnlyAccess has no secretsmanager:GetSecretValue today; an explicit deny keeps it so if the
    // managed policy or another attachment ever grants it.
    { sid: "NoSecretValues", effect: "Deny", actions: ["secretsmanager:GetSecretValue"], resources: ["*"] },
    // ReadOnlyAccess grants ssm:Get* (parameters, SecureStrings included) and s3:Get* on every bucket
    // (workspace root buckets hold DBFS data). No stack reads a parameter, and a plan reads no object
    // but the state: refreshing buckets uses bucket-level actions (GetBucket*), not GetObject.
    { sid: "NoParameters", effect: "Deny", actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"], resources: ["*"] },
    { sid: "NoObjectsButState", effect: "Deny", actions: ["s3:GetObject", "s3:GetObjectVersion"], resources: [], notResources: [`${state.bucketArn}/*`] },
  ];
}

const IAM_ROLE_ACTIONS = [
  "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
  "iam:TagRole", "iam:UntagRole", "iam:PutRolePolicy", "iam:GetRolePolicy", "iam:DeleteRolePolicy", "iam:ListRolePolicies",
  "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:PassRole",
] as const;

/**
 * The apply role: read everything (ReadOnlyAccess, for refresh), write the state, and create only
 * what the stacks create, named with the app's prefix, in the app's regions. IAM actions on roles
 * stop at inline policies: no managed-policy attachment (no stack attaches one; AdministratorAccess
 * would be one call away).
 */
export function applyRoleStatements(scope: CiScope): PolicyStatement[] {
  const { awsAccountId: account, resourcePrefix: prefix, state } = scope;
  const inRegions: PolicyCondition[] = [{ test: "StringEquals", variable: "aws:RequestedRegion", values: scope.regions }];
  return [
    { sid: "ListState", effect: "Allow", actions: ["s3:ListBucket"], resources: [state.bucketArn] },
    { sid: "WriteState", effect: "Allow", actions: ["s3:GetObject", "s3:PutObject"], resources: [stateObjects(state, ".tfstate")] },
    // use_lockfile: the lock is an object next to the state, deleted on unlock (terraform s3 backend docs).
    { sid: "LockState", effect: "Allow", actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], resources: [stateObjects(state, ".tflock")] },
    { sid: "EncryptState", effect: "Allow", actions: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"], resources: [state.kmsKeyArn] },
    { sid: "Networks", effect: "Allow", actions: ["ec2:*"], resources: ["*"], condition: inRegions },
    {
      sid: "FlowLogGroups",
      effect: "Allow",
      actions: ["logs:*"],
      resources: [`arn:aws:logs:*:${account}:log-group:/vpc/${prefix}*`, `arn:aws:logs:*:${account}:log-group:/vpc/${prefix}*:*`],
      condition: inRegions,
    },
    { sid: "Roles", effect: "Allow", actions: [...IAM_ROLE_ACTIONS], resources: [`arn:aws:iam::${account}:role/${prefix}*`] },
    { sid: "Buckets", effect: "Allow", actions: ["s3:*"], resources: [`arn:aws:s3:::${prefix}*`, `arn:aws:s3:::${prefix}*/*`] },
    { sid: "NewKeys", effect: "Allow", actions: ["kms:CreateKey", "kms:ListAliases"], resources: ["*"], condition: inRegions },
    { sid: "Keys", effect: "Allow", actions: ["kms:*"], resources: [`arn:aws:kms:*:${account}:key/*`, `arn:aws:kms:*:${account}:alias/${prefix}*`], condition: inRegions },
    { sid: "Secrets", effect: "Allow", actions: ["secretsmanager:*"], resources: [`arn:aws:secretsmanager:*:${account}:secret:databricks/${prefix}*`], condition: inRegions },
    // What lets CI in and what keeps the state stay out of its reach: it cannot widen its own trust,
    // delete or re-key the state, or become another role.
    { sid: "KeepCiIdentities", effect: "Deny", actions: ["iam:*"], resources: [...scope.ciRoleArns, scope.oidcProviderArn] },
    {
      sid: "KeepState",
      effect: "Deny",
      actions: [
        "s3:DeleteBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration",
        "s3:PutLifecycleConfiguration", "s3:PutBucketPublicAccessBlock", "s3:PutBucketOwnershipControls", "s3:DeleteObjectVersion",
      ],
      resources: [state.bucketArn, `${state.bucketArn}/*`],
    },
    { sid: "KeepStateKey", effect: "Deny", actions: ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy", "kms:CreateGrant"], resources: [state.kmsKeyArn] },
    { sid: "NoRoleChaining", effect: "Deny", actions: ["sts:AssumeRole"], resources: ["*"] },
  ];
}

/** Both roles read everything a refresh reads; what else they may do is in their statements. */
export const CI_ROLE_MANAGED_POLICIES = [AWS_READ_ONLY_ACCESS_POLICY_ARN] as const;
