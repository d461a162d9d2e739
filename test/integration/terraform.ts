/**
 * Runs terraform commands for the tier. A failure carries terraform's own message (its diagnostics
 * box with the frame characters removed), which the tier prints under the stack name.
 */
import type { ChildProcesses } from "./children";
import type { Limiter } from "./pool";
import type { ProviderLanes } from "./provider-lanes";

export interface TerraformContext {
  readonly terraformBin: string;
  readonly env: Readonly<Record<string, string>>;
  /** Shared with every other process the tier starts: at most one per core. */
  readonly limit: Limiter;
  /** Where every process is registered, so an interrupted run stops them (children.ts). */
  readonly children: ChildProcesses;
  /**
   * Long-lived providers that commands attach to instead of starting their own (provider-lanes.ts).
   * @default none: every command starts the provider itself
   */
  readonly lanes?: ProviderLanes;
}

/** Commands that never start the provider: they run without a lane, leaving it to one that does. */
const WITHOUT_PROVIDER = new Set(["init", "version", "fmt"]);

/** The run's environment, attached to a lane's provider when there are lanes and the command needs one. */
function withProvider<T>(context: TerraformContext, args: readonly string[], run: (env: Readonly<Record<string, string>>) => Promise<T>): Promise<T> {
  const { lanes } = context;
  if (!lanes || WITHOUT_PROVIDER.has(args[0] ?? "")) return run(context.env);
  return lanes.withLane((reattach) => run({ ...context.env, TF_REATTACH_PROVIDERS: reattach }));
}

export interface TerraformRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runTerraform(context: TerraformContext, cwd: string, args: readonly string[]): Promise<TerraformRun> {
  return context.limit(() => withProvider(context, args, (env) => spawnTerraform(context, env, cwd, args)));
}

function spawnTerraform(context: TerraformContext, env: Readonly<Record<string, string>>, cwd: string, args: readonly string[]): Promise<TerraformRun> {
  return new Promise((resolvePromise, reject) => {
    const child = context.children.spawn(context.terraformBin, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolvePromise({ code: code ?? 1, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }),
    );
  });
}

/** terraform's diagnostics without the box-drawing frame, blank runs collapsed. */
export function terraformMessage(run: TerraformRun): string {
  const text = run.stderr.trim() ? run.stderr : run.stdout;
  return text
    .split("\n")
    .filter((line) => !/^\s*[╷╵]\s*$/.test(line))
    .map((line) => line.replace(/^\s*│ ?/, "").trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** One `planned_change` of terraform's machine-readable UI (`plan -json`). */
export interface StreamedChange {
  readonly address: string;
  /** create, update, replace, delete, read, noop, remove (forget)… as terraform writes it. */
  readonly action: string;
}

interface UiMessage {
  readonly type?: string;
  readonly change?: { readonly resource?: { readonly addr?: string }; readonly action?: string };
  readonly diagnostic?: {
    readonly severity?: string;
    readonly summary?: string;
    readonly detail?: string;
    readonly address?: string;
    readonly range?: { readonly filename?: string; readonly start?: { readonly line?: number } };
  };
}

/**
 * The planned changes and the error diagnostics of a `plan -json` run, the diagnostics in
 * terraform's own words (summary, where, detail), as its human output gives them.
 */
export function parseUiStream(stdout: string): { readonly changes: StreamedChange[]; readonly errors: string } {
  const changes: StreamedChange[] = [];
  const errors: string[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    let message: UiMessage;
    try {
      message = JSON.parse(line) as UiMessage;
    } catch {
      continue;
    }
    if (message.type === "planned_change" && message.change?.resource?.addr && message.change.action) {
      changes.push({ address: message.change.resource.addr, action: message.change.action });
    }
    const diagnostic = message.diagnostic;
    if (message.type === "diagnostic" && diagnostic?.severity === "error") {
      const where = diagnostic.range?.filename ? `\n  on ${diagnostic.range.filename} line ${diagnostic.range.start?.line ?? "?"}` : "";
      const address = diagnostic.address ? `\n  with ${diagnostic.address}` : "";
      errors.push(`Error: ${diagnostic.summary ?? "(no summary)"}${address}${where}${diagnostic.detail ? `\n\n${diagnostic.detail}` : ""}`);
    }
  }
  return { changes, errors: errors.join("\n\n") };
}

/** Addresses terraform refused to destroy or replace because of `lifecycle.prevent_destroy`. */
export function preventDestroyRefusals(message: string): string[] {
  return [...message.matchAll(/Resource (\S+) has\s+lifecycle\.prevent_destroy\s+set/g)].map((match) => match[1]);
}

/** Every error in `message` is a prevent_destroy refusal (nothing else went wrong). */
export function onlyPreventDestroyErrors(message: string): boolean {
  const errors = [...message.matchAll(/^Error: (.+)$/gm)].map((match) => match[1]);
  return errors.length > 0 && errors.every((summary) => summary === "Instance cannot be destroyed");
}

/**
 * The offline mirror has hashicorp/aws 5.x; the bindings target 6.x. When terraform rejects an
 * argument or block the bindings wrote, say that it may simply be new in 6.x.
 */
export function versionGapHint(message: string, mirrorVersion: string, bindingsVersion: string | undefined): string | undefined {
  const unknown = /An argument named "([^"]+)" is not expected here|Blocks of type "([^"]+)" are not expected here/.exec(message);
  if (!unknown) return undefined;
  const name = unknown[1] ?? unknown[2];
  return (
    `hint: "${name}" is unknown to hashicorp/aws ${mirrorVersion} (the offline mirror); the bindings target ` +
    `${bindingsVersion ?? "6.x"}, where it may be new. Run the tier with that provider version (docs/integration-tier.md).`
  );
}
