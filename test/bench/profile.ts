/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by area
 * (our code by folder, each package, Node, GC), the functions with the most self time, and the
 * functions with the most inclusive time (on the stack when sampled), with their file.
 *
 *   npx tsx test/bench/profile.ts <file.cpuprofile>
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isEntryPoint } from "../../cli/kit/entry";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Entry {
  readonly name: string;
  readonly where: string;
  readonly area: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly areas: readonly { area: string; ms: number; share: number }[];
  readonly self: readonly Entry[];
  readonly inclusive: readonly Entry[];
  /** Our own functions (config/, domain/, constructs/, app/, rules/, tfjson/, main.ts) by inclusive time. */
  readonly ours: readonly Entry[];
}

/** `file:///repo/config/load.ts` → `config/load.ts`; `…/node_modules/cdktf/lib/app.js` → `cdktf/lib/app.js`. */
function whereOf(url: string, root: string): string {
  if (!url) return "";
  if (!url.startsWith("file://")) return url;
  const path = fileURLToPath(url);
  const inModules = path.lastIndexOf("/node_modules/");
  return inModules >= 0 ? path.slice(inModules + "/node_modules/".length) : relative(root, path);
}

/** Our code by top folder (config, domain, app, constructs, rules, main.ts); a package by name. */
function areaOf(url: string, where: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  if (url.startsWith("node:")) return "node internals";
  if (!url.startsWith("file://")) return "(other)";
  if (!fileURLToPath(url).includes("/node_modules/")) return `ours: ${where.includes("/") ? `${where.split("/")[0]}/` : where}`;
  const parts = where.split("/");
  return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

export function summarizeProfile(file: string, root: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const describe = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || "(anonymous)";
    const where = whereOf(url, root);
    const at = where && lineNumber > 0 ? `${where}:${lineNumber + 1}` : where;
    return { key: `${name} ${at}`, name, where: at, area: areaOf(url, where, name) };
  };
  const described = new Map(profile.nodes.map((node) => [node.id, describe(node)]));

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    totalUs += us;
    const leaf = described.get(id)!;
    self.set(leaf.key, (self.get(leaf.key) ?? 0) + us);
    areas.set(leaf.area, (areas.get(leaf.area) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { key } = described.get(at)!;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  });

  const entryOf = new Map([...byId.keys()].map((id) => [described.get(id)!.key, described.get(id)!]));
  const ranked = (times: Map<string, number>, keep: (e: { name: string; area: string }) => boolean, limit = top) =>
    [...times]
      .map(([key, us]) => ({ ...entryOf.get(key)!, ms: us / 1000, share: us / totalUs }))
      .filter(keep)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, limit)
      .map(({ name, where, area, ms, share }) => ({ name, where, area, ms, share }));
  const notRoot = ({ name }: { name: string }) => !["(root)", "(program)", "(idle)"].includes(name);
  return {
    totalMs: totalUs / 1000,
    areas: [...areas]
      .map(([area, us]) => ({ area, ms: us / 1000, share: us / totalUs }))
      .sort((a, b) => b.ms - a.ms),
    self: ranked(self, notRoot),
    inclusive: ranked(inclusive, (e) => notRoot(e) && e.name !== "(anonymous)"),
    ours: ranked(inclusive, (e) => e.area.startsWith("ours:") && !e.area.startsWith("ours: test/"), top * 2),
  };
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** Self time per area in our synth next to the floor's: the difference is what our code adds. */
export function areasMarkdown(ours: ProfileSummary, floor: ProfileSummary): string {
  const floorMs = new Map(floor.areas.map((a) => [a.area, a.ms]));
  const rows = ours.areas
    .map((a) => ({ area: a.area, ours: a.ms, floor: floorMs.get(a.area) ?? 0 }))
    .concat(floor.areas.filter((a) => !ours.areas.some((o) => o.area === a.area)).map((a) => ({ area: a.area, ours: 0, floor: a.ms })))
    .sort((a, b) => b.ours - b.floor - (a.ours - a.floor));
  const excess = ours.totalMs - floor.totalMs;
  return [
    `Sampled: ours ${ours.totalMs.toFixed(0)} ms, floor ${floor.totalMs.toFixed(0)} ms; ours − floor ${excess.toFixed(0)} ms.`,
    "",
    "| area (self time) | ours ms | floor ms | ours − floor | share of the difference |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows
      .filter((r) => Math.abs(r.ours - r.floor) >= excess * 0.01)
      .map((r) => `| ${r.area} | ${r.ours.toFixed(0)} | ${r.floor.toFixed(0)} | ${(r.ours - r.floor).toFixed(0)} | ${percent((r.ours - r.floor) / excess)} |`),
  ].join("\n");
}

export function profileMarkdown(summary: ProfileSummary): string {
  const rows = (entries: readonly Entry[]) =>
    entries.map((e) => `| ${e.name} | ${e.where || "—"} | ${e.ms.toFixed(0)} | ${percent(e.share)} |`).join("\n");
  return [
    `CPU profile: ${summary.totalMs.toFixed(0)} ms sampled.`,
    "",
    "| area (self time) | ms | share |",
    "| --- | ---: | ---: |",
    ...summary.areas.slice(0, 12).map((a) => `| ${a.area} | ${a.ms.toFixed(0)} | ${percent(a.share)} |`),
    "",
    "| function (self time) | file | ms | share |",
    "| --- | --- | ---: | ---: |",
    rows(summary.self),
    "",
    "| function (inclusive time) | file | ms | share |",
    "| --- | --- | ---: | ---: |",
    rows(summary.inclusive),
    "",
    "| our function (inclusive time) | file | ms | share |",
    "| --- | --- | ---: | ---: |",
    rows(summary.ours),
  ].join("\n");
}

if (isEntryPoint(import.meta.url)) {
  const [file] = process.argv.slice(2);
  if (!file) {
    process.stderr.write("usage: npx tsx test/bench/profile.ts <file.cpuprofile>\n");
    process.exitCode = 1;
  } else {
    process.stdout.write(`${profileMarkdown(summarizeProfile(file, process.cwd()))}\n`);
  }
}
