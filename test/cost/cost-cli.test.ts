import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderCostMarkdown } from "../../policies/cost/format-markdown";
import type { EnvironmentEstimate } from "../../policies/cost/estimate-types";
import { costMain } from "../../scripts/cost";
import {
  brokenRows,
  foreignTags,
  htmlComments,
  mentions,
  unbalancedDetails,
} from "../policies/support/markdown-checks";
import { HOSTILE } from "../policies/support/review-fixtures";
import { FIXED_TABLE_FILE, fixedPrices } from "./support";

function cost(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = costMain(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const fixed = ["--prices", FIXED_TABLE_FILE];

describe("npm run cost", () => {
  it("prints the estimate as text: per resource, the total with what it leaves out, the prices cited", () => {
    const run = cost("--env", "prod", ...fixed);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("Monthly cost estimate for prod (USD, 730 hours a month, list prices)");
    expect(run.stdout).toContain("  Premium namespace orders (westeurope): $677.08/month");
    expect(run.stdout).toContain("Total: $727.08/month + 17 unpriced");
    expect(run.stdout).toContain("Unpriced (not in the total):");
    expect(run.stdout).toMatch(
      /service-bus-premium-premium-messaging-unit-westeurope-0: 0\.9275 USD per 1 Hour .* read 2024-07-01 from infracost/,
    );
  });

  it("prints JSON with every line and the cited price entries", () => {
    const run = cost("--env", "dev", "--format", "json", ...fixed);
    const parsed = JSON.parse(run.stdout) as EnvironmentEstimate & { prices: { id: string }[] };
    expect(parsed).toMatchObject({ environment: "dev", total: 9.81, unpriced: 6, hoursPerMonth: 730 });
    expect(parsed.prices.map((p) => p.id)).toEqual(["service-bus-standard-standard-base-unit-westeurope-0"]);
  });

  it("prints Markdown, reading the file given by --env-file", () => {
    const run = cost("--env-file", join("environments", "prod.yaml"), "--format", "markdown", ...fixed);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("## Monthly cost estimate: prod");
    expect(run.stdout).toContain("**Total: $727.08/month + 17 unpriced**");
    expect(brokenRows(run.stdout)).toEqual([]);
  });

  it("uses the repository's table without --prices", () => {
    expect(cost("--env", "prod").code).toBe(0);
  });

  it.each([
    [
      ["--env", "prod", "--env-file", "environments/prod.yaml"],
      "give either --env <name> or --env-file <path>",
    ],
    [["--env", "nope"], "cost:"],
    [["--env", "prod", "--format", "html"], "format"],
    [["--env", "prod", "--prices", "no/such/table.json"], "cost: ENOENT"],
  ])("refuses %j with exit 2", (argv, message) => {
    const run = cost(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("refuses a price table that is not JSON, naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "cost-"));
    try {
      const file = join(dir, "cut.json");
      writeFileSync(file, readFileSync(FIXED_TABLE_FILE, "utf8").slice(0, 200));
      const run = cost("--env", "dev", "--prices", file);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toContain(`cost: ${file}: not JSON (`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a price table in another currency than US dollars, naming the file and entry", () => {
    const dir = mkdtempSync(join(tmpdir(), "cost-"));
    try {
      const table = JSON.parse(readFileSync(FIXED_TABLE_FILE, "utf8")) as { entries: { id: string }[] };
      const euros = {
        ...table,
        entries: table.entries.map((e, i) => (i === 1 ? { ...e, currencyCode: "EUR" } : e)),
      };
      const file = join(dir, "eur.json");
      writeFileSync(file, JSON.stringify(euros));
      const run = cost("--env", "dev", "--prices", file);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toContain(
        `${file}: entries[1] (${table.entries[1].id}).currencyCode must be USD, got EUR`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the Markdown estimate", () => {
  it("escapes every name that comes from an environment file", () => {
    const estimate: EnvironmentEstimate = {
      environment: HOSTILE,
      currency: "USD",
      hoursPerMonth: 730,
      total: 0,
      unpriced: 1,
      resources: [
        {
          key: "serviceBus/x",
          description: `Premium namespace ${HOSTILE}`,
          name: HOSTILE,
          sku: "Premium",
          region: HOSTILE,
          lines: [{ meter: HOSTILE, unit: "hours", prices: [], basis: HOSTILE, unpriced: HOSTILE }],
        },
      ],
    };
    const markdown = renderCostMarkdown(estimate, fixedPrices());
    expect(htmlComments(markdown)).toEqual([]);
    expect(mentions(markdown)).toEqual([]);
    expect(unbalancedDetails(markdown)).toBe(0);
    expect(brokenRows(markdown)).toEqual([]);
    expect(markdown).not.toContain("<img");
    expect(foreignTags(markdown)).toEqual([]);
  });
});
