import {
  probeHub,
  probeQueue,
  type HubChannel,
  type ProbeMessage,
  type QueueChannel,
} from "../../scripts/smoke/data-plane";

function message(runId: string | undefined, log: string[]): ProbeMessage {
  return {
    runId,
    complete: async () => void log.push(`complete ${runId}`),
    abandon: async () => void log.push(`abandon ${runId}`),
  };
}

function queue(batches: (string | undefined)[][], log: string[]): QueueChannel {
  return {
    send: async (runId) => void log.push(`send ${runId}`),
    receive: async () => (batches.shift() ?? []).map((id) => message(id, log)),
    close: async () => void log.push("close"),
  };
}

describe("data-plane probes", () => {
  it("completes exactly the tagged message and abandons everyone else's", async () => {
    const log: string[] = [];
    const result = await probeQueue(
      "serviceBus/orders/queues/smoke",
      queue([["other-1", "run-1", "other-2"]], log),
      "run-1",
      1000,
    );
    expect(result.status).toBe("passed");
    expect(log).toEqual(["send run-1", "abandon other-1", "complete run-1", "abandon other-2", "close"]);
  });

  it("keeps receiving until the tagged message arrives", async () => {
    const log: string[] = [];
    const result = await probeQueue("q", queue([[], ["run-2"]], log), "run-2", 1000);
    expect(result.status).toBe("passed");
  });

  it("fails with advice when the tagged message never comes back", async () => {
    let clock = 0;
    const channel = queue([[], [], []], []);
    const slowReceive = channel.receive;
    const result = await probeQueue(
      "q",
      { ...channel, receive: async (n, w) => ((clock += 400), slowReceive(n, w)) },
      "run-3",
      1000,
      () => clock,
    );
    expect(result.status).toBe("error");
    expect(result.detail).toContain("receiver role");
  });

  it("passes when the published event is read back from the smoke consumer group", async () => {
    const sent: string[] = [];
    const hub: HubChannel = {
      send: async (runId) => void sent.push(runId),
      readTagged: async (runId) => sent.includes(runId),
      close: async () => undefined,
    };
    expect((await probeHub("eventHubs/telemetry/hubs/smoke", hub, "run-4", 1000)).status).toBe("passed");
  });
});
