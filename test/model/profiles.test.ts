import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ruleIds } from "../../model/rule-ids";
import { loadProfile, parseProfile, profilesDirectory } from "../../model/profiles";

const raw = (tier: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(profilesDirectory, `${tier}.json`), "utf8")) as Record<string, unknown>;

describe("tier profiles", () => {
  it("reads each profile once per process", () => {
    expect(loadProfile("production")).toBe(loadProfile("production"));
  });

  it("names only policy rules that exist in its requirements", () => {
    const rules = loadProfile("production").requirements.flatMap((r) => Object.values(r.rules));
    expect(rules.filter((rule) => !ruleIds.has(rule))).toEqual([]);
  });

  it("requires local authentication off in production for every service that can turn it off", () => {
    const localAuth = loadProfile("production").requirements.find((r) => r.field === "localAuth");
    expect(localAuth?.value).toBe(false);
    expect(Object.keys(localAuth?.rules ?? {})).toEqual([
      "serviceBus",
      "eventHubs",
      "eventGridTopics",
      "iotHub",
    ]);
  });

  it("keeps production logs for at least a year", () => {
    expect(loadProfile("production").monitoring.minimumRetentionDays).toBeGreaterThanOrEqual(365);
  });

  it("dead-letters expired messages in production", () => {
    expect(loadProfile("production").queue.deadLetterOnExpiration).toBe(true);
  });

  it("leaves development free of requirements", () => {
    expect(loadProfile("development").requirements).toEqual([]);
  });

  it("refuses a profile missing a field, naming its path", () => {
    const broken = raw("development");
    delete (broken.queue as Record<string, unknown>).lockDuration;
    expect(() => parseProfile(broken, "development", "development.json")).toThrow(
      "profile.queue.lockDuration is missing",
    );
  });

  it("refuses a profile with a field of the wrong type", () => {
    const broken = {
      ...raw("production"),
      monitoring: { ...(raw("production").monitoring as object), alertsEnabled: "yes" },
    };
    expect(() => parseProfile(broken, "production", "production.json")).toThrow(
      'profile.monitoring.alertsEnabled must be a boolean, got "yes"',
    );
  });

  it("refuses a field the profile does not define", () => {
    expect(() =>
      parseProfile({ ...raw("production"), lockLevel: "ReadOnly" }, "production", "production.json"),
    ).toThrow("profile.lockLevel is not a profile field");
  });

  it("refuses a profile filed under another tier", () => {
    expect(() => parseProfile(raw("development"), "production", "production.json")).toThrow(
      'profile.tier must be "production"',
    );
  });
});
