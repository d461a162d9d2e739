/**
 * The synth entry (cdktf.json's app command, run by `cdktf synth`, `cdktf deploy` and `cdktf diff`):
 * the regions file into `$CDKTF_OUTDIR`, which the cdktf CLI sets (app/synth.ts).
 */
import { synthRegionsFile } from "./app/synth";

process.exitCode = synthRegionsFile(process.env.CDKTF_OUTDIR ?? "cdktf.out");
