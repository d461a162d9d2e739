import { afterEach, describe, expect, test } from "vitest";
import { compareSynthDirs } from "../../../cli/review/compare";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { backendOf, shellWord, stateMove, stateMoveScript, type Backend } from "../../../cli/review/state-moves";
import { removeTempDirs, stack, writeSynth } from "./helpers";

afterEach(removeTempDirs);

const FROM = "acme-data-use1-dev";
const TO = "globex-data-use1-dev";
const lines = (backend: Backend, next: Backend, outdir?: string) =>
  stateMove(FROM, TO, backend, next, outdir ? { outdir } : {}).steps.map((step) => `${step.phase === "before-synth" ? "BEFORE " : ""}${step.command}`);

describe("stateMove: the commands per backend", () => {
  test.each([
    [
      "local state inside cdktf.out (beside the stack): copied out before the synth deletes it",
      { kind: "local", path: `terraform.${FROM}.tfstate` },
      { kind: "local", path: `terraform.${TO}.tfstate` },
      undefined,
      [
        `BEFORE cp cdktf.out/stacks/${FROM}/terraform.${FROM}.tfstate ${FROM}.tfstate.moving`,
        `terraform -chdir=cdktf.out/stacks/${TO} init`,
        `terraform -chdir=cdktf.out/stacks/${TO} state push ../../../${FROM}.tfstate.moving`,
        `terraform -chdir=cdktf.out/stacks/${TO} plan`,
        `rm ${FROM}.tfstate.moving`,
      ],
    ],
    [
      "local state outside cdktf.out (terraform-state/): pushed from where it is",
      { kind: "local", path: `../../../terraform-state/${FROM}.tfstate` },
      { kind: "local", path: `../../../terraform-state/${TO}.tfstate` },
      undefined,
      [
        `terraform -chdir=cdktf.out/stacks/${TO} init`,
        `terraform -chdir=cdktf.out/stacks/${TO} state push ../../../terraform-state/${FROM}.tfstate`,
        `terraform -chdir=cdktf.out/stacks/${TO} plan`,
        `rm terraform-state/${FROM}.tfstate`,
      ],
    ],
    [
      "an output folder with a space is quoted",
      { kind: "local", path: `../../../terraform-state/${FROM}.tfstate` },
      { kind: "local", path: `../../../terraform-state/${TO}.tfstate` },
      "my out",
      [
        `terraform '-chdir=my out/stacks/${TO}' init`,
        `terraform '-chdir=my out/stacks/${TO}' state push ../../../terraform-state/${FROM}.tfstate`,
        `terraform '-chdir=my out/stacks/${TO}' plan`,
        `rm terraform-state/${FROM}.tfstate`,
      ],
    ],
    [
      "S3: the lock checked, the old key copied, pushed, then removed, and the local copy deleted",
      { kind: "s3", bucket: "acme-state", key: `dw/${FROM}.tfstate`, region: "us-east-1" },
      { kind: "s3", bucket: "acme-state", key: `dw/${TO}.tfstate`, region: "us-east-1" },
      undefined,
      [
        `aws s3 ls s3://acme-state/dw/${FROM}.tfstate.tflock --region us-east-1`,
        `aws s3 cp s3://acme-state/dw/${FROM}.tfstate ${FROM}.tfstate --region us-east-1`,
        `terraform -chdir=cdktf.out/stacks/${TO} init`,
        `terraform -chdir=cdktf.out/stacks/${TO} state push ../../../${FROM}.tfstate`,
        `terraform -chdir=cdktf.out/stacks/${TO} plan`,
        `aws s3 rm s3://acme-state/dw/${FROM}.tfstate --region us-east-1`,
        `rm ${FROM}.tfstate`,
      ],
    ],
  ] as const)("%s", (_name, from, to, outdir, expected) => {
    expect(lines(from as Backend, to as Backend, outdir)).toEqual(expected);
  });

  test("a backend that changes kind gets a note, no commands", () => {
    const move = stateMove(FROM, TO, { kind: "local", path: "x" }, { kind: "s3", bucket: "b", key: "k" });
    expect(move).toMatchObject({ backend: "changed", steps: [] });
    expect(move.note).toMatch(/^the backend itself changes/);
  });

  test("backendOf reads terraform.backend as synthesized", () => {
    expect(backendOf({ local: { path: "p" } })).toEqual({ kind: "local", path: "p" });
    expect(backendOf({ s3: { bucket: "b", key: "k", region: "r", encrypt: true } })).toEqual({ kind: "s3", bucket: "b", key: "k", region: "r" });
    expect(backendOf({ remote: { organization: "o" } })).toEqual({ kind: "other", name: "remote" });
    expect(backendOf(undefined)).toBeUndefined();
  });

  test("shellWord leaves safe words alone and single-quotes the rest", () => {
    expect(shellWord("s3://b/k.tfstate")).toBe("s3://b/k.tfstate");
    expect(shellWord("it's here")).toBe("'it'\\''s here'");
  });
});

describe("review: renamed stacks get their state moves", () => {
  const app = (company: string) => {
    const name = `${company}-data-use1-dev`;
    return { [name]: stack(name, { backend: { local: { path: `../../../terraform-state/${name}.tfstate` } }, resources: { aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } } }) };
  };

  test("one move per renamed stack, and the comment prints them as one script (the synth in its place)", () => {
    const report = compareSynthDirs(writeSynth(app("acme")), writeSynth(app("globex")));
    expect(report.stateMoves?.map((move) => [move.from, move.to, move.backend])).toEqual([[FROM, TO, "local"]]);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain("### State moves (renamed stacks, local backend)");
    expect(markdown).toContain(["```sh", "npm run synth   # the renamed stacks' folders, which the commands below run in", `# ${FROM} → ${TO}`, `terraform -chdir=cdktf.out/stacks/${TO} init   #`].join("\n"));
    expect(report.regions).toBeUndefined();
  });

  test("local state synthesized from another output folder (review's own, under --base) is found where the project keeps it", () => {
    // As the app writes it for a synth into /tmp/…/out of a checkout elsewhere: relative to that folder.
    const far = (company: string) => {
      const name = `${company}-data-use1-dev`;
      return { [name]: stack(name, { backend: { local: { path: `../../../../../../elsewhere/checkout/terraform-state/${name}.tfstate` } }, resources: { aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } } }) };
    };
    const report = compareSynthDirs(writeSynth(far("acme")), writeSynth(far("globex")));
    expect(report.stateMoves?.[0].steps.map((step) => step.command)).toEqual([
      `terraform -chdir=cdktf.out/stacks/${TO} init`,
      `terraform -chdir=cdktf.out/stacks/${TO} state push ../../../terraform-state/${FROM}.tfstate`,
      `terraform -chdir=cdktf.out/stacks/${TO} plan`,
      `rm terraform-state/${FROM}.tfstate`,
    ]);
  });

  test("local state inside the base's own output folder is copied out before the synth, wherever that folder was", () => {
    const beside = (company: string) => {
      const name = `${company}-data-use1-dev`;
      return { [name]: stack(name, { backend: { local: { path: `terraform.${name}.tfstate` } }, resources: { aws_vpc: { v: { cidr_block: "10.0.0.0/16" } } } }) };
    };
    const report = compareSynthDirs(writeSynth(beside("acme")), writeSynth(beside("globex")));
    expect(report.stateMoves?.[0].steps[0]).toMatchObject({ phase: "before-synth", command: `cp cdktf.out/stacks/${FROM}/terraform.${FROM}.tfstate ${FROM}.tfstate.moving` });
  });

  test("the script puts every before-synth step ahead of the synth", () => {
    const moves = [stateMove("a", "x", { kind: "local", path: "terraform.a.tfstate" }, { kind: "local", path: "terraform.x.tfstate" }), stateMove("b", "y", { kind: "local", path: "terraform.b.tfstate" }, { kind: "local", path: "terraform.y.tfstate" })];
    const script = stateMoveScript(moves).split("\n");
    const synth = script.findIndex((line) => line.startsWith("npm run synth"));
    expect(script.slice(0, synth).map((line) => line.split("   #")[0])).toEqual(["cp cdktf.out/stacks/a/terraform.a.tfstate a.tfstate.moving", "cp cdktf.out/stacks/b/terraform.b.tfstate b.tfstate.moving"]);
  });
});
