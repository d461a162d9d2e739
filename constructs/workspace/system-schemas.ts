import { Construct } from "constructs";
import { SystemSchema } from "@cdktf/provider-databricks/lib/system-schema";

export interface SystemSchemasProps {
  /** Schemas to enable, e.g. access and compute; never billing (Databricks enables it itself). */
  readonly schemas: readonly string[];
}

/**
 * System schemas of the metastore the workspace is assigned to. They belong to the metastore, not
 * the workspace: exactly one configuration per region may declare them, because destroying the
 * resource disables the schema for every workspace of the region (provider issue #4058). Deploying
 * needs an account admin or metastore admin (databricks provider docs/resources/system_schema.md
 * (v1.99); docs.databricks.com/api/workspace/systemschemas). A schema Databricks already manages
 * fails the apply at v1.99 (ENABLEABLE_SYSTEM_SCHEMAS in domain/platform-facts says why and what to do).
 */
export class SystemSchemas extends Construct {
  /** `system.<schema>` of each schema, in `schemas` order. */
  public readonly fullNames: readonly string[];

  constructor(scope: Construct, id: string, props: SystemSchemasProps) {
    super(scope, id);
    this.fullNames = props.schemas.map((schema) => new SystemSchema(this, schema, { schema }).fullName);
  }
}
