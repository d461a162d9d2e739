/**
 * One home for the platform facts the app relies on, each with its source beside it: AWS regions,
 * zones and limits; Databricks network requirements; Databricks account, workspace and Unity Catalog
 * facts; what Databricks offers for seeing and capping spend; the ids existing objects are imported
 * by. When a fact changes, the change starts here.
 */
export * from "./aws-limits";
export * from "./aws-regions";
export * from "./databricks-account";
export * from "./databricks-network";
export * from "./databricks-spend";
export * from "./databricks-workspace";
export * from "./databricks-unity-catalog";
export * from "./github-ci";
export * from "./adoption";
