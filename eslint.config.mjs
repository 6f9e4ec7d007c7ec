import js from "@eslint/js";
import tseslint from "typescript-eslint";

/*
 * Who may import whom. The folders follow the data: an environment file becomes a model
 * (`model/`), the model becomes constructs (`constructs/`) composed by a stack (`stacks/`), and
 * policies and reports (`policies/`) read what was synthesized. Azure's own facts (`azure/`) sit
 * beneath all of them and import nothing of ours. `scripts/` are entry points and may use anything.
 */
const providerRoot = {
  name: "@cdktf/provider-azurerm",
  message:
    "Import resources by deep path (@cdktf/provider-azurerm/lib/<resource>): the package root loads ~1,500 bindings (about 2 s, 430 MB).",
};

/** A folder of this repository, as a relative import reaches it from any depth. */
const folder = (name) => [`**/../${name}`, `**/../${name}/**`];

const cdktf = ["cdktf", "constructs", "@cdktf/*", "@cdktf/**"];
const fileSystem = ["fs", "node:fs", "fs/promises", "node:fs/promises", "yaml"];

function layer(files, forbiddenFolders, extra, why) {
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [providerRoot],
          patterns: [
            { group: forbiddenFolders.flatMap(folder), message: why },
            ...(extra.length > 0 ? [{ group: extra, message: why }] : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", ".gen/", "coverage/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", { paths: [providerRoot] }],
    },
  },
  layer(
    ["azure/**/*.ts"],
    ["model", "constructs", "stacks", "policies", "scripts"],
    [...cdktf, ...fileSystem],
    "azure/ holds Azure's facts as plain data and functions: it imports nothing else of this repository, no cdktf and no file system.",
  ),
  layer(
    ["model/**/*.ts"],
    ["constructs", "stacks", "policies", "scripts"],
    cdktf,
    "model/ turns environment files into the model: it may read azure/ facts, never constructs, stacks, policies or cdktf.",
  ),
  layer(
    ["constructs/**/*.ts"],
    ["model", "stacks", "policies", "scripts"],
    fileSystem,
    "constructs/ take typed props and make resources: they may read azure/ facts and constructs/shared, never the environment model, YAML or files.",
  ),
  layer(
    ["stacks/**/*.ts"],
    ["policies", "scripts"],
    [],
    "stacks/ compose constructs from the model; reports and policies read their output, not the other way round.",
  ),
  layer(
    ["policies/**/*.ts"],
    ["constructs", "stacks", "scripts"],
    cdktf,
    "policies/ read synthesized JSON and the model: never the code that builds resources.",
  ),
);
