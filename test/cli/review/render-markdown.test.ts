import { afterEach, describe, expect, test } from "vitest";
import { COMMENT_LIMIT } from "../../../cli/review/budget";
import { compareSynthDirs } from "../../../cli/review/compare";
import { renderMarkdown } from "../../../cli/review/render-markdown";
import { reportToJson, type Report, type ResourceChange } from "../../../cli/review/report";
import { removeTempDirs, stack, writeSynth } from "./helpers";

afterEach(removeTempDirs);

function hugeReport(stacks: number, perStack: number): Report {
  return {
    source: "synth-diff",
    stacks: Array.from({ length: stacks }, (_, s) => {
      const name = `acme-data-region${s}-prod`;
      const changes: ResourceChange[] = Array.from({ length: perStack }, (_, r) => ({
        stack: name,
        address: `aws_subnet.private_subnet_with_a_long_logical_id_${r}`,
        type: "aws_subnet",
        action: r % 2 ? "replace" : "update",
        attributes: [{ path: "cidr_block", before: `"10.${s}.${r}.0/24"`, after: `"10.${s + 1}.${r}.0/24"`, forcesReplacement: r % 2 === 1 }],
        reasons: [`replaced because aws_vpc.vpc (cidr_block "10.${s}.0.0/16"→"10.${s + 1}.0.0/16") → aws_subnet.private_${r} (vpc_id)`],
      }));
      return { name, status: "changed" as const, changes, unchanged: 3 };
    }),
  };
}

describe("renderMarkdown: size", () => {
  test("a huge diff stays under the comment limit, keeps the verdict and the table, and says it was cut", () => {
    const markdown = renderMarkdown(hugeReport(60, 200));
    expect(markdown.length).toBeLessThan(COMMENT_LIMIT);
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown.startsWith("## 🔴 Plan review: DESTRUCTIVE")).toBe(true);
    expect(markdown).toContain("| `acme-data-region59-prod` | changed | 0 | 100 | 100 | 0 | 3 |");
    expect(markdown).toMatch(/Cut to stay under GitHub's 65,536-character comment limit: [\d,]+ entries not shown/);
    expect(markdown.split("<details>").length).toBe(markdown.split("</details>").length);
  });

  test("a small diff is complete and not marked as cut", () => {
    const markdown = renderMarkdown(hugeReport(2, 3));
    expect(markdown).not.toMatch(/Cut to stay under/);
    expect(markdown).toContain("aws_subnet.private_subnet_with_a_long_logical_id_2");
  });

  test("destructive changes come before the per-stack table, details last", () => {
    const markdown = renderMarkdown(hugeReport(2, 3));
    const order = ["### Destroyed or replaced", "### Per stack", "### All changes"].map((title) => markdown.indexOf(title));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("review: secrets never reach the report", () => {
  test("values of secret-looking attributes are printed as (sensitive) in markdown and JSON", () => {
    const make = (secret: string) =>
      stack("s", {
        resources: {
          aws_secretsmanager_secret_version: { v: { secret_id: "arn:secret", secret_string: secret } },
          aws_db_instance: { db: { password: `${secret}-pw`, identifier: "db" } },
          databricks_mws_workspaces: { w: { workspace_name: "w", token: [{ comment: secret }] } },
          aws_ecs_task_definition: { t: { family: "t", client_secret: `${secret}-client` } },
        },
      });
    const report = compareSynthDirs(writeSynth({ s: make("hunter2") }), writeSynth({ s: make("hunter22") }));
    const markdown = renderMarkdown(report);
    const json = reportToJson(report, false);
    for (const output of [markdown, json]) {
      expect(output).not.toContain("hunter");
      expect(output).toContain("(sensitive)");
    }
    expect(markdown).toContain("`secret_string`: `(sensitive)` → `(sensitive)` (forces replacement)");
  });
});

describe("renderMarkdown: reading order for large changes", () => {
  const change = (address: string, extra: Partial<ResourceChange> = {}): ResourceChange => ({
    stack: "ws", address, type: address.split(".")[0], action: "replace", attributes: [], reasons: [], ...extra,
  });

  test("what stops the apply comes first, then what starts a replacement, then what is dragged along", () => {
    const report: Report = {
      source: "synth-diff",
      stacks: [{
        name: "ws", status: "changed", unchanged: 0,
        changes: [
          change("aws_a.dependent", { reasons: ["replaced because aws_z.origin (name) → aws_a.dependent (x)"] }),
          change("aws_z.origin"),
          change("aws_m.bucket", { blocked: "blocked: terraform will refuse (prevent_destroy)" }),
        ],
      }],
    };
    const section = renderMarkdown(report).split("### Per stack")[0];
    const order = ["aws_m.bucket", "aws_z.origin", "aws_a.dependent"].map((address) => section.indexOf(address));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test("updates that only change tags_all are listed once per distinct change, with the resources they reach", () => {
    const tags = [{ path: "tags_all.CostCenter", before: '"CC-1"', after: '"CC-2"', forcesReplacement: false }];
    const changes = Array.from({ length: 50 }, (_, i) => change(`aws_subnet.s${String(i).padStart(2, "0")}`, { action: "update", attributes: tags }));
    changes.push(change("aws_vpc.vpc", { action: "update", attributes: [...tags, { path: "tags.Name", before: '"a"', after: '"b"', forcesReplacement: false }] }));
    const markdown = renderMarkdown({ source: "synth-diff", stacks: [{ name: "ws", status: "changed", unchanged: 0, changes }] });

    expect(markdown).toContain("- **update** 50 resources in `ws`: only `tags_all` (the provider's default_tags), in place\n  - `tags_all.CostCenter`: `\"CC-1\"` → `\"CC-2\"`\n  - `aws_subnet.s00`, `aws_subnet.s01`");
    expect(markdown).toContain("`aws_subnet.s39`, … 10 more");
    // A resource with any other change keeps its own entry.
    expect(markdown).toContain("- **update** `ws` `aws_vpc.vpc`");
  });
});
