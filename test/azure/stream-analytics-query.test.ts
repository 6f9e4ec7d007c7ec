import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeQuery } from "../../azure/stream-analytics-query";

const names = (list: readonly { readonly name: string }[]): string[] => list.map((n) => n.name);

describe("the Stream Analytics query reader", () => {
  it("reads the shared example: one input, one output, a hopping window", () => {
    const text = readFileSync(
      join(__dirname, "..", "fixtures", "stream-analytics", "queries", "overheat-detection.asaql"),
      "utf8",
    );
    const analysis = analyzeQuery(text);
    expect(names(analysis.inputs)).toEqual(["telemetry"]);
    expect(analysis.outputs).toEqual([{ name: "maintenance-alerts", line: 7, column: 6, implicit: false }]);
    expect(analysis.functions).toContain("HOPPINGWINDOW");
    expect(analysis.clauses).toContain("TIMESTAMP BY");
    expect(analysis.problems).toEqual([]);
  });

  it("ignores names inside line and block comments and inside strings", () => {
    const analysis = analyzeQuery(
      [
        "-- FROM [commented] INTO [nowhere]",
        "/* SELECT * INTO [block] FROM [block-input] */",
        "SELECT 'FROM [quoted] INTO [also-quoted]', 'it''s' AS note",
        "INTO [out] FROM [in]",
      ].join("\n"),
    );
    expect(names(analysis.inputs)).toEqual(["in"]);
    expect(names(analysis.outputs)).toEqual(["out"]);
    expect(analysis.problems).toEqual([]);
  });

  it("reads bracketed names with spaces and an escaped bracket", () => {
    const analysis = analyzeQuery("SELECT * INTO [alerts ]]v2] FROM [plant telemetry]");
    expect(names(analysis.inputs)).toEqual(["plant telemetry"]);
    expect(names(analysis.outputs)).toEqual(["alerts ]v2"]);
  });

  it("reads WITH steps as steps, not inputs, across tumbling, hopping and sliding windows", () => {
    const analysis = analyzeQuery(`
WITH PerMinute AS (
    SELECT deviceId, AVG(temperature) AS avgTemp
    FROM telemetry TIMESTAMP BY eventTime
    GROUP BY deviceId, TumblingWindow(minute, 1)
),
Spikes AS (
    SELECT deviceId, COUNT(*) AS spikes
    FROM PerMinute
    GROUP BY deviceId, SlidingWindow(minute, 10)
    HAVING COUNT(*) > 3
)
SELECT deviceId, MAX(avgTemp) INTO [hourly] FROM PerMinute GROUP BY deviceId, HoppingWindow(minute, 60, 10)
SELECT * INTO [spikes] FROM Spikes`);
    expect(names(analysis.steps)).toEqual(["PerMinute", "Spikes"]);
    expect(names(analysis.inputs)).toEqual(["telemetry"]);
    expect(names(analysis.outputs)).toEqual(["hourly", "spikes"]);
    expect([...analysis.functions]).toEqual(
      expect.arrayContaining(["TUMBLINGWINDOW", "SLIDINGWINDOW", "HOPPINGWINDOW"]),
    );
    expect(analysis.problems).toEqual([]);
  });

  it("reads MATCH_RECOGNIZE without taking PATTERN or DEFINE for functions", () => {
    const analysis = analyzeQuery(`
SELECT * INTO [alerts]
FROM [telemetry] TIMESTAMP BY eventTime
MATCH_RECOGNIZE (
    LIMIT DURATION(minute, 5)
    PARTITION BY deviceId
    MEASURES Last(Hot.temperature) AS peak
    AFTER MATCH SKIP TO NEXT ROW
    PATTERN (Warm+ Hot)
    DEFINE
        Warm AS Warm.temperature > 70,
        Hot AS Hot.temperature > 90
) AS overheating`);
    expect(names(analysis.inputs)).toEqual(["telemetry"]);
    expect(names(analysis.outputs)).toEqual(["alerts"]);
    expect(analysis.clauses).toContain("MATCH_RECOGNIZE");
    expect(analysis.functions).not.toContain("PATTERN");
    expect(analysis.problems).toEqual([]);
  });

  it("reads both sides of a JOIN bounded by DATEDIFF", () => {
    const analysis = analyzeQuery(`
SELECT t.deviceId, a.severity
INTO [correlated]
FROM [telemetry] t TIMESTAMP BY eventTime
JOIN [alarms] a TIMESTAMP BY raisedAt
  ON t.deviceId = a.deviceId AND DATEDIFF(second, t, a) BETWEEN 0 AND 30`);
    expect(names(analysis.inputs)).toEqual(["telemetry", "alarms"]);
    expect(analysis.problems).toEqual([]);
  });

  it("refuses a JOIN of streams whose ON clause bounds no time, at the JOIN", () => {
    const analysis = analyzeQuery("SELECT * INTO [o] FROM [a]\nJOIN [b] ON a.id = b.id");
    expect(analysis.problems).toEqual([
      expect.objectContaining({ line: 2, column: 1, message: expect.stringContaining("DATEDIFF") }),
    ]);
  });

  it("reads LAG over a partition", () => {
    const analysis = analyzeQuery(`
SELECT deviceId, temperature, LAG(temperature) OVER (PARTITION BY deviceId LIMIT DURATION(minute, 1)) AS previous
INTO [changes]
FROM [telemetry]
WHERE LAG(temperature) OVER (PARTITION BY deviceId LIMIT DURATION(minute, 1)) <> temperature`);
    expect(analysis.functions).toContain("LAG");
    expect(names(analysis.inputs)).toEqual(["telemetry"]);
    expect(names(analysis.outputs)).toEqual(["changes"]);
    expect(analysis.problems).toEqual([]);
  });

  it("reads INTO after PARTITION BY as a shard count, not an output", () => {
    const analysis = analyzeQuery(
      "WITH r AS (SELECT * FROM input PARTITION BY DeviceID INTO 10) SELECT * INTO output FROM r",
    );
    expect(names(analysis.inputs)).toEqual(["input"]);
    expect(names(analysis.outputs)).toEqual(["output"]);
    expect(analysis.problems).toEqual([]);
  });

  it("takes a SELECT without INTO as writing the default output", () => {
    expect(analyzeQuery("SELECT * FROM [telemetry]").outputs).toEqual([
      { name: "output", line: 1, column: 1, implicit: true },
    ]);
  });

  it("takes a UNION as one statement with one INTO", () => {
    const analysis = analyzeQuery("SELECT * INTO [all] FROM [a]\nUNION\nSELECT * FROM [b]");
    expect(names(analysis.outputs)).toEqual(["all"]);
    expect(names(analysis.inputs)).toEqual(["a", "b"]);
  });

  it("reports an unterminated string, comment or bracketed name where it starts", () => {
    expect(analyzeQuery("SELECT 'open FROM [a]").problems).toEqual([
      expect.objectContaining({ line: 1, column: 8 }),
    ]);
    expect(analyzeQuery("SELECT * FROM [a\nINTO [b]").problems[0]).toMatchObject({ line: 1, column: 15 });
    expect(analyzeQuery("SELECT 1 /* never closed").problems[0]).toMatchObject({ line: 1, column: 10 });
  });

  it("reports an empty query and one without SELECT", () => {
    expect(analyzeQuery("-- nothing\n").problems).toEqual([
      { line: 1, column: 1, message: "the query is empty" },
    ]);
    expect(analyzeQuery("WITH a AS (SELECT * FROM b)").problems[0]?.message).toBe(
      "the query has no SELECT statement",
    );
  });
});
