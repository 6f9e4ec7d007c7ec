import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadEnvironmentText } from "../../model/load-environment";
import { readNamedFiles } from "../../model/named-files";
import { documentFromText, specOf, testToday } from "./helpers/document";

const fixtures = join(__dirname, "..", "fixtures");

/** A reader over in-memory files that records every path it is asked for. */
function memoryReader(files: Readonly<Record<string, string>>): {
  readonly read: (absolutePath: string) => string;
  readonly asked: string[];
} {
  const asked: string[] = [];
  const read = (absolutePath: string): string => {
    asked.push(absolutePath);
    const text = files[absolutePath];
    if (text === undefined) throw Object.assign(new Error("no such file"), { code: "ENOENT" });
    return text;
  };
  return { read, asked };
}

describe("the files an environment names, read in one pass", () => {
  const text = [
    "name: dev",
    "streamAnalytics:",
    "  - query: queries/a.asaql",
    "  - query: queries/missing.asaql",
    "logicApps:",
    "  - workflows:",
    "      - definition: workflows/good.json",
    "      - definition: workflows/broken.json",
    "",
  ].join("\n");
  const doc = documentFromText(text, "/env/dev.yaml");
  const reader = memoryReader({
    "/env/queries/a.asaql": "SELECT * INTO o FROM i",
    "/env/workflows/good.json": '{ "definition": { "triggers": {} }, "kind": "Stateful" }',
    "/env/workflows/broken.json": "{ not json",
  });
  const { files, errors } = readNamedFiles(doc, specOf(doc), reader.read);

  it("reads queries and workflow definitions through the one reader it is given", () => {
    expect(reader.asked).toEqual([
      "/env/queries/a.asaql",
      "/env/queries/missing.asaql",
      "/env/workflows/good.json",
      "/env/workflows/broken.json",
    ]);
    expect([...files.texts.keys()]).toEqual([
      "/streamAnalytics/0/query",
      "/logicApps/0/workflows/0/definition",
      "/logicApps/0/workflows/1/definition",
    ]);
  });

  it("parses the workflow definitions from the texts read, leaving out the one that is not JSON", () => {
    expect([...files.workflowDefinitions.keys()]).toEqual(["/logicApps/0/workflows/0/definition"]);
    expect(files.workflowDefinitions.get("/logicApps/0/workflows/0/definition")?.document).toEqual({
      definition: { triggers: {} },
      kind: "Stateful",
    });
  });

  it("reports the unreadable query and the definition that is not JSON at the lines naming them", () => {
    expect(errors.map((e) => `${e.path} @ ${e.line}: ${e.message}`)).toEqual([
      'streamAnalytics[1].query @ 4: cannot read the query file "queries/missing.asaql" (relative to dev.yaml): no such file',
      expect.stringMatching(
        /^logicApps\[0\]\.workflows\[1\]\.definition @ 8: the workflow definition "workflows\/broken\.json" is not valid JSON/,
      ),
    ]);
  });
});

describe("loading with an in-memory reader (what the property harness does)", () => {
  it("serves a logic app's workflow definitions as it serves Stream Analytics queries", () => {
    const yaml = readFileSync(join(fixtures, "logic-apps", "dev.yaml"), "utf8");
    const definition = readFileSync(join(fixtures, "logic-apps", "workflows", "relay-orders.json"), "utf8");
    const reader = memoryReader({ "/in-memory/workflows/relay-orders.json": definition });
    const result = loadEnvironmentText(yaml, "/in-memory/dev.yaml", {
      today: testToday,
      readFile: reader.read,
    });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(reader.asked).toEqual(["/in-memory/workflows/relay-orders.json"]);
    expect(result.ok && result.model.logicApps[0].workflows[0].definition.text).toBe(definition);
  });
});
