/**
 * One home for the platform facts the app relies on, each with its source beside it: AWS regions,
 * zones and limits; Databricks network requirements; Databricks account, workspace and Unity Catalog
 * facts. When a fact changes, the change starts here.
 */
export * from "./aws-limits";
export * from "./aws-regions";
export * from "./databricks-account";
export * from "./databricks-network";
export * from "./databricks-workspace";
export * from "./databricks-unity-catalog";
