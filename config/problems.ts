/** A problem found in regions.yaml, before it is tied to a line of the file. */
export type ConfigPath = readonly (string | number)[];

export interface ConfigProblem {
  readonly path: ConfigPath;
  /** "what was expected, what was found". */
  readonly message: string;
  /** Point at the key itself (an unknown or misspelled key) rather than its value. */
  readonly atKey?: boolean;
}

/** `regions[2].workspaces.prod.vpcCidr` */
export function formatPath(path: ConfigPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || "(document)";
}

/** How a found value reads in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing (the field is missing)";
  if (value === null) return "an empty value";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a map";
  return String(value);
}

/** The regions file cannot be read at all (missing, a directory): one message, no line to point at. */
export class UnreadableConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableConfigError";
  }
}

/** Every problem of one file, formatted one per line; thrown once, after all checks ran. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly lines: readonly string[],
  ) {
    super(`${file}: ${lines.length} problem${lines.length === 1 ? "" : "s"}\n${lines.join("\n")}`);
    this.name = "ConfigError";
  }
}
