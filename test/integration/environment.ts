/**
 * Where terraform and the offline provider mirror are, and the environment every terraform process
 * of the tier runs in: a CLI config of our own (never the user's ~/.terraformrc), one plugin cache
 * shared by every stack, fake credentials, and nothing else from the caller's environment, so a
 * real AWS profile or token can never reach a plan.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

export interface TerraformSetup {
  readonly terraformBin: string;
  readonly terraformVersion: string;
  /** Filesystem mirror root: holds `registry.terraform.io/hashicorp/aws/<version>/<os_arch>/`. */
  readonly mirrorRoot: string;
  /** The newest hashicorp/aws version in the mirror for this platform. */
  readonly awsVersion: string;
}

export type SetupResult = { readonly ok: true; readonly setup: TerraformSetup } | { readonly ok: false; readonly missing: string };

/** Mirror roots looked at when TF_TIER_MIRROR is not set (the first is where these machines keep it). */
export function mirrorCandidates(home = homedir()): string[] {
  return [
    "/opt/tf-plugins",
    join(home, ".terraform.d", "plugins"),
    join(home, ".local", "share", "terraform", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ];
}

export function terraformPlatform(platform = process.platform, arch = process.arch): string {
  const archName = arch === "x64" ? "amd64" : arch === "ia32" ? "386" : arch;
  return `${platform}_${archName}`;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] || 0) - (pb[i] || 0);
    if (diff) return diff;
  }
  return 0;
}

/** AWS provider versions a mirror root holds for `platform`, unpacked or packed layout. */
export function awsVersionsIn(root: string, platform = terraformPlatform()): string[] {
  const awsDir = join(root, "registry.terraform.io", "hashicorp", "aws");
  if (!existsSync(awsDir)) return [];
  const versions = new Set<string>();
  for (const entry of readdirSync(awsDir)) {
    const packed = new RegExp(`^terraform-provider-aws_(.+)_${platform}\\.zip$`).exec(entry);
    if (packed) versions.add(packed[1]);
    const unpacked = join(awsDir, entry, platform);
    if (existsSync(unpacked) && statSync(unpacked).isDirectory() && readdirSync(unpacked).some((f) => f.startsWith("terraform-provider-aws"))) {
      versions.add(entry);
    }
  }
  return [...versions].sort(compareVersions);
}

function onPath(command: string, pathVariable = process.env.PATH ?? ""): string | undefined {
  for (const dir of pathVariable.split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Finds terraform and the mirror, or says what is missing. */
export function detectSetup(env: NodeJS.ProcessEnv = process.env): SetupResult {
  const terraformBin = env.TERRAFORM_BIN ?? onPath("terraform", env.PATH);
  if (!terraformBin || !existsSync(terraformBin)) {
    return { ok: false, missing: env.TERRAFORM_BIN ? `terraform (TERRAFORM_BIN=${env.TERRAFORM_BIN} does not exist)` : "terraform (not on PATH)" };
  }
  const roots = env.TF_TIER_MIRROR ? [env.TF_TIER_MIRROR] : mirrorCandidates(env.HOME);
  const mirror = roots.map((root) => ({ root, versions: awsVersionsIn(root) })).find((found) => found.versions.length);
  if (!mirror) {
    return {
      ok: false,
      missing: `the hashicorp/aws provider mirror for ${terraformPlatform()} (looked in ${roots.join(", ")}; set TF_TIER_MIRROR to its root)`,
    };
  }
  let terraformVersion: string;
  try {
    const out = execFileSync(terraformBin, ["version", "-json"], { env: { PATH: env.PATH ?? "", CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: "/dev/null" }, encoding: "utf8" });
    terraformVersion = String((JSON.parse(out) as { terraform_version?: string }).terraform_version);
  } catch (error) {
    return { ok: false, missing: `a working terraform (${terraformBin} version failed: ${(error as Error).message.split("\n")[0]})` };
  }
  return { ok: true, setup: { terraformBin, terraformVersion, mirrorRoot: mirror.root, awsVersion: mirror.versions[mirror.versions.length - 1] } };
}

/** The CLI config: install hashicorp/aws from the mirror only (no registry, no network), into one shared cache. */
export function cliConfigText(mirrorRoot: string, pluginCacheDir: string): string {
  return [
    `plugin_cache_dir   = ${JSON.stringify(pluginCacheDir)}`,
    "disable_checkpoint = true",
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirrorRoot)}`,
    '    include = ["registry.terraform.io/hashicorp/aws"]',
    "  }",
    "}",
    "",
  ].join("\n");
}

/** Fake, obviously so: the provider never checks them (skip_credentials_validation) and nothing is applied. */
export const FAKE_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "AKIAFAKEFAKEFAKEFAKE",
  AWS_SECRET_ACCESS_KEY: "fake-secret-access-key-for-offline-plans",
} as const;

/**
 * Writes the CLI config into `workDir` and returns the environment for terraform processes. Built
 * from scratch: only PATH/HOME/locale are kept from the caller.
 */
export function terraformEnvironment(setup: TerraformSetup, workDir: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const pluginCacheDir = join(workDir, "plugin-cache");
  mkdirSync(pluginCacheDir, { recursive: true });
  const cliConfigFile = join(workDir, "terraform.rc");
  writeFileSync(cliConfigFile, cliConfigText(setup.mirrorRoot, pluginCacheDir));
  const kept = Object.fromEntries(
    ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"].flatMap((key) => (env[key] ? [[key, env[key] as string]] : [])),
  );
  return {
    ...kept,
    ...FAKE_CREDENTIALS,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    // No shared config or credentials file, no instance metadata: the fake keys are all there is.
    AWS_CONFIG_FILE: join(workDir, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(workDir, "no-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    // Each terraform command starts the 700 MB AWS provider, which spends a third of its CPU in the
    // garbage collector while it builds its schema; a lazier collector makes the tier ~15% faster.
    GOGC: "400",
  };
}
