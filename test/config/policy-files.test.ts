import { describe, expect, test } from "vitest";
import { validateRegionsText } from "../../config/load";
import { BASE_YAML } from "../fixtures/config";

const GOOD_POLICY = JSON.stringify(
  {
    description: "Job clusters",
    definition: { cluster_type: { type: "fixed", value: "job" } },
  },
  null,
  2,
);

const WITH_POLICY = BASE_YAML.replace(
  "regions:\n",
  `clusterPolicies:
  - name: job
    file: policies/job.json
regions:
`,
);

/** Validates the fixture with `policies/job.json` served from memory. */
function problemsWith(policyText: string | undefined, regionsText = WITH_POLICY): readonly string[] {
  const files: Record<string, string> = policyText === undefined ? {} : { "conf/policies/job.json": policyText };
  const result = validateRegionsText("conf/regions.yaml", regionsText, (path) => {
    if (!(path in files)) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
    return files[path];
  });
  return result.ok ? [] : result.errors;
}

const policyWith = (definition: Record<string, unknown>, description = "Job clusters") =>
  JSON.stringify({ description, definition: { cluster_type: { type: "fixed", value: "job" }, ...definition } }, null, 2);

describe("cluster policy files: read at the config boundary, relative to the regions file", () => {
  test("a valid policy loads with its enforced cluster type", () => {
    const result = validateRegionsText("conf/regions.yaml", WITH_POLICY, () => GOOD_POLICY);
    expect(result.ok && result.config.clusterPolicies.map((p) => [p.path, p.clusterType])).toEqual([["conf/policies/job.json", "job"]]);
  });

  test.each([
    ["a missing file, at the regions.yaml line", undefined, "conf/regions.yaml:15:11 clusterPolicies[0].file: cannot read conf/policies/job.json: no such file"],
    [
      "an unknown limitation type",
      policyWith({ num_workers: { type: "between", minValue: 1 } }),
      'conf/policies/job.json:9:15 definition.num_workers.type: expected a limitation type: fixed, forbidden, allowlist, blocklist, regex, range or unlimited, found "between"',
    ],
    [
      "an unknown key in a limitation",
      policyWith({ num_workers: { type: "range", max: 4 } }),
      'conf/policies/job.json:10:7 definition.num_workers.max: unknown key "max" (expected one of type, minValue, maxValue, defaultValue, isOptional)',
    ],
    [
      "a tag the author fixed to another value",
      policyWith({ "custom_tags.Team": { type: "fixed", value: "someone-else" } }),
      'conf/policies/job.json:8:5 definition["custom_tags.Team"]: expected {"type":"fixed","value":"platform"} (enforced from regions.yaml), found {"type":"fixed","value":"someone-else"}',
    ],
    [
      "a spot driver",
      policyWith({ "aws_attributes.first_on_demand": { type: "fixed", value: 0 } }),
      'conf/policies/job.json:8:5 definition["aws_attributes.first_on_demand"]: expected {"type":"fixed","value":1} (exactly one on-demand node, the driver; workers on spot), found {"type":"fixed","value":0}',
    ],
    [
      "on-demand workers allowed",
      policyWith({ "aws_attributes.first_on_demand": { type: "range", minValue: 1 } }),
      'conf/policies/job.json:8:5 definition["aws_attributes.first_on_demand"]: expected {"type":"fixed","value":1} (exactly one on-demand node, the driver; workers on spot), found {"type":"range","minValue":1}',
    ],
    [
      "a pool the policy lets users pick",
      policyWith({ driver_instance_pool_id: { type: "unlimited" } }),
      'conf/policies/job.json:8:5 definition.driver_instance_pool_id: expected {"type":"forbidden"} (a pool\'s node type would bypass the instance-type allowlist), found {"type":"unlimited"}',
    ],
    [
      "no cluster_type",
      JSON.stringify({ description: "x", definition: {} }),
      'conf/policies/job.json:1:33 definition.cluster_type: expected {"type":"fixed","value":one of job, all-purpose, dlt}, found nothing',
    ],
    [
      "no description",
      JSON.stringify({ definition: { cluster_type: { type: "fixed", value: "job" } } }),
      "conf/policies/job.json:1:1 description: expected a string, found nothing (the field is missing)",
    ],
  ])("%s is rejected naming file and attribute", (_name, text, expected) => {
    expect(problemsWith(text)[0]).toBe(expected);
  });

  test("a JSON syntax error says JSON", () => {
    expect(problemsWith('{ "description": "x", "definition": { "a": [ }')[0]).toMatch(/^conf\/policies\/job\.json:1:\d+ JSON syntax: /);
  });
});
