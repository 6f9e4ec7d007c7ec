import { edgeSiteProblems, siteCloudCoverage } from "../../azure/edge-site";
import { expectedMqttHostname } from "../../azure/event-grid-mqtt";

describe("siteCloudCoverage", () => {
  it("covers a window no longer than the session expiry", () => {
    expect(siteCloudCoverage(4, 4, "plant-mqtt")).toMatchObject({
      coveredHours: 4,
      coversBufferWindow: true,
      advice: "",
    });
  });

  it("names the session limit and asks for store-and-forward beyond it", () => {
    const coverage = siteCloudCoverage(72, 1, "plant-mqtt");
    expect(coverage).toMatchObject({ coveredHours: 1, coversBufferWindow: false });
    expect(coverage.advice).toContain(
      "keep its outbound messages locally for the full 72 hours and republish them on reconnect",
    );
  });

  it("points beyond IoT Hub's two-day cloud-to-device TTL when the window exceeds it", () => {
    expect(siteCloudCoverage(72, 1, "plant-mqtt").advice).toContain(
      "even IoT Hub cloud-to-device messages expire after 48 hours",
    );
  });

  it("offers a longer session when the window fits within Azure's 8 hours", () => {
    expect(siteCloudCoverage(6, 1, "plant-mqtt").advice).toContain(
      "raise mqtt.maxSessionExpiryHours of namespace plant-mqtt to 6",
    );
  });
});

describe("edgeSiteProblems", () => {
  it("accepts a site at the session limits", () => {
    expect(
      edgeSiteProblems({
        topicPrefix: "plants/munich",
        qos: 0,
        sessionExpiryHours: 8,
        offlineBufferHours: 0,
      }),
    ).toEqual([]);
  });

  it("refuses a session expiry of zero hours", () => {
    expect(edgeSiteProblems({ sessionExpiryHours: 0 })).toEqual([
      {
        field: "sessionExpiryHours",
        message: "sessionExpiryHours must be a whole number from 1 to 8, got 0",
      },
    ]);
  });

  it("refuses a topic prefix that is one of the broker's own $ topics", () => {
    expect(edgeSiteProblems({ topicPrefix: "$SYS/plant" })).toEqual([
      expect.objectContaining({ field: "topicPrefix" }),
    ]);
  });

  it("refuses a topic prefix ending in a slash, whose tree would have an empty level", () => {
    expect(edgeSiteProblems({ topicPrefix: "plants/" })).toEqual([
      expect.objectContaining({ field: "topicPrefix" }),
    ]);
  });

  it("refuses a negative store-and-forward window", () => {
    expect(edgeSiteProblems({ offlineBufferHours: -1 })).toEqual([
      { field: "offlineBufferHours", message: "offlineBufferHours must be zero or more, got -1" },
    ]);
  });
});

describe("expectedMqttHostname", () => {
  it("builds the MQTT host name from the namespace name and its region", () => {
    expect(expectedMqttHostname("evgns-plant", "West Europe")).toBe(
      "evgns-plant.westeurope-1.ts.eventgrid.azure.net",
    );
  });
});
