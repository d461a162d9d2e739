import { describe, expect, test } from "vitest";
import { lanePool, reattachValue } from "./provider-lanes";

/** What hashicorp/aws 5.100.0 prints when started with -debug (the address and pid vary). */
const DEBUG_OUTPUT = `Starting github.com/hashicorp/terraform-provider-aws@5.100.0 (go1.23.10)...
Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable with the following:

\tTF_REATTACH_PROVIDERS='{"registry.terraform.io/hashicorp/aws":{"Protocol":"grpc","ProtocolVersion":5,"Pid":26362,"Test":true,"Addr":{"Network":"unix","String":"/tmp/plugin1555073923"}}}'
`;

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("provider-lanes: one long-lived provider per terraform command at a time", () => {
  test("the reattach value is read from the provider's -debug output, and only once it is complete", () => {
    expect(JSON.parse(reattachValue(DEBUG_OUTPUT)!)).toMatchObject({ "registry.terraform.io/hashicorp/aws": { Addr: { Network: "unix", String: "/tmp/plugin1555073923" } } });
    expect(reattachValue(DEBUG_OUTPUT.slice(0, DEBUG_OUTPUT.indexOf("}}}")))).toBeUndefined();
  });

  test("no lane serves two tasks at once; a waiting task gets the next lane released, also after a failure", async () => {
    const pool = lanePool(["a", "b"]);
    const busy = new Set<string>();
    const log: string[] = [];
    const releases: (() => void)[] = [];
    const task = (name: string, fail = false) =>
      pool.withLane(async (lane) => {
        expect(busy.has(lane)).toBe(false);
        busy.add(lane);
        log.push(`${name}@${lane}`);
        await new Promise<void>((resolve) => releases.push(resolve));
        busy.delete(lane);
        if (fail) throw new Error(`${name} failed`);
      });
    const first = task("first", true);
    const second = task("second");
    const third = task("third");
    await tick();
    expect(log).toEqual(["first@b", "second@a"]);
    releases.shift()!();
    await expect(first).rejects.toThrow("first failed");
    await tick();
    expect(log).toEqual(["first@b", "second@a", "third@b"]);
    releases.splice(0).forEach((release) => release());
    await Promise.all([second, third]);
    expect(pool.size).toBe(2);
  });
});
