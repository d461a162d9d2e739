/**
 * The workflows cannot run here (no GitHub, no cloud), so they are checked where they can be: their
 * YAML (jobs, needs, environments, matrices, permissions), and their scripts run against stand-ins.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { REPO_ROOT } from "../utils";

export interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}

export interface Job {
  readonly name?: string;
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string | { name: string };
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { group: string; "cancel-in-progress"?: boolean };
  readonly strategy?: { "fail-fast"?: boolean; matrix: Record<string, unknown> };
  readonly outputs?: Record<string, string>;
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
  readonly steps?: Step[];
  readonly env?: Record<string, string>;
}

export interface Workflow {
  readonly name: string;
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { group: string; "cancel-in-progress"?: boolean };
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

export const WORKFLOWS_DIR = join(REPO_ROOT, ".github", "workflows");
export const SCRIPTS_DIR = join(REPO_ROOT, ".github", "scripts");

export const workflowFiles = (): string[] => readdirSync(WORKFLOWS_DIR).filter((name) => name.endsWith(".yml")).sort();

export function workflowText(file: string): string {
  return readFileSync(join(WORKFLOWS_DIR, file), "utf8");
}

export function loadWorkflow(file: string): Workflow {
  return parse(workflowText(file)) as Workflow;
}

export const needsOf = (job: Job): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

export function stepNamed(job: Job, match: (step: Step) => boolean, what: string): Step {
  const found = job.steps?.find(match);
  if (!found) throw new Error(`no step ${what}`);
  return found;
}

export const usesAction = (prefix: string) => (step: Step) => step.uses?.startsWith(`${prefix}@`) === true;

/** Every `run:` script of a workflow, with the job it belongs to. */
export function runScripts(workflow: Workflow): [string, string][] {
  return Object.entries(workflow.jobs).flatMap(([id, job]) => (job.steps ?? []).filter((step) => step.run).map((step) => [`${id}: ${step.name ?? step.run!.split("\n")[0]}`, step.run!] as [string, string]));
}

/** An executable stand-in for a command, in `dir`/bin, that runs `body` (bash). */
export function standIn(dir: string, command: string, body: string): string {
  const bin = join(dir, "bin");
  mkdirSync(bin, { recursive: true });
  const file = join(bin, command);
  writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`);
  chmodSync(file, 0o755);
  return bin;
}
