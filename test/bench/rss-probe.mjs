// Preloaded (NODE_OPTIONS=--import) by bench/measure.ts only where /usr/bin/time is missing: each
// Node process appends its own peak RSS (KiB) and CPU time (µs) to $BENCH_RSS_FILE as it exits.
import { appendFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
