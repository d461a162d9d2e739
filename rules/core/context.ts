/**
 * What the rules need from regions.yaml, built once from the typed `RegionsConfig`: rules never read
 * files, and every workspace, name and tag comes from the one loop the stacks are built from
 * (domain/workspaces.ts), never re-derived here.
 */
import type { RegionsConfig } from "../../config/schema/regions";
import { groupAssignments } from "../../domain/identity";
import { regionResourceNames, type KeptNames, type RegionResourceNames, type WorkspaceResourceNames } from "../../domain/naming";
import { costTagsFor, workspaceIdentity, workspacePlaces } from "../../domain/workspaces";

export interface WorkspaceExpectations {
  readonly environment: string;
  readonly names: WorkspaceResourceNames;
  /** The workspace's deployment_name under the account's prefix; undefined when there is no prefix. */
  readonly deploymentName?: string;
  /** Cost tags + Environment + Region, with the values this workspace must carry. */
  readonly tags: Readonly<Record<string, string>>;
  /**
   * The workspace must refuse to be destroyed: its environment is `protected`, or it was adopted
   * (a wrong `adopt` must fail the plan, not replace the workspace); never while decommissioned.
   */
  readonly protected: boolean;
  /** The workspace's AWS region. @default unknown (a rule names none) */
  readonly awsRegion?: string;
  /**
   * `regions[].decommission`: its stacks carry no prevent_destroy, so `cdktf destroy` reaches them.
   * @default false
   */
  readonly decommissioning?: boolean;
  /** The names an adopted workspace keeps instead of the convention's (`adopt`). */
  readonly kept?: KeptNames;
  /** `environments.<env>.hardening`, resolved: customer-managed keys and back-end PrivateLink. */
  readonly hardening?: { readonly customerManagedKeys: boolean; readonly privateLink: boolean };
  /** Names of the region's shared objects (data-bucket roles), which its config stacks may hold. */
  readonly regionNames?: RegionResourceNames;
  /**
   * Groups that administer this workspace's data: role admin in its environment, and the metastore
   * owner. Absent: none (every principal is held to the non-admin rules).
   */
  readonly adminGroups?: readonly string[];
}

export interface StackExpectations {
  readonly awsAccountId: string;
  /** Tag keys every stack must carry, even one that belongs to no workspace. */
  readonly costTagKeys: readonly string[];
  /** The workspace this stack builds or configures; undefined for a stack of no workspace. */
  readonly workspace?: WorkspaceExpectations;
}

export interface GuardrailContext {
  expectationsFor(stackName: string): StackExpectations;
}

export function guardrailContext(config: RegionsConfig): GuardrailContext {
  // Keys only: which tags domain/workspaces.ts adds (Environment, Region) stays its decision.
  const costTagKeys = Object.keys(costTagsFor(config, "any", "any"));
  const byStack = new Map<string, WorkspaceExpectations>();
  // Identities only: the subnet layout (workspaceSpecs) is slow, and no rule needs it.
  for (const place of workspacePlaces(config)) {
    const identity = workspaceIdentity(config, place);
    const workspace = {
      environment: identity.environment,
      names: identity.names,
      deploymentName: identity.deploymentName,
      tags: identity.tags,
      protected: !identity.decommissioning && (identity.settings.protected || identity.adoption?.importIds !== undefined),
      awsRegion: identity.awsRegion,
      decommissioning: identity.decommissioning,
      kept: identity.adoption?.kept,
      hardening: { customerManagedKeys: identity.customerManagedKeys, privateLink: identity.privateLink },
      regionNames: regionResourceNames(identity.key),
      adminGroups: [
        ...groupAssignments(config.groups, identity.environment).filter(({ role }) => role === "admin").map(({ group }) => group),
        ...(config.unityCatalog.metastoreOwner === undefined ? [] : [config.unityCatalog.metastoreOwner]),
      ],
    };
    // The workspace stack and the stack that configures the workspace from inside share expectations.
    byStack.set(identity.names.stack, workspace);
    byStack.set(identity.names.configStack, workspace);
  }
  return {
    expectationsFor: (stackName) => ({ awsAccountId: config.awsAccountId, costTagKeys, workspace: byStack.get(stackName) }),
  };
}
