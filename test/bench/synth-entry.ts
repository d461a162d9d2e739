/**
 * The app entry as the benchmark runs it for generated regions files: the made-up regions in
 * $BENCH_EXTRA_REGIONS become copies of $BENCH_REGION_TEMPLATE (bench-regions.ts), then main.ts
 * runs unchanged.
 */
import { allowBenchRegions, BENCH_EXTRA_REGIONS, BENCH_REGION_TEMPLATE } from "./bench-regions";

await allowBenchRegions(process.env[BENCH_EXTRA_REGIONS] ?? "", process.env[BENCH_REGION_TEMPLATE] ?? "us-east-1");
await import("../../main");
