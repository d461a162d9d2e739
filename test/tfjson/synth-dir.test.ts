import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadSynth, loadSynthPair, readSynthDir, SynthDirError } from "../../tfjson/synth-dir";
import { tempDir } from "../utils";

function writeStack(dir: string, name: string, json: unknown, file = "cdk.tf.json"): void {
  mkdirSync(join(dir, "stacks", name), { recursive: true });
  writeFileSync(join(dir, "stacks", name, file), typeof json === "string" ? json : JSON.stringify(json));
}

const manifest = (stacks: Record<string, string>) =>
  JSON.stringify({ version: "0.21.0", stacks: Object.fromEntries(Object.entries(stacks).map(([name, path]) => [name, { name, synthesizedStackPath: path }])) });

describe("readSynthDir: the stacks of a cdktf.out folder", () => {
  test("from manifest.json when there is one: stale stack folders are not stacks", () => {
    const dir = tempDir("synth-dir-");
    writeStack(dir, "b", { resource: {} });
    writeStack(dir, "a", { output: {} });
    writeStack(dir, "removed-region", { resource: {} });
    writeFileSync(join(dir, "manifest.json"), manifest({ b: "stacks/b/cdk.tf.json", a: "stacks/a/cdk.tf.json" }));
    expect([...readSynthDir(dir).keys()]).toEqual(["b", "a"]);
    expect(readSynthDir(dir).get("a")).toEqual({ output: {} });
  });

  test("without a manifest, every stacks/<stack>/cdk.tf.json, by name", () => {
    const dir = tempDir("synth-dir-");
    writeStack(dir, "b", {});
    writeStack(dir, "a", {});
    mkdirSync(join(dir, "stacks", "empty"));
    expect([...loadSynth(dir).keys()]).toEqual(["a", "b"]);
  });

  test("an HCL stack file is read through the caller's fallback, or refused", () => {
    const dir = tempDir("synth-dir-");
    writeStack(dir, "a", "resource {}", "cdk.tf");
    writeFileSync(join(dir, "manifest.json"), manifest({ a: "stacks/a/cdk.tf" }));
    expect(readSynthDir(dir, { nonJson: () => ({ resource: {} }) }).get("a")).toEqual({ resource: {} });
    expect(() => readSynthDir(dir)).toThrow(/not JSON \(synthesize without SYNTH_HCL_OUTPUT\)/);
  });

  test.each([
    ["a missing folder", (dir: string) => join(dir, "nope"), /^cannot read synth folder ".*nope": it does not exist or is not a folder$/],
    ["a folder without stacks", (dir: string) => dir, /^cannot read synth folder ".*": no stacks\/ folder in it/],
    ["a broken stack file", (dir: string) => (writeStack(dir, "a", "{ not json"), dir), /^cannot read ".*cdk\.tf\.json": /],
  ])("%s is one line naming it", (_name, make, message) => {
    const dir = make(tempDir("synth-dir-"));
    expect(() => readSynthDir(dir)).toThrow(SynthDirError);
    expect(() => readSynthDir(dir)).toThrow(message);
  });
});

describe("loadSynthPair: both sides of a comparison", () => {
  test("a stack whose file is byte-identical is read once: the head holds the base's stack", () => {
    const base = tempDir("synth-dir-");
    const head = tempDir("synth-dir-");
    const same = { resource: { aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } } };
    writeStack(base, "same", same);
    writeStack(head, "same", same);
    writeStack(base, "reformatted", same);
    writeStack(head, "reformatted", JSON.stringify(same, null, 2));
    const synths = loadSynthPair(base, head);
    expect(synths.head.get("same")).toBe(synths.base.get("same"));
    expect(synths.head.get("reformatted")).not.toBe(synths.base.get("reformatted"));
    expect(synths.head.get("reformatted")?.json).toEqual(synths.base.get("reformatted")?.json);
  });

  test.each([
    ["a missing head folder", (base: string, _head: string) => [base, join(base, "nope")], /^cannot read synth folder ".*nope": it does not exist/],
    ["a broken head file", (base: string, head: string) => (writeStack(head, "a", "{ not json"), [base, head]), /^cannot read ".*cdk\.tf\.json": /],
  ])("%s is refused as loadSynth refuses it", (_name, folders, message) => {
    const base = tempDir("synth-dir-");
    writeStack(base, "a", {});
    const [baseDir, headDir] = folders(base, tempDir("synth-dir-"));
    expect(() => loadSynthPair(baseDir, headDir)).toThrow(SynthDirError);
    expect(() => loadSynthPair(baseDir, headDir)).toThrow(message);
  });
});
