/**
 * zod, loaded as CommonJS. Under `node --import tsx` (how the app ran before cli/launch.mjs, and
 * still runs in tests and profiles) every ES module is resolved and loaded through tsx's hooks on
 * another thread; zod's ES build is ~95 modules, and importing it cost ~0.25 s of CPU per synth where
 * its CommonJS build, loaded by `require`, costs ~0.12 s (bench, docs/performance.md). The launcher's
 * bundle leaves this `require` to node as written. Same zod (package.json pins it), same API. Everything in the project takes
 * zod from here, so one copy is loaded; types come from `import type … from "zod"`, which loads nothing.
 */
import { createRequire } from "node:module";
import type * as Zod from "zod";

export const z: typeof Zod.z = (createRequire(import.meta.url)("zod") as typeof Zod).z;
