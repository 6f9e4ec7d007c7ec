import { test } from "@fast-check/jest";
import { propertyById } from "./properties";
import { propertyTimeout, runs, seed } from "./run-config";

/*
 * Whole generated environment files the validator accepts: they synthesize, the policy engine,
 * the diagram and the plan guard run on what they synthesize, and no two synthesized resources
 * share an Azure name. The three properties draw the same seeded files, so each is synthesized once.
 */

describe("a generated file the validator accepts", () => {
  for (const id of ["synthesizes", "views", "names"]) {
    const property = propertyById(id);
    test.prop([property.arbitrary], { numRuns: runs(100), seed })(
      `${property.title} (seed ${seed})`,
      (file) => property.check(file),
      propertyTimeout,
    );
  }
});
