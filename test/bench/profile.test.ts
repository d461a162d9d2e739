import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { profileMarkdown, summarizeProfile } from "./profile";
import { tempDir, removeTempDirs } from "./temp-dirs";

afterAll(removeTempDirs);

describe("profile: where a CPU profile's time went", () => {
  // (root) → main (main.ts) → resolve (cdktf) ; main → checkNetwork (config/checks) ; (garbage collector)
  const root = "/repo";
  const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
    id,
    callFrame: { functionName, url, lineNumber: 0, columnNumber: 0, scriptId: "0" },
    children,
  });
  const profile = {
    nodes: [
      frame(1, "(root)", "", [2, 5]),
      frame(2, "main", pathToFileURL(`${root}/main.ts`).href, [3, 4]),
      frame(3, "resolve", pathToFileURL(`${root}/node_modules/cdktf/lib/tokens/private/resolve.js`).href),
      frame(4, "checkNetwork", pathToFileURL(`${root}/config/checks/network.ts`).href),
      frame(5, "(garbage collector)", ""),
    ],
    // One sample is 1 ms: the time of sample i is timeDeltas[i + 1].
    samples: [3, 3, 4, 5, 2, 3],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000],
  };

  test("self time by area and function, inclusive time of our functions", () => {
    const file = join(tempDir("bench-profile-"), "x.cpuprofile");
    writeFileSync(file, JSON.stringify(profile));
    const summary = summarizeProfile(file, root);
    expect(summary.totalMs).toBe(6);
    expect(summary.areas).toEqual([
      { area: "cdktf", ms: 3, share: 0.5 },
      { area: "ours: config/", ms: 1, share: 1 / 6 },
      { area: "(garbage collector)", ms: 1, share: 1 / 6 },
      { area: "ours: main.ts", ms: 1, share: 1 / 6 },
    ]);
    expect(summary.self[0]).toMatchObject({ name: "resolve", where: "cdktf/lib/tokens/private/resolve.js", ms: 3 });
    expect(summary.ours.map((e) => [e.name, e.ms])).toEqual([["main", 5], ["checkNetwork", 1]]);
    expect(profileMarkdown(summary)).toContain("| checkNetwork | config/checks/network.ts | 1 | 16.7 % |");
  });
});
