import { createArmClients } from "../../scripts/smoke/arm-clients";
import { armTarget } from "../../scripts/smoke/clouds";
import { runSmoke } from "../../scripts/smoke/run-smoke";
import type { SmokeSummary } from "../../scripts/smoke/results";
import { FakeArmServer, staticTestCredential, testCa } from "./helpers/fake-arm-server";
import { publishEnvironment, subscriptionId } from "./helpers/arm-world";
import { smokeModel } from "./helpers/smoke-model";

type Job = {
  properties: Record<string, unknown> & {
    transformation: { properties: { query: string; streamingUnits: number } };
  };
};

describe("smoke test of a Stream Analytics job against a loopback ARM endpoint", () => {
  const server = new FakeArmServer();
  let jobId: string;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    jobId = publishEnvironment(server, smokeModel())["streamAnalytics/overheat-detection"];
  });

  async function jobResults(): Promise<SmokeSummary["results"]> {
    const target = armTarget({ armEndpoint: server.endpoint });
    const clients = createArmClients(staticTestCredential, subscriptionId, target, { trustedCa: testCa });
    const summary = await runSmoke({ model: smokeModel(), clients, subscriptionId, timeoutMs: 10000 });
    return summary.results.filter((r) => r.resource.startsWith("streamAnalytics/"));
  }

  function change(edit: (job: Job) => void): void {
    const job = server.get(jobId) as Job;
    edit(job);
    server.set(jobId, job);
  }

  it("passes a running job with the file's SKU, units, query and managed-identity inputs and outputs", async () => {
    expect(await jobResults()).toEqual([
      { status: "passed", resource: "streamAnalytics/overheat-detection" },
      { status: "passed", resource: "streamAnalytics/overheat-detection/inputs/telemetry" },
      { status: "passed", resource: "streamAnalytics/overheat-detection/outputs/alerts" },
    ]);
    expect(server.requests.some((r) => r.path.toLowerCase() === jobId.toLowerCase())).toBe(true);
  });

  it("reports a stopped job as drift", async () => {
    change((job) => (job.properties.jobState = "Stopped"));
    expect(await jobResults()).toContainEqual(
      expect.objectContaining({
        status: "drift",
        property: "jobState",
        expected: "Running",
        actual: "Stopped",
      }),
    );
  });

  it("reports other streaming units in the REST unit (ten per SU V2)", async () => {
    change((job) => (job.properties.transformation.properties.streamingUnits = 30));
    expect(await jobResults()).toContainEqual(
      expect.objectContaining({ status: "drift", property: "streamingUnits", expected: 10, actual: 30 }),
    );
  });

  it("reports a deployed query that differs from the file as drift, but not one that differs in line endings", async () => {
    change(
      (job) =>
        (job.properties.transformation.properties.query =
          "SELECT deviceId INTO [alerts] FROM [telemetry]\r\n"),
    );
    expect(await jobResults()).toContainEqual(
      expect.objectContaining({ status: "drift", property: "query" }),
    );
    change(
      (job) =>
        (job.properties.transformation.properties.query =
          "SELECT deviceId INTO [alerts] FROM [telemetry] WHERE temperature > 90\r\n"),
    );
    expect((await jobResults()).filter((r) => r.status !== "passed")).toEqual([]);
  });

  it("reports an output that authenticates with a connection string as drift", async () => {
    change((job) => {
      const outputs = job.properties.outputs as {
        properties: { datasource: { properties: Record<string, string> } };
      }[];
      outputs[0].properties.datasource.properties.authenticationMode = "ConnectionString";
    });
    expect(await jobResults()).toContainEqual({
      status: "drift",
      resource: "streamAnalytics/overheat-detection/outputs/alerts",
      property: "authenticationMode",
      expected: "Msi",
      actual: "ConnectionString",
    });
  });

  it("reports a job that does not exist as missing", async () => {
    server.delete(jobId);
    expect(await jobResults()).toEqual([
      { status: "missing", resource: "streamAnalytics/overheat-detection" },
    ]);
  });
});
