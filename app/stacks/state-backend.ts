import { relative, resolve, sep } from "node:path";
import { LocalBackend, S3Backend, type TerraformStack } from "cdktf";
import type { RegionsConfig } from "../../config/schema/regions";
import { localStateFile, stateKey, stateKeyAliasArn } from "../../domain/naming";

/** Where the synthesized stacks go and where the project is: what a local state path is relative to. */
export interface OutputLayout {
  /** The output folder; cdktf runs terraform for each stack in `<outdir>/stacks/<stack>`. */
  readonly outdir: string;
  /** The project folder, which holds the local state files (domain/naming.ts localStateFile). */
  readonly projectDir: string;
}

/** `npm run synth` in the project folder, into cdktf.out. */
export const DEFAULT_OUTPUT_LAYOUT: OutputLayout = { outdir: "cdktf.out", projectDir: "." };

export type StateBackend =
  | { readonly kind: "local"; readonly layout: OutputLayout }
  | { readonly kind: "s3"; readonly bucket: string; readonly region: string; readonly keyPrefix: string; readonly kmsKeyId: string };

/** Every stack's backend kind and settings, decided once for the whole app. */
export function stateBackendOf(config: Pick<RegionsConfig, "state" | "company" | "domain" | "awsAccountId">, layout: OutputLayout): StateBackend {
  const { state } = config;
  if (!state) return { kind: "local", layout };
  return { kind: "s3", bucket: state.bucket, region: state.region, keyPrefix: state.keyPrefix, kmsKeyId: state.kmsKeyId ?? stateKeyAliasArn(config, state.region) };
}

/**
 * The local backend's `path` for `stackName`: its state file under the project folder, written
 * relative to the folder terraform runs the stack in. cdktf copies the producer's path verbatim into
 * every reader's `terraform_remote_state` (cdktf lib/backends/local-backend.js), and every stack
 * folder is a sibling under `<outdir>/stacks/`, so one string is right from every stack's folder.
 * Computed from the output folder the layout names, whatever folder the app object was given.
 */
export function localStatePath(layout: OutputLayout, stackName: string): string {
  const from = resolve(layout.outdir, "stacks", stackName);
  const to = resolve(layout.projectDir, localStateFile(stackName));
  return relative(from, to).split(sep).join("/");
}

/**
 * Remote state in S3, one key per stack, with S3-native locking (Terraform >= 1.10) and SSE-KMS
 * with the state key: `encrypt` alone makes Terraform write SSE-S3 whatever the bucket's default
 * (terraform s3 backend: "kms_key_id … to use for encrypting the state and lock files"). cdktf 0.21's
 * S3Backend has no `useLockfile`, so it is set as an override on the backend block.
 * Without a `state` block every stack keeps a local state file (a trial run on a laptop, and the
 * bootstrap stack's first run), written out explicitly so reviewers see which it is.
 */
export function configureStateBackend(stack: TerraformStack, backend: StateBackend, stackName: string): void {
  if (backend.kind === "local") {
    new LocalBackend(stack, { path: localStatePath(backend.layout, stackName) });
    return;
  }
  new S3Backend(stack, {
    bucket: backend.bucket,
    region: backend.region,
    key: stateKey(backend.keyPrefix, stackName),
    encrypt: true,
    kmsKeyId: backend.kmsKeyId,
  });
  stack.addOverride("terraform.backend.s3.use_lockfile", true);
}
