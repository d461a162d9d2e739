import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { supportedRegionsText } from "./supported-regions";
import { DATABRICKS_AWS_REGIONS, PRIVATE_LINK_SERVICES } from "../../domain/platform-facts";
import { problemsOf, REPO_ROOT, shippedRegionsText } from "../utils";

describe("supported-regions: the shipped file with every Databricks region onboarded", () => {
  const result = supportedRegionsText(join(REPO_ROOT, "regions.yaml"), shippedRegionsText);
  const regions = (parse(result.text) as { regions: { region: string }[] }).regions.map((entry) => entry.region);

  test("every supported region is in the file once, or left out with onboard's reason", () => {
    const left = result.skipped.map((skip) => skip.region);
    expect([...regions, ...left].sort()).toEqual([...DATABRICKS_AWS_REGIONS].sort());
    expect(new Set(regions).size).toBe(regions.length);
    expect(result.regions).toBe(regions.length);
    // Onboarding appends: the shipped regions keep their place at the top.
    const shipped = (parse(shippedRegionsText) as { regions: { region: string }[] }).regions.map((entry) => entry.region);
    expect(regions.slice(0, shipped.length)).toEqual(shipped);
    expect(result.added).toEqual(regions.slice(shipped.length));
  });

  test("a region onboarding refuses is named with the problem, located in the file", () => {
    // The shipped prod environment asks for back-end PrivateLink: regions without its services are refused.
    const withoutPrivateLink = DATABRICKS_AWS_REGIONS.filter((region) => !Object.hasOwn(PRIVATE_LINK_SERVICES, region));
    expect(withoutPrivateLink.length).toBeGreaterThan(0);
    expect(result.skipped).toEqual(
      withoutPrivateLink.map((region) => ({
        region,
        reason: expect.stringMatching(/^regions\.yaml:\d+:\d+ regions\[\d+\]\.region: expected a region with back-end PrivateLink/),
      })),
    );
  });

  test("the file validates as synth would validate it", () => {
    expect(problemsOf(result.text)).toEqual([]);
  });
});
