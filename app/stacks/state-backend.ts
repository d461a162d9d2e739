import { LocalBackend, S3Backend, type TerraformStack } from "cdktf";
import type { RegionsConfig } from "../../config/schema/regions";
import { localStateFile, stateKey } from "../../domain/naming";

/**
 * Remote state in S3, one key per stack, encrypted, with S3-native locking (Terraform >= 1.10).
 * cdktf 0.21's S3Backend has no `useLockfile`, so it is set as an override on the backend block.
 * Without a `state` block the stack keeps a local state file beside its synthesized JSON (a trial
 * run on a laptop), written out explicitly so reviewers see which it is.
 */
export function configureStateBackend(stack: TerraformStack, state: RegionsConfig["state"], stackName: string): void {
  if (!state) {
    new LocalBackend(stack, { path: localStateFile(stackName) });
    return;
  }
  new S3Backend(stack, {
    bucket: state.bucket,
    region: state.region,
    key: stateKey(state.keyPrefix, stackName),
    encrypt: true,
  });
  stack.addOverride("terraform.backend.s3.use_lockfile", true);
}
