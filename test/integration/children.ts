/**
 * Every process the tier starts (terraform, and the app's synths), so an interrupted run stops them
 * all before its temporary folder is removed: a terraform left running would keep writing into a
 * folder that is gone, or outlive the run holding a provider process.
 *
 * terraform runs in a process group of its own, so a stop reaches the provider plugins it started
 * too. A stop sends SIGINT first, terraform's own way to be cancelled gracefully, then SIGKILL to
 * what is still running after a grace period; once terraform is gone, whatever is left of its group
 * (a provider that ignored the interrupt) is killed too.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

/** Thrown instead of starting a process once the run is stopping. */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

export class ChildProcesses {
  private readonly controller = new AbortController();
  private readonly live = new Map<ChildProcess, Promise<void>>();
  /** Processes that lead a process group of their own (terraform): stopped with their whole group. */
  private readonly leaders = new Set<ChildProcess>();

  /** Aborted when the run stops: hand it to anything that starts a process (tfjson/synth-run.ts). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get stopping(): boolean {
    return this.signal.aborted;
  }

  /** Starts a process in its own process group, tracked until it exits. */
  spawn(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
    if (this.stopping) throw new Interrupted();
    const child = spawn(command, args, { ...options, detached: true });
    this.leaders.add(child);
    return this.track(child);
  }

  /** Tracks a process started elsewhere until it exits. */
  track<T extends ChildProcess>(child: T): T {
    const exited = new Promise<void>((resolve) => {
      child.once("close", () => resolve());
      child.once("error", () => resolve());
    }).finally(() => {
      this.live.delete(child);
      this.leaders.delete(child);
    });
    if (child.exitCode === null && child.signalCode === null) this.live.set(child, exited);
    return child;
  }

  /**
   * Stops every running process (SIGINT, then SIGKILL after `graceMs`) and no new one starts;
   * resolves with how many were running once all of them have exited.
   */
  async stop(graceMs = 10_000): Promise<number> {
    this.controller.abort();
    const running = [...this.live].map(([child, exited]) => ({ child, exited, group: this.leaders.has(child) }));
    for (const { child, group } of running) send(child, group, "SIGINT");
    const killer = setTimeout(() => {
      for (const { child, group } of running) send(child, group, "SIGKILL");
    }, graceMs);
    await Promise.all(running.map(({ child, exited, group }) => exited.then(() => group && send(child, group, "SIGKILL"))));
    clearTimeout(killer);
    return running.length;
  }
}

/** To the child's whole process group when it leads one (terraform and its providers), else to the child. */
function send(child: ChildProcess, group: boolean, name: NodeJS.Signals): void {
  try {
    if (group && child.pid !== undefined) process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // Already gone.
  }
}
