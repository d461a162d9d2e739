/**
 * How a command meets the process: its output and working directory as an `Io` (tests pass their
 * own), errors as one message on stderr and exit code 1 (never a stack trace in a CI log or a PR), and
 * a stdout that may be closed early (`npm run onboard -- --dry-run | head -3`) without a crash.
 */
import { UserError } from "./errors";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where relative paths and the git repository are looked up. */
  readonly cwd: string;
  /** Where REGIONS_FILE and other settings are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}

/**
 * Runs a command body. A `UserError` prints its problems (every one: a regions file with three
 * problems has three lines), then `<tool>: <message>`; anything else is a bug and prints one line.
 */
export async function runGuarded(tool: string, io: Io, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(error.problems.map((problem) => `${problem}\n`).join(""));
      io.stderr(`${tool}: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`${tool}: unexpected error: ${message.split("\n")[0]}\n`);
    }
    return 1;
  }
}

/**
 * A reader that stops early (`| head`) closes the pipe; the next write fails with EPIPE, which node
 * raises as an unhandled 'error' event: a stack trace after correct output. Nobody is listening any
 * more, so the rest of the output is dropped; the command still finishes (a review still removes its
 * temporary worktree) and keeps its exit code.
 */
export function tolerateClosedStdout(stream: NodeJS.WritableStream = process.stdout): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

/** The entry of every command: `if (isEntryPoint(import.meta.url)) await runCommand(main);` */
export async function runCommand(main: (argv: readonly string[], io: Io) => Promise<number> | number): Promise<void> {
  tolerateClosedStdout();
  process.exitCode = await main(process.argv.slice(2), processIo());
}
