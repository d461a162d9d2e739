/**
 * The local-state trial (regions.yaml without `state:`), checked with the real terraform: every
 * cross-stack read of every stack must find its producer's state file.
 *
 * cdktf copies the producer's LocalBackend `path` verbatim into the reader's `terraform_remote_state`
 * (cdktf lib/backends/local-backend.js getRemoteStateDataSource), and terraform resolves a relative path
 * against the working directory of the stack that runs it (cdktf runs each stack in
 * `<outdir>/stacks/<stack>`). So for each reader this writes a state file where the PRODUCER's backend
 * puts it, with a value for every output the reader takes from it, then runs `terraform init` and
 * `terraform plan` in the READER's folder with only its backend, its remote-state data sources and one
 * output per value read, and requires every value back. No provider is involved (terraform_remote_state
 * is built in), so it needs neither the mirror nor credentials.
 */
import { renameSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isObject, type JsonObject } from "../../tfjson/json";
import { runTerraform, terraformMessage, type TerraformContext } from "./terraform";

const REMOTE_STATE_PREFIX = "cross-stack-reference-input-";

export interface CrossStackRead {
  readonly reader: string;
  readonly producer: string;
  /** The data source's name in the reader. */
  readonly dataSource: string;
  readonly config: JsonObject;
  /** Output names of the producer the reader uses. */
  readonly outputs: readonly string[];
}

/** Every `terraform_remote_state` of every stack, with the producer it names and the outputs it reads. */
export function crossStackReads(stacks: ReadonlyMap<string, JsonObject>): CrossStackRead[] {
  const reads: CrossStackRead[] = [];
  for (const [reader, json] of stacks) {
    const data = isObject(json.data) && isObject(json.data.terraform_remote_state) ? json.data.terraform_remote_state : {};
    const text = JSON.stringify(json);
    for (const [dataSource, block] of Object.entries(data)) {
      if (!isObject(block) || !isObject(block.config) || !dataSource.startsWith(REMOTE_STATE_PREFIX)) continue;
      const pattern = new RegExp(`data\\.terraform_remote_state\\.${dataSource.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.outputs\\.([\\w-]+)`, "g");
      const outputs = [...new Set([...text.matchAll(pattern)].map((match) => match[1]))].sort();
      reads.push({ reader, producer: dataSource.slice(REMOTE_STATE_PREFIX.length), dataSource, config: block.config, outputs });
    }
  }
  return reads;
}

/** Where terraform, running in `<outdir>/stacks/<stack>`, reads or writes a local backend's `path`. */
export function resolvedStatePath(outdir: string, stack: string, path: string): string {
  return resolve(outdir, "stacks", stack, path);
}

function localBackendPath(json: JsonObject | undefined): string | undefined {
  const terraform = isObject(json?.terraform) ? json.terraform : undefined;
  const backend = isObject(terraform?.backend) && isObject(terraform.backend.local) ? terraform.backend.local : undefined;
  return typeof backend?.path === "string" ? backend.path : undefined;
}

const valueFor = (producer: string, output: string) => `${producer}/${output}`;

function stateFile(outputs: Iterable<string>, producer: string): string {
  const values = Object.fromEntries([...outputs].map((output) => [output, { value: valueFor(producer, output), type: "string", sensitive: true }]));
  return JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "00000000-0000-4000-8000-000000000001", outputs: values, resources: [] }, null, 2);
}

export interface LocalStateResult {
  readonly ok: boolean;
  readonly line: string;
}

/**
 * Checks every cross-stack read of a synth made without `state:` (in `outdir`). Writes the producers'
 * state files where their backends say, so `outdir` and the state folder must be the caller's
 * temporary ones. The readers' synthesized stack files are moved aside (they need providers).
 */
export async function checkLocalStateReads(context: TerraformContext, stacks: ReadonlyMap<string, JsonObject>, outdir: string): Promise<LocalStateResult> {
  const reads = crossStackReads(stacks);
  if (!reads.length) return { ok: false, line: "local state FAILED: the synth has no cross-stack read to check" };
  const problems: string[] = [];
  const outputsByProducer = new Map<string, Set<string>>();
  for (const read of reads) {
    const producerPath = localBackendPath(stacks.get(read.producer));
    if (producerPath === undefined) problems.push(`${read.reader} reads ${read.producer}, which has no local backend`);
    else if (read.config.path !== producerPath) problems.push(`${read.reader} reads ${read.producer} at "${String(read.config.path)}", its backend writes "${producerPath}"`);
    const outputs = outputsByProducer.get(read.producer) ?? new Set<string>();
    read.outputs.forEach((output) => outputs.add(output));
    outputsByProducer.set(read.producer, outputs);
  }
  for (const [producer, outputs] of outputsByProducer) {
    const path = localBackendPath(stacks.get(producer));
    if (path === undefined) continue;
    const file = resolvedStatePath(outdir, producer, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, stateFile(outputs, producer));
  }
  const readers = [...new Set(reads.map((read) => read.reader))];
  const results = await Promise.all(readers.map((reader) => planReader(context, stacks.get(reader)!, reader, reads.filter((read) => read.reader === reader), outdir)));
  problems.push(...results.flat());
  const readCount = reads.reduce((sum, read) => sum + read.outputs.length, 0);
  return problems.length
    ? { ok: false, line: `local state FAILED:\n${problems.map((problem) => `    ${problem}`).join("\n")}` }
    : { ok: true, line: `local state: ${reads.length} cross-stack reads of ${readers.length} stacks (${readCount} values) each found its producer's state file (terraform init + plan, no state: block)` };
}

async function planReader(context: TerraformContext, json: JsonObject, reader: string, reads: readonly CrossStackRead[], outdir: string): Promise<string[]> {
  const dir = join(outdir, "stacks", reader);
  renameSync(join(dir, "cdk.tf.json"), join(dir, "cdk.tf.json.full"));
  const outputs: Record<string, unknown> = {};
  const expected = new Map<string, string>();
  for (const read of reads) {
    read.outputs.forEach((output, index) => {
      const name = `read_${read.producer}_${index}`.replace(/[^\w-]/g, "_");
      outputs[name] = { value: `\${data.terraform_remote_state.${read.dataSource}.outputs.${output}}`, sensitive: true };
      expected.set(name, valueFor(read.producer, output));
    });
  }
  const terraform = isObject(json.terraform) ? json.terraform : {};
  const config = {
    terraform: { backend: terraform.backend },
    data: { terraform_remote_state: Object.fromEntries(reads.map((read) => [read.dataSource, (json.data as Record<string, Record<string, unknown>>).terraform_remote_state[read.dataSource]])) },
    output: outputs,
  };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config, null, 2));
  for (const args of [["init", "-input=false", "-no-color"], ["plan", "-input=false", "-no-color", "-lock=false", "-out=reads.tfplan"]]) {
    const run = await runTerraform(context, dir, args);
    if (run.code !== 0) return [`${reader}: terraform ${args[0]}: ${terraformMessage(run).split("\n").slice(0, 4).join(" ").replace(/\s+/g, " ")}`];
  }
  const show = await runTerraform(context, dir, ["show", "-json", "reads.tfplan"]);
  if (show.code !== 0) return [`${reader}: terraform show: ${terraformMessage(show)}`];
  const planned = (JSON.parse(show.stdout) as { planned_values?: { outputs?: Record<string, { value?: unknown }> } }).planned_values?.outputs ?? {};
  return [...expected].filter(([name, value]) => planned[name]?.value !== value).map(([name, value]) => `${reader}: ${name} read ${JSON.stringify(planned[name]?.value)}, expected "${value}"`);
}

/**
 * The trial as a user runs it: the shipped regions.yaml without its `state:` block, synthesized into
 * `<dir>/project/cdktf.out` with the project folder `<dir>/project` (so the state files the check
 * writes land in the tier's temporary folder, never in the checkout), then every read checked.
 */
export async function checkLocalTrial(context: TerraformContext, dir: string, synthesize: (layout: { outdir: string; projectDir: string }) => ReadonlyMap<string, JsonObject>): Promise<LocalStateResult> {
  const projectDir = join(dir, "project");
  const outdir = join(projectDir, "cdktf.out");
  mkdirSync(projectDir, { recursive: true });
  return checkLocalStateReads(context, synthesize({ outdir, projectDir }), outdir);
}
