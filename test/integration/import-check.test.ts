import { describe, expect, test } from "vitest";
import { importReads, independentTargets, LITERAL_POLICY, onlyUnreachable, UNREACHABLE_API, withUnreachableApi } from "./import-check";

/** Lines as terraform 1.11's `plan -json` writes them (trimmed to the fields read). */
const STREAM = [
  '{"type":"version","@message":"Terraform 1.11.4"}',
  '{"type":"refresh_start","hook":{"resource":{"addr":"aws_vpc.v"},"id_key":"id","id_value":"vpc-0123456789abcdef0"}}',
  '{"type":"refresh_start","hook":{"resource":{"addr":"aws_iam_role.r"},"id_key":"id","id_value":"legacy-role"}}',
  '{"type":"diagnostic","diagnostic":{"severity":"error","summary":"reading EC2 VPC (vpc-0123456789abcdef0): operation error EC2: DescribeVpcs, exceeded maximum number of attempts, 1, request send failed, Post \\"http://127.0.0.1:9/\\": dial tcp 127.0.0.1:9: connect: connection refused","detail":""}}',
  '{"type":"diagnostic","diagnostic":{"severity":"error","summary":"Cannot import non-existent remote object","detail":"While attempting to import…"}}',
  "not json",
].join("\n");

describe("import check: reading terraform's JSON UI", () => {
  test("the id each import was read with, and the errors", () => {
    const { reads, errors } = importReads(STREAM);
    expect([...reads]).toEqual([["aws_vpc.v", "vpc-0123456789abcdef0"], ["aws_iam_role.r", "legacy-role"]]);
    expect(errors).toHaveLength(2);
    expect(onlyUnreachable(errors)).toBe(true);
  });

  test("any other error, or none at all, is not 'only the API was out of reach'", () => {
    expect(onlyUnreachable(["Configuration for import target does not exist: …"])).toBe(false);
    expect(onlyUnreachable([...importReads(STREAM).errors, "Invalid import id: …"])).toBe(false);
    expect(onlyUnreachable([])).toBe(false);
  });
});

describe("import check: the copies it plans", () => {
  const config = {
    provider: { aws: [{ region: "us-east-1", skip_credentials_validation: true }] },
    resource: {
      aws_vpc: { v: { cidr_block: "10.0.0.0/16" } },
      aws_subnet: { s: { vpc_id: "${aws_vpc.v.id}", cidr_block: "10.0.0.0/18", tags: { Name: "n" }, depends_on: ["aws_vpc.v"] } },
      aws_route_table: { t: { vpc_id: "${aws_vpc.v.id}" } },
    },
  };

  test("every AWS provider block points at the closed port, one attempt per call", () => {
    const aws = (withUnreachableApi(config).provider as { aws: Record<string, unknown>[] }).aws[0];
    expect(aws).toMatchObject({ region: "us-east-1", skip_credentials_validation: true, max_retries: 1 });
    expect((aws.endpoints as Record<string, string>[])[0]).toMatchObject({ ec2: UNREACHABLE_API, s3: UNREACHABLE_API, iam: UNREACHABLE_API });
  });

  test("import targets lose their references and depends_on; other resources keep theirs", () => {
    const resources = independentTargets(config, [{ to: "aws_subnet.s" }]).resource as Record<string, Record<string, Record<string, unknown>>>;
    expect(resources.aws_subnet.s).toEqual({ vpc_id: "offline-check-literal", cidr_block: "10.0.0.0/18", tags: { Name: "n" } });
    expect(resources.aws_route_table.t).toEqual({ vpc_id: "${aws_vpc.v.id}" });
    expect(config.resource.aws_subnet.s.vpc_id).toBe("${aws_vpc.v.id}");
  });

  test("a referenced policy document becomes a literal one: terraform checks policies are JSON before it reads an import", () => {
    const withRole = { ...config, resource: { ...config.resource, aws_iam_role: { r: { name: "legacy", assume_role_policy: "${data.aws_iam_policy_document.t.json}" } } } };
    const role = (independentTargets(withRole, [{ to: "aws_iam_role.r" }]).resource as Record<string, Record<string, Record<string, unknown>>>).aws_iam_role.r;
    expect(role).toEqual({ name: "legacy", assume_role_policy: LITERAL_POLICY });
    expect(JSON.parse(LITERAL_POLICY)).toMatchObject({ Version: "2012-10-17" });
  });
});
