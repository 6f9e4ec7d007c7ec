import { nameProblemOf as azureNameProblem } from "../../azure/name-rules";
import { fitName } from "../../azure/naming";

describe("fitName", () => {
  it("keeps a name that fits as it is, so an existing resource is never renamed", () => {
    expect(fitName("stcontosoegdldev", 24)).toBe("stcontosoegdldev");
    expect(fitName("stcontosoglobalmsgegdldv", 24)).toBe("stcontosoglobalmsgegdldv");
  });

  it("keeps two long names that share their first characters apart with a hash of the whole name", () => {
    const dev = fitName("stcontosoglobalmsgegdldev", 24);
    const demo = fitName("stcontosoglobalmsgegdldemo", 24);
    expect(dev).not.toBe(demo);
    expect([dev.length, demo.length]).toEqual([24, 24]);
    expect(dev.startsWith("stcontosoglobalmsg")).toBe(true);
    expect([azureNameProblem("storageAccount", dev), azureNameProblem("storageAccount", demo)]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it("gives the same shortened name on every run", () => {
    expect(fitName("stcontosoglobalmsgegdldev", 24)).toBe(fitName("stcontosoglobalmsgegdldev", 24));
  });

  it("separates the hash with a hyphen where names allow one", () => {
    const name = fitName(`evgt-contoso-${"a".repeat(30)}-route-dev`, 50, "-");
    expect(name).toMatch(/^evgt-contoso-a{30}-[0-9a-f]{6}$/);
    expect(azureNameProblem("eventGridTopic", name)).toBeUndefined();
  });

  it("never doubles a hyphen where the cut ends in one", () => {
    expect(fitName(`evgt-contoso-${"a".repeat(29)}-route-dev`, 50, "-")).toMatch(
      /^evgt-contoso-a{29}-[0-9a-f]{6}$/,
    );
  });
});
