/**
 * `npm run synth` against cdktf-cli's own `cdktf synth`, `cdktf deploy` and `cdktf diff`, run for real
 * (node_modules/cdktf-cli) with a stub in place of terraform (TERRAFORM_BINARY_NAME: every terraform
 * call of the CLI goes through it). The stub records where and with what it was called, answers the
 * version probes, succeeds on init and providers, and refuses anything else, so no plan or apply
 * runs. Nothing reaches the network: CHECKPOINT_DISABLE, a private CDKTF_HOME, no plugin cache, and
 * the CLI's version check only runs on a terminal.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { main } from "../../../cli/synth/cli";
import { captureIo, REPO_ROOT, removeTempDirs, tempDir, testEnv } from "../../utils";

const CDKTF_CLI = join(REPO_ROOT, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf");
const CLI_TIMEOUT_MS = 180_000;

const STUB = `#!/bin/sh
echo "$(pwd) :: $*" >> "$FAKE_TF_LOG"
case "$1" in
  version) echo '{"terraform_version":"1.11.4","platform":"linux_amd64","provider_selections":{},"terraform_outdated":false}';;
  -v) echo "Terraform v1.11.4";;
  init|providers) exit 0;;
  *) echo "stub terraform: refusing $1" >&2; exit 1;;
esac
`;

let work: string;
let env: Record<string, string | undefined>;

function stubLog(name: string): { cwd: string; args: string }[] {
  const file = join(work, `${name}.log`);
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => {
      const [cwd, args] = line.split(" :: ");
      return { cwd, args };
    });
}

function run(file: string, args: readonly string[], log: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(file, args, { cwd: REPO_ROOT, env: { ...env, FAKE_TF_LOG: join(work, `${log}.log`) }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

const cdktf = (args: readonly string[], log: string) => run(process.execPath, [CDKTF_CLI, ...args], log);
const npmRunSynth = (args: readonly string[], log: string) => run("npm", ["run", "--silent", "synth", "--", ...args], log);

function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length), readFileSync(join(entry.parentPath, entry.name), "utf8"));
  }
  return files;
}

const stackNames = (dir: string) => Object.keys((JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { stacks: object }).stacks);

/** The CLI's closing line, which ink wraps at 80 columns when stdout is not a terminal. */
function generatedLine(stdout: string): string | undefined {
  const at = stdout.lastIndexOf("Generated Terraform code for the stacks:");
  return at < 0 ? undefined : stdout.slice(at).replace(/\s*\n\s*/g, " ").trim();
}

let cliSynth: Awaited<ReturnType<typeof cdktf>>;
let oursSynth: Awaited<ReturnType<typeof npmRunSynth>>;

beforeAll(async () => {
  work = tempDir("synth-cli-");
  const stub = join(work, "terraform");
  writeFileSync(stub, STUB);
  chmodSync(stub, 0o755);
  env = testEnv({
    TERRAFORM_BINARY_NAME: stub,
    CHECKPOINT_DISABLE: "1",
    CDKTF_HOME: join(work, "cdktf-home"),
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1",
    DISABLE_VERSION_CHECK: "1",
  });
  // Both into folders that hold a stack the app does not have: cdktf synth removes it, and so must we.
  for (const dir of ["cli", "ours"]) {
    mkdirSync(join(work, dir, "stacks", "acme-data-gone-dev"), { recursive: true });
    writeFileSync(join(work, dir, "stacks", "acme-data-gone-dev", "cdk.tf.json"), "{}");
  }
  [cliSynth, oursSynth] = await Promise.all([cdktf(["synth", "-o", join(work, "cli")], "cli-synth"), npmRunSynth(["-o", join(work, "ours")], "ours-synth")]);
}, CLI_TIMEOUT_MS);

afterAll(removeTempDirs);

describe("npm run synth: what cdktf synth writes, without the CLI's start-up", () => {
  test("the output folder is byte-identical to cdktf synth's, stale stack folder removed alike", () => {
    expect(cliSynth.status).toBe(0);
    expect(oursSynth.status).toBe(0);
    const cli = filesUnder(join(work, "cli"));
    expect([...cli.keys()].filter((file) => file.endsWith("cdk.tf.json"))).toHaveLength(stackNames(join(work, "cli")).length);
    expect(cli.has("/stacks/acme-data-gone-dev/cdk.tf.json")).toBe(false);
    expect(filesUnder(join(work, "ours"))).toEqual(cli);
  });

  test("it prints the CLI's closing line, nothing on stderr, and runs no terraform (the CLI probes it)", () => {
    expect(oursSynth.stdout).toBe(`${generatedLine(cliSynth.stdout)}\n`);
    expect(oursSynth.stderr).toBe("");
    expect(stubLog("ours-synth")).toEqual([]);
    expect(stubLog("cli-synth").map((call) => call.args)).toContain("version -json");
  });
});

describe.concurrent("cdktf deploy and cdktf diff find every stack npm run synth wrote", () => {
  test("deploy --skip-synth '*': terraform init in every stack's folder, then the first apply in the account stack (dependency order)", async () => {
    const outdir = join(work, "ours");
    const deploy = await cdktf(["deploy", "--skip-synth", "-o", outdir, "*", "--auto-approve"], "deploy");
    // The stub refuses the apply: the deploy fails there, after every stack was found and initialized.
    expect(deploy.status).not.toBe(0);
    const calls = stubLog("deploy").filter((call) => !/^(version|-v)/.test(call.args));
    const initialized = calls.filter((call) => call.args.startsWith("init")).map((call) => call.cwd);
    expect(initialized.sort()).toEqual(stackNames(outdir).map((name) => join(outdir, "stacks", name)).sort());
    const firstApply = calls.find((call) => call.args.startsWith("apply"));
    expect(firstApply?.cwd).toBe(join(outdir, "stacks", stackNames(outdir).find((name) => name.endsWith("-account"))!));
  }, CLI_TIMEOUT_MS);

  test("diff --skip-synth <stack>: terraform runs in that stack's folder", async () => {
    const outdir = join(work, "ours");
    const stack = stackNames(outdir).find((name) => name.endsWith("-use1-dev"))!;
    const diff = await cdktf(["diff", "--skip-synth", "-o", outdir, stack], "diff");
    expect(diff.status).not.toBe(0);
    const calls = stubLog("diff").filter((call) => !/^(version|-v)/.test(call.args));
    expect(calls.map((call) => [call.cwd, call.args.split(" ")[0]])).toEqual([
      [join(outdir, "stacks", stack), "init"],
      [join(outdir, "stacks", stack), "providers"],
      [join(outdir, "stacks", stack), "plan"],
    ]);
  }, CLI_TIMEOUT_MS);
});

describe("npm run synth: its own command line", () => {
  test("--help prints the usage; a positional is refused, pointing at REGIONS_FILE", async () => {
    const help = captureIo();
    expect(await main(["--help"], help)).toBe(0);
    expect(help.out()).toMatch(/^usage: npm run synth \[-- --output <dir>\]/);
    const positional = captureIo();
    expect(await main(["regions.yaml"], positional)).toBe(1);
    expect(positional.err()).toMatch(/^synth: unexpected argument "regions\.yaml": synth reads \$REGIONS_FILE, else regions\.yaml; usage:/);
  });

  test("a missing regions file is named, nothing is written, exit 1", async () => {
    const dir = tempDir("synth-missing-");
    const io = captureIo(dir, testEnv({ REGIONS_FILE: join(dir, "no-such.yaml") }));
    expect(await main(["-o", "out"], io)).toBe(1);
    expect(io.err()).toBe(`${join(dir, "no-such.yaml")}: cannot read the regions file: no such file\nNothing was synthesized.\n`);
    expect(io.out()).toBe("");
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a stale stack folder holding local state is kept and named, as the user named the output folder", async () => {
    const dir = tempDir("synth-stale-");
    mkdirSync(join(dir, "out", "stacks", "acme-data-gone-dev"), { recursive: true });
    writeFileSync(join(dir, "out", "stacks", "acme-data-gone-dev", "terraform.acme-data-gone-dev.tfstate"), "{}");
    const io = captureIo(dir, testEnv({ REGIONS_FILE: join(REPO_ROOT, "regions.yaml") }));
    expect(await main(["--output", "out"], io)).toBe(0);
    expect(io.err()).toMatch(/^warning: kept out\/stacks\/acme-data-gone-dev: its stack is no longer in the app, but it holds local Terraform state \(terraform\.acme-data-gone-dev\.tfstate\)/);
    expect(existsSync(join(dir, "out", "stacks", "acme-data-gone-dev", "terraform.acme-data-gone-dev.tfstate"))).toBe(true);
    expect(io.out()).toMatch(/^Generated Terraform code for the stacks: acme-data-account, /);
  });

  test("a wrong flag names itself and writes nothing", () => {
    const outdir = join(tempDir("synth-flag-"), "out");
    const bad = spawnSync("npm", ["run", "--silent", "synth", "--", "--outptu", outdir], { cwd: REPO_ROOT, encoding: "utf8", env: testEnv() });
    expect(bad.stderr).toBe('synth: unknown flag "--outptu" (known: --output, --help)\n');
    expect(bad.status).toBe(1);
    expect(existsSync(resolve(REPO_ROOT, outdir))).toBe(false);
  });
});
