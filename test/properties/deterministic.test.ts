import { test } from "@fast-check/jest";
import { propertyById } from "./properties";
import { propertyTimeout, runs, seed } from "./run-config";

/* Synthesis is a function of the file: the same file twice gives the same bytes. */

const deterministic = propertyById("deterministic");

test.prop([deterministic.arbitrary], { numRuns: runs(12), seed })(
  `${deterministic.title} (seed ${seed})`,
  (file) => deterministic.check(file),
  propertyTimeout,
);
