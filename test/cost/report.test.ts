import { renderComment } from "../../policies/report/bounded";
import { renderMarkdown } from "../../policies/report/markdown";
import type { ReportOptions } from "../../policies/report/report-options";
import { loadText, resultFor, shipped } from "../policies/support/review-fixtures";
import { fixedPrices } from "./support";

const prices = fixedPrices();
const prod = loadText(shipped("prod"), "environments/prod.yaml");
const dev = loadText(shipped("dev"), "environments/dev.yaml");
const twoUnits = loadText(
  shipped("prod").replace("    sku: Premium\n    capacity: 1\n", "    sku: Premium\n    capacity: 2\n"),
  "environments/prod.yaml",
);
const options: ReportOptions = {
  failOn: "high",
  color: false,
  rootDir: ".",
  prices,
  baseModels: new Map([
    ["dev", dev],
    ["prod", prod],
  ]),
};

describe("the monthly cost in the pull-request report", () => {
  it("gives the estimate and its change against the base branch, resource by resource", () => {
    const comment = renderComment([resultFor(dev), resultFor(twoUnits)], options);
    expect(comment).toContain("#### Monthly cost");
    expect(comment).toContain(
      "Estimate: **$1,404.15/month + 17 unpriced** at list prices, 730 hours a month",
    );
    expect(comment).toContain("Against the base branch ($727.08/month + 17 unpriced): **+$677.07/month**");
    expect(comment).toContain("- +$677.07/month: Premium namespace orders, 1 → 2 messaging units");
    expect(comment).toContain(
      "- unpriced: Premium namespace orders (geo-DR secondary), 1 → 2 messaging units",
    );
    expect(comment).toContain("Budget: $8,000/month.");
    expect(comment.length).toBeLessThanOrEqual(60_000);
  });

  it("says when the pull request leaves the estimate as it is", () => {
    const report = renderMarkdown([resultFor(prod)], options);
    expect(report).toContain("This pull request does not change the estimate.");
  });

  it("shows the estimate alone when no base branch is compared", () => {
    const report = renderMarkdown([resultFor(prod)], { ...options, baseModels: undefined });
    expect(report).toContain("Estimate: **$727.08/month + 17 unpriced**");
    expect(report).not.toContain("Against the base branch");
  });

  it("marks an estimate above the budget", () => {
    const tight = loadText(
      shipped("prod").replace("monthlyAmount: 8000", "monthlyAmount: 700"),
      "environments/prod.yaml",
    );
    const report = renderMarkdown([resultFor(tight)], options);
    expect(report).toContain("Budget: $700/month — **exceeded** (see COST-BUDGET).");
  });
});
