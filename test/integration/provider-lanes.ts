/**
 * One long-lived AWS provider per parallel slot, attached to terraform through TF_REATTACH_PROVIDERS.
 *
 * Every terraform command that needs the provider (validate, plan, show, providers schema) starts
 * the 700 MB hashicorp/aws plugin again, and a plan starts it three times (schema, validate walk,
 * plan walk): start-up was most of the tier's CPU (research for issue 17: 3.1 s of CPU per plan,
 * ~1.6 s with the provider already running). Terraform can instead use a provider that is already
 * running, started with `-debug`, which prints the value of TF_REATTACH_PROVIDERS to set
 * (developer.hashicorp.com/terraform/plugin/debugging, "Debugger-Based Debugging").
 *
 * One provider serves one terraform command at a time: a command configures it (region, default
 * tags), so two at once would overwrite each other's configuration. The provider gets the tier's
 * environment (fake credentials, no metadata API): it reads its own environment, not terraform's.
 * The tier's self-check proves that a plan through a lane equals a plan that starts its own provider.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import type { ChildProcesses } from "./children";

/** How long a provider may take to print its address: it loads in ~1 s, far longer on a busy machine. */
const START_TIMEOUT_MS = 120_000;

export interface ProviderLanes {
  /** Runs `task` with a free provider's TF_REATTACH_PROVIDERS, waiting for one when all are busy. */
  withLane<T>(task: (reattach: string) => Promise<T>): Promise<T>;
  readonly size: number;
}

/** The hashicorp/aws plugin binary of `version` in a filesystem mirror. */
export function providerBinary(mirrorRoot: string, version: string, platform: string): string {
  const dir = join(mirrorRoot, "registry.terraform.io", "hashicorp", "aws", version, platform);
  const binary = readdirSync(dir).find((name) => name.startsWith("terraform-provider-aws"));
  if (!binary) throw new Error(`no terraform-provider-aws binary in ${dir}`);
  return join(dir, binary);
}

/** The TF_REATTACH_PROVIDERS value a provider started with `-debug` prints, once it is listening. */
export function reattachValue(output: string): string | undefined {
  return /TF_REATTACH_PROVIDERS='(\{.*\})'/.exec(output)?.[1];
}

function startProvider(children: ChildProcesses, binary: string, env: Readonly<Record<string, string>>): Promise<string> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = children.spawn(binary, ["-debug"], { env, stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      reject(error as Error);
      return;
    }
    let output = "";
    const timer = setTimeout(() => fail(`no TF_REATTACH_PROVIDERS line within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`starting ${binary} -debug: ${why}\n${output.slice(-2000)}`));
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const value = reattachValue(output);
      if (value === undefined) return;
      clearTimeout(timer);
      // Keep draining its output (it logs every RPC at debug level) so it never blocks on a full pipe.
      child.stdout?.off("data", read).resume();
      child.stderr?.off("data", read).resume();
      resolve(value);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code, signal) => fail(`it exited (${signal ?? code}) before it was listening`));
  });
}

/** Hands out one reattach value per task, each to one task at a time; a task waits for a free one. */
export function lanePool(reattachValues: readonly string[]): ProviderLanes {
  const free = [...reattachValues];
  const waiting: ((reattach: string) => void)[] = [];
  const release = (reattach: string) => {
    const next = waiting.shift();
    if (next) next(reattach);
    else free.push(reattach);
  };
  return {
    size: reattachValues.length,
    async withLane<T>(task: (reattach: string) => Promise<T>): Promise<T> {
      const reattach = free.pop() ?? (await new Promise<string>((resolve) => waiting.push(resolve)));
      try {
        return await task(reattach);
      } finally {
        release(reattach);
      }
    },
  };
}

/** Starts `count` providers; they run until the tier's ChildProcesses stops them. */
export async function startProviderLanes(children: ChildProcesses, binary: string, env: Readonly<Record<string, string>>, count: number): Promise<ProviderLanes> {
  return lanePool(await Promise.all(Array.from({ length: Math.max(1, count) }, () => startProvider(children, binary, env))));
}
