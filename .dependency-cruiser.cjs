/**
 * The house's dependency rules, checked on every `npm test` (`npm run deps`) and shown to fire by
 * test/dependency-rules.test.ts. docs/layout.md explains the layers; in short, from the bottom:
 *
 *   tfjson/            a library of its own: reads synthesized Terraform, knows nothing of the app
 *   domain/platform-facts, domain/rule-ids   facts with their sources
 *   config/schema/     the shape of regions.yaml (the typed config)
 *   domain/            what the app derives from the typed config: names, network, the workspace loop
 *   config/            the boundary: load → validate (schema + checks) → a typed RegionsConfig
 *   constructs/        one resource group each; props are ids and names
 *   rules/             the guardrail pack, over synthesized JSON
 *   app/               compose the stacks, gate them through the rules, write cdktf.out
 *   cli/, main.ts      the commands and the synth entry
 *
 * A lower layer never imports a higher one, and nothing imports in a circle.
 */
const SOURCE = "^(main\\.ts$|app/|cli/|config/|constructs/|domain/|rules/|tfjson/)";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "A cycle makes two modules one: neither can be read, tested or moved alone.",
      severity: "error",
      from: { path: SOURCE },
      to: { circular: true },
    },
    {
      name: "config-and-domain-stay-low",
      comment: "The config boundary and the domain are built on by everything else; they never reach up into the build, the commands, the constructs or the rules.",
      severity: "error",
      from: { path: "^(config|domain)/" },
      to: { path: "^(main\\.ts$|app/|cli/|constructs/|rules/|tfjson/|test/)" },
    },
    {
      name: "domain-reads-config-types-only",
      comment: "domain/ derives from the typed config: it may name config/schema's types, and nothing of config/ runs under it (loading and checking sit above the domain they use).",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^config/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "domain-reads-the-schema-only",
      comment: "Of config/, domain/ may see only the shape of the typed config (config/schema/), never the loader or the checks.",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^config/(?!schema/)" },
    },
    {
      name: "rules-are-only-rules",
      comment: "The guardrail pack judges synthesized JSON; the build that runs it (app/) and the commands (cli/) sit above it.",
      severity: "error",
      from: { path: "^rules/" },
      to: { path: "^(main\\.ts$|app/|cli/|constructs/|test/)" },
    },
    {
      name: "tfjson-is-a-library",
      comment: "The model of synthesized Terraform serves review, rules and the terraform tier alike: it imports node and libraries only, nothing of the app.",
      severity: "error",
      from: { path: "^tfjson/" },
      to: { path: "^(main\\.ts$|app/|cli/|config/|constructs/|domain/|rules/|test/)" },
    },
    {
      name: "constructs-take-ids-and-names",
      comment: "A construct gets ids and names in its props: it never reads the config, derives a name or knows the stack, rule or command that uses it.",
      severity: "error",
      from: { path: "^constructs/" },
      to: { path: "^(main\\.ts$|app/|cli/|config/|rules/|tfjson/|test/)" },
    },
    {
      name: "constructs-use-facts-not-derivations",
      comment: "Of domain/, constructs use the platform facts (ports, waits, permission levels) and the subnet placement type; names and workspace specs arrive in props.",
      severity: "error",
      from: { path: "^constructs/" },
      to: { path: "^domain/(?!platform-facts/|network\\.ts$)" },
    },
    {
      name: "app-is-not-a-command",
      comment: "The build pipeline is what the commands call; it never calls them.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^(main\\.ts$|cli/|test/)" },
    },
    {
      name: "source-never-imports-tests",
      comment: "Tests, the terraform tier and the benchmark use the source, never the other way round.",
      severity: "error",
      from: { path: SOURCE },
      to: { path: "^test/" },
    },
    {
      name: "deep-provider-imports",
      comment: "A provider package's barrel loads every binding it has (thousands of modules): import `@cdktf/provider-aws/lib/vpc`, never `@cdktf/provider-aws`.",
      severity: "error",
      from: {},
      to: { path: "node_modules/@cdktf/provider-[a-z]+/lib/index\\.js$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports count: a cycle through types is still a cycle for the reader.
    tsPreCompilationDeps: true,
  },
};
