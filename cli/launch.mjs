/**
 * node cli/launch.mjs <entry.ts> [args…]
 *
 * Runs one of the project's TypeScript entries (main.ts, a command under cli/) as a single prebuilt
 * module: esbuild bundles the entry with our own modules and the few packages BUNDLED names (the rest
 * stay in node_modules, loaded as usual) into node_modules/.cache/launch/, rebuilt only when a file it
 * was built from changed, and node imports that. Under `node --import tsx` each of our ~160 modules
 * went through tsx's loader hooks on another thread, and so did every provider class: the shipped
 * file's synth took 2.5 s of CPU that way and 1.4 s as one module (docs/performance.md). Behaviour is
 * the same: each module's `import.meta.url` is its source file's, so `isEntryPoint`, `createRequire`
 * and paths relative to a module resolve as they do under tsx, and `process.argv[1]` is the entry's
 * path.
 *
 * A source that does not compile prints esbuild's located message and exits 1. Stack traces name
 * lines of the bundle; `NODE_OPTIONS=--enable-source-maps` maps them back to the sources.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "node_modules", ".cache", "launch");
const USAGE = "usage: node cli/launch.mjs <entry.ts> [args…]";

/**
 * Provider classes are imported by folder (`@cdktf/provider-aws/lib/vpc`, never the barrel), which
 * tsx and bundlers resolve to its index.js and node's ES module loader refuses: name the file.
 */
const PROVIDER_FOLDER = /^@cdktf\/provider-[a-z]+\/lib\/[^/]+$/;

/**
 * Packages bundled with our code; every other package stays in node_modules. These four are what the
 * config boundary loads on every run (zod, yaml, ip-num, fastest-levenshtein), ~190 small files that
 * took ~110 ms to load one by one and ~55 ms as part of the bundle (esbuild drops zod's unused locales).
 */
const BUNDLED = new Set(["zod", "yaml", "ip-num", "fastest-levenshtein"]);

/** `zod/v4` → `zod`, `@scope/name/x` → `@scope/name`. */
const packageOf = (/** @type {string} */ specifier) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

/** @type {import("esbuild").Plugin} */
const sourceLocations = {
  name: "source-locations",
  setup(build) {
    build.onResolve({ filter: PROVIDER_FOLDER }, (args) => ({ path: `${args.path}/index.js`, external: true }));
    // Bare specifiers: node's own modules and packages, loaded at run time unless BUNDLED.
    build.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true }));
    // Each module keeps its own URL, not the bundle's: the one thing bundling would otherwise change.
    build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.includes("import.meta.url") ? source.replaceAll("import.meta.url", url) : source, loader: "ts" };
    });
  },
};

/**
 * @typedef {{ entry: string, esbuild: string, inputs: Record<string, [number, number]> }} Stamp
 * What a bundle was built from: its entry, every input file's mtime and size, the esbuild version.
 */

/** @param {string} stampFile @param {string} esbuildVersion */
function isFresh(stampFile, esbuildVersion) {
  /** @type {Stamp} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    return false;
  }
  if (stamp.esbuild !== esbuildVersion) return false;
  return Object.entries(stamp.inputs).every(([file, [mtime, size]]) => {
    try {
      const stat = statSync(join(ROOT, file));
      return stat.mtimeMs === mtime && stat.size === size;
    } catch {
      return false;
    }
  });
}

/** @param {string} entry @param {string} bundle @param {string} stampFile */
async function buildBundle(entry, bundle, stampFile) {
  const esbuild = await import("esbuild");
  const partial = `${bundle}.${process.pid}.tmp`;
  const started = Date.now();
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: ROOT,
      outfile: partial,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // A bundled CommonJS package may require node's own modules (yaml: "process"); in an ES module
      // that needs a `require`, which esbuild leaves to the output to provide.
      banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
      sourcemap: "linked",
      metafile: true,
      logLevel: "silent",
      plugins: [sourceLocations],
    });
  } catch (error) {
    const messages = /** @type {{ errors?: import("esbuild").Message[] }} */ (error).errors ?? [];
    // esbuild names files relative to ROOT; the user's shell is elsewhere, maybe.
    const where = (/** @type {string} */ file) => relative(process.cwd(), resolve(ROOT, file));
    const lines = messages.map(({ text, location }) => (location ? `${where(location.file)}:${location.line}:${location.column + 1}: ${text}` : text));
    process.stderr.write(`${lines.length ? lines.join("\n") : String(error)}\n${relative(process.cwd(), entry)}: not run (it does not compile)\n`);
    process.exit(1);
  }
  // Renames: a run that starts while another builds never imports half a file.
  renameSync(`${partial}.map`, `${bundle}.map`);
  renameSync(partial, bundle);
  /** @type {Stamp} */
  const stamp = { entry, esbuild: esbuild.version, inputs: {} };
  // Besides the sources: tsconfig.json (esbuild reads compiler options from it) and this file's build options.
  for (const file of [...Object.keys(result.metafile.inputs), "tsconfig.json", relative(ROOT, fileURLToPath(import.meta.url))]) {
    const stat = statSync(join(ROOT, file));
    // Saved while esbuild read it: the bundle may hold the old text, so no stamp, and the next run builds again.
    if (stat.mtimeMs >= started) return;
    stamp.inputs[file] = [stat.mtimeMs, stat.size];
  }
  writeFileSync(`${stampFile}.${process.pid}.tmp`, JSON.stringify(stamp));
  renameSync(`${stampFile}.${process.pid}.tmp`, stampFile);
  pruneGone();
}

/** Bundles of entries that are gone (a temporary checkout, a moved file): removed whenever one is built. */
function pruneGone() {
  for (const name of readdirSync(CACHE).filter((file) => file.endsWith(".json"))) {
    try {
      const { entry } = /** @type {Stamp} */ (JSON.parse(readFileSync(join(CACHE, name), "utf8")));
      statSync(entry);
    } catch {
      for (const suffix of [".json", ".mjs", ".mjs.map"]) rmSync(join(CACHE, name.replace(/\.json$/, suffix)), { force: true });
    }
  }
}

const [entryArg] = process.argv.slice(2);
if (!entryArg || entryArg.startsWith("-")) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(1);
}
const entry = resolve(entryArg);
try {
  statSync(entry);
} catch {
  process.stderr.write(`${entryArg}: no such file\n${USAGE}\n`);
  process.exit(1);
}

// One bundle per entry path; its stamp names inputs relative to ROOT (esbuild's absWorkingDir).
const key = createHash("sha256").update(entry).digest("hex").slice(0, 16);
const bundle = join(CACHE, `${key}.mjs`);
const stampFile = join(CACHE, `${key}.json`);
const esbuildVersion = JSON.parse(readFileSync(join(ROOT, "node_modules", "esbuild", "package.json"), "utf8")).version;
if (!isFresh(stampFile, esbuildVersion)) {
  mkdirSync(CACHE, { recursive: true });
  await buildBundle(entry, bundle, stampFile);
}

// V8 moves objects from an allocation site that often survive a young collection straight into the
// old generation. A synth keeps each stack's JSON until the guardrail verdict, so V8 sometimes makes
// that call for sites whose objects die a moment later: the old generation then fills with garbage
// (heap 52 → 217 MB) and the run takes 1.5× the CPU, on 3 runs in 8 with every supported region
// (node --trace-gc). Without it every run stays at the fast mode; at 100 regions it changes nothing.
// Startup flag, set before the bundle runs (node:v8 setFlagsFromString); it only tunes the collector.
setFlagsFromString("--no-allocation-site-pretenuring");
// A run lasts seconds, and V8 tiers up as if it would last hours: with its default budget (67,584
// bytes of bytecode run, three times over) a synth of every supported region sent 197 functions to
// the optimizing compiler, whose threads spent more CPU than the optimized code saved. At 4× the
// budget 81 functions are compiled: CPU 2.12 → 1.96 s, wall time unchanged (8 runs each), 100
// regions unchanged (docs/performance.md). It only tunes when V8 optimizes, never what code does.
setFlagsFromString("--interrupt-budget=270336");
// The entry sees the command line it would see under `node --import tsx <entry> …`.
process.argv.splice(1, 2, entry);
await import(pathToFileURL(bundle).href);
