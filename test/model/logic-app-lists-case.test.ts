import { join } from "node:path";
import { formatDiagnostic } from "../../model/diagnostics";
import { loadEnvironmentFile } from "../../model/load-environment";
import { testToday } from "./helpers/document";

/*
 * receives: and sends: name entities ignoring case, as Azure does; the check that they cover what
 * the workflow definitions read and write compared their text as written, so an entry in another
 * letter case was granted and yet reported as missing.
 */

const fixture = join(__dirname, "..", "fixtures", "valid", "logic-app-lists-in-another-case.yaml");

describe("receives: and sends: in another letter case than the entities are declared", () => {
  const result = loadEnvironmentFile(fixture, { today: testToday });

  it("cover the entities the workflows read and write", () => {
    if (!result.ok) throw new Error(result.errors.map(formatDiagnostic).join("\n"));
    expect(
      result.model.logicApps.map((app) => ({
        receives: app.receives.map((a) => a.reference),
        sends: app.sends.map((a) => a.reference),
        uses: app.workflows.flatMap((w) => w.uses.map((u) => `${u.direction} ${u.reference}`)),
      })),
    ).toEqual([
      {
        receives: ["orders/orders-inbound"],
        sends: ["orders/order-events"],
        uses: ["receive orders/orders-inbound", "send orders/order-events"],
      },
      {
        receives: ["orders/payments"],
        sends: ["orders/order-events"],
        uses: ["receive orders/payments", "send orders/order-events"],
      },
    ]);
  });
});
