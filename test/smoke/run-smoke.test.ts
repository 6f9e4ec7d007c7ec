import { createArmClients } from "../../scripts/smoke/arm-clients";
import { armTarget } from "../../scripts/smoke/clouds";
import { runSmoke } from "../../scripts/smoke/run-smoke";
import { exitCodeOf, type SmokeSummary } from "../../scripts/smoke/results";
import { FakeArmServer, staticTestCredential, testCa } from "./helpers/fake-arm-server";
import { publishEnvironment, subscriptionId } from "./helpers/arm-world";
import { smokeModel } from "./helpers/smoke-model";

describe("smoke test against a loopback ARM endpoint", () => {
  const server = new FakeArmServer();
  let paths: Record<string, string>;

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    paths = publishEnvironment(server, smokeModel());
  });

  async function smoke(): Promise<SmokeSummary> {
    const target = armTarget({ armEndpoint: server.endpoint });
    const clients = createArmClients(staticTestCredential, subscriptionId, target, { trustedCa: testCa });
    return runSmoke({ model: smokeModel(), clients, subscriptionId, timeoutMs: 10000 });
  }

  it("passes when everything in Azure matches the file", async () => {
    const summary = await smoke();
    expect(summary.results.filter((r) => r.status !== "passed")).toEqual([]);
    expect(summary.passed).toBeGreaterThanOrEqual(10);
    expect(exitCodeOf(summary)).toBe(0);
  });

  it("reports a queue whose sessions were switched off as drift with expected and actual values", async () => {
    const queues = server.get(paths["serviceBus/orders/queues"]) as {
      value: { properties: Record<string, unknown> }[];
    };
    queues.value[0].properties.requiresSession = false;
    const summary = await smoke();
    expect(summary.results).toContainEqual({
      status: "drift",
      resource: "serviceBus/orders/queues/orders-inbound",
      property: "sessions",
      expected: true,
      actual: false,
    });
    expect(exitCodeOf(summary)).toBe(1);
  });

  describe("subscription rules", () => {
    const rulesOf = (path: string) =>
      server.get(paths[path]) as { value: { name: string; properties: Record<string, unknown> }[] };
    const billingRules = "serviceBus/orders/topics/order-events/subscriptions/billing/rules";
    const billing = "serviceBus/orders/topics/order-events/subscriptions/billing/rules/$Default";

    it("reports a rule whose SQL expression differs from the file as drift", async () => {
      rulesOf(billingRules).value[0].properties.sqlFilter = { sqlExpression: "1=1" };
      const summary = await smoke();
      expect(summary.results).toContainEqual({
        status: "drift",
        resource: billing,
        property: "sql",
        expected: "region = 'EU'",
        actual: "1=1",
      });
    });

    it("reports a rule whose filter type differs from the file as drift", async () => {
      rulesOf(billingRules).value[0].properties = {
        filterType: "CorrelationFilter",
        correlationFilter: { label: "order.created" },
        action: {},
      };
      const summary = await smoke();
      expect(summary.results).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ resource: billing, property: "filterType", expected: "SqlFilter" }),
          expect.objectContaining({
            resource: billing,
            property: "label",
            expected: null,
            actual: "order.created",
          }),
        ]),
      );
    });

    it("reports a SQL filter Azure kept beside a declared correlation filter (a merged $Default)", async () => {
      const model = smokeModel();
      const topic = model.serviceBus[0].topics[0];
      const subscription = topic.subscriptions[0];
      const declared = {
        ...subscription,
        rules: [{ name: "$Default", correlation: { label: "order.created" } }],
      };
      const changed = {
        ...model,
        serviceBus: [{ ...model.serviceBus[0], topics: [{ ...topic, subscriptions: [declared] }] }],
      };
      paths = publishEnvironment(server, changed);
      rulesOf(billingRules).value[0].properties.sqlFilter = { sqlExpression: "1=1" };
      const target = armTarget({ armEndpoint: server.endpoint });
      const clients = createArmClients(staticTestCredential, subscriptionId, target, { trustedCa: testCa });
      const summary = await runSmoke({ model: changed, clients, subscriptionId, timeoutMs: 10000 });
      expect(summary.results).toContainEqual({
        status: "drift",
        resource: billing,
        property: "sql",
        expected: null,
        actual: "1=1",
      });
    });

    it("expects the match-nothing $Default beside declared rules that do not replace it", async () => {
      const model = smokeModel();
      const topic = model.serviceBus[0].topics[0];
      const subscription = topic.subscriptions[0];
      const declared = { ...subscription, rules: [{ name: "eu-orders", sql: "region = 'EU'" }] };
      const changed = {
        ...model,
        serviceBus: [{ ...model.serviceBus[0], topics: [{ ...topic, subscriptions: [declared] }] }],
      };
      paths = publishEnvironment(server, changed);
      rulesOf(billingRules).value[0].properties.sqlFilter = { sqlExpression: "1=1" };
      const target = armTarget({ armEndpoint: server.endpoint });
      const clients = createArmClients(staticTestCredential, subscriptionId, target, { trustedCa: testCa });
      const summary = await runSmoke({ model: changed, clients, subscriptionId, timeoutMs: 10000 });
      expect(summary.results).toContainEqual({
        status: "drift",
        resource: billing,
        property: "sql",
        expected: "1=0",
        actual: "1=1",
      });
      expect(summary.results.filter((r) => r.status === "unmanaged")).toEqual([]);
    });
  });

  it("reports a declared hub that does not exist as missing", async () => {
    server.set(paths["eventHubs/telemetry/hubs"], { value: [] });
    const summary = await smoke();
    expect(summary.results).toContainEqual({
      status: "missing",
      resource: "eventHubs/telemetry/hubs/device-telemetry",
    });
    expect(exitCodeOf(summary)).toBe(1);
  });

  it("reports a topic that exists in Azure but not in the file as unmanaged, without failing", async () => {
    const topics = server.get(paths["serviceBus/orders/topics"]) as { value: unknown[] };
    topics.value.push({ id: "x", name: "shadow-topic", properties: {} });
    const summary = await smoke();
    expect(summary.results).toContainEqual({
      status: "unmanaged",
      resource: "serviceBus/orders/topics/shadow-topic",
    });
    expect(exitCodeOf(summary)).toBe(0);
  });

  it("retries a throttled call (429 with Retry-After) and then checks normally", async () => {
    const relay = paths["relay/plant-bridge"];
    server.script(relay, {
      status: 429,
      body: { error: { code: "TooManyRequests", message: "slow down" } },
      headers: { "retry-after": "0" },
    });
    const summary = await smoke();
    expect(server.requestsTo(relay).length).toBe(2);
    expect(summary.results).toContainEqual({ status: "passed", resource: "relay/plant-bridge" });
  });

  it("explains a 403 with the role to assign and the scope to assign it at", async () => {
    const hub = paths["iotHub/plants"];
    server.script(hub, {
      status: 403,
      body: {
        error: {
          code: "AuthorizationFailed",
          message: "The client does not have authorization to perform action",
        },
      },
    });
    const summary = await smoke();
    const failure = summary.results.find((r) => r.resource === "iotHub/plants");
    expect(failure?.status).toBe("error");
    expect(failure?.detail).toContain("Reader role");
    expect(failure?.detail).toContain(
      `/subscriptions/${subscriptionId}/resourceGroups/rg-contoso-messaging-smoke`,
    );
    expect(exitCodeOf(summary)).toBe(1);
  });

  it("reports a malformed ARM response as a failed check instead of crashing", async () => {
    server.script(paths["eventGrid/topics/order-lifecycle"], { status: 200, body: "{ not json" });
    const summary = await smoke();
    const failure = summary.results.find((r) => r.resource === "eventGrid/topics/order-lifecycle");
    expect(failure?.status).toBe("error");
    expect(failure?.detail).toMatch(/not valid ARM JSON/);
  });

  it("sends a bearer token for the endpoint's audience and talks only to the loopback server", async () => {
    await smoke();
    expect(server.requests.length).toBeGreaterThan(10);
    expect(server.requests.every((r) => r.authorization === "Bearer test-token")).toBe(true);
  });

  it("reads a Service Bus namespace's TLS and public access at an API version that has them", async () => {
    await smoke();
    const versions = server.requestsTo(paths["serviceBus/orders"]).map((r) => r.apiVersion);
    expect(versions).toEqual(expect.arrayContaining(["2021-11-01", "2022-10-01-preview"]));
  });
});
