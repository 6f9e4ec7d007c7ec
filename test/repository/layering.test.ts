import { execFileSync } from "node:child_process";
import { join } from "node:path";

/*
 * Who may import whom is ESLint's to enforce (eslint.config.mjs), so `npm test` fails on a wrong
 * import. These tests check the rules themselves: each forbidden direction is refused and each
 * allowed one passes, for a file at any depth of its folder.
 */
const root = join(__dirname, "..", "..");

type Probe = readonly [file: string, specifier: string];

/**
 * Lints one import per probe, as if written in `file`, in one ESLint process (its config is an ES
 * module, which jest's module system cannot load): whether `no-restricted-imports` refuses it.
 */
function restrictedImports(probes: readonly Probe[]): boolean[] {
  const script = `
    import { ESLint } from "eslint";
    const probes = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [file, specifier] of probes) {
      const [result] = await eslint.lintText(
        \`import * as probe from "\${specifier}";\\nexport const used = probe;\\n\`,
        { filePath: file },
      );
      out.push(result.messages.some((m) => m.ruleId === "no-restricted-imports"));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const output = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", script, JSON.stringify(probes)],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  return JSON.parse(output) as boolean[];
}

const refused: readonly Probe[] = [
  ["azure/service-bus.ts", "../model/spec"],
  ["azure/service-bus.ts", "../constructs/shared/lock"],
  ["azure/service-bus.ts", "cdktf"],
  ["azure/service-bus.ts", "node:fs"],
  ["model/semantic/service-bus.ts", "../../constructs/service-bus"],
  ["model/semantic/service-bus.ts", "../../stacks/app"],
  ["model/resolve.ts", "../policies/engine/evaluate"],
  ["model/resolve.ts", "cdktf"],
  ["constructs/service-bus/queue.ts", "../../model/model"],
  ["constructs/service-bus/queue.ts", "../../stacks/service-bus"],
  ["constructs/service-bus/queue.ts", "yaml"],
  ["constructs/shared/lock.ts", "node:fs"],
  ["stacks/messaging-stack.ts", "../policies/report/markdown"],
  ["policies/rules/service-bus.ts", "../../constructs/service-bus/queue"],
  ["policies/engine/evaluate.ts", "../../stacks/app"],
  ["policies/engine/evaluate.ts", "cdktf"],
  ["stacks/service-bus.ts", "@cdktf/provider-azurerm"],
];

const allowed: readonly Probe[] = [
  ["model/semantic/service-bus.ts", "../../azure/service-bus"],
  ["constructs/service-bus/queue.ts", "../../azure/service-bus"],
  ["constructs/service-bus/queue.ts", "../shared/lock"],
  ["stacks/service-bus.ts", "../model/model"],
  ["stacks/service-bus.ts", "../constructs/service-bus"],
  ["policies/engine/evaluate.ts", "../../model/model"],
  ["scripts/policy.ts", "../stacks/app"],
  ["stacks/service-bus.ts", "@cdktf/provider-azurerm/lib/servicebus-queue"],
];

describe("import boundaries", () => {
  const verdicts = restrictedImports([...refused, ...allowed]);

  it.each(refused.map((probe, i) => [...probe, verdicts[i]] as const))(
    "refuses %s importing %s",
    (_file, _specifier, verdict) => {
      expect(verdict).toBe(true);
    },
  );

  it.each(allowed.map((probe, i) => [...probe, verdicts[refused.length + i]] as const))(
    "allows %s importing %s",
    (_file, _specifier, verdict) => {
      expect(verdict).toBe(false);
    },
  );
});
