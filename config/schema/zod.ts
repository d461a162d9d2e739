/**
 * zod, the one copy everything in the project takes it from. cli/launch.mjs bundles it with our code
 * (its ES build, without the locales we never load), which costs about half of loading its ~95
 * CommonJS files one by one.
 *
 * jitless: zod compiles a parser for each object schema with `new Function` the first time it runs,
 * which pays off over many parses. A synth validates regions.yaml and a few policy files once each:
 * without the compiling, validation took ~10 % less CPU (every supported region 155 → 140 ms, 100
 * regions 382 → 342 ms, medians of 6 runs). Same checks, same messages (zod v4/core/core.d.ts,
 * `$ZodConfig.jitless`: "Disable JIT schema compilation").
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
