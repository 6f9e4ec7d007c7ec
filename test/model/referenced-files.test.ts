import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readReferencedFiles } from "../../model/referenced-files";
import { documentFromText } from "./helpers/document";

const text = [
  "name: dev",
  "jobs:",
  "  - query: queries/a.asaql",
  "  - query: queries/missing.asaql",
  "",
].join("\n");

describe("files an environment file names", () => {
  const dir = mkdtempSync(join(tmpdir(), "referenced-"));
  mkdirSync(join(dir, "queries", "folder.asaql"), { recursive: true });
  writeFileSync(join(dir, "queries", "a.asaql"), "\uFEFFSELECT * INTO o FROM i");
  const doc = documentFromText(text, join(dir, "dev.yaml"));
  const reference = (i: number, path: string) => ({ pointer: `/jobs/${i}/query`, path, what: "query file" });

  it("reads a path relative to the environment file, without a byte-order mark", () => {
    const { files, errors } = readReferencedFiles(doc, [reference(0, "queries/a.asaql")]);
    expect(errors).toEqual([]);
    expect(files.get("/jobs/0/query")?.text).toBe("SELECT * INTO o FROM i");
  });

  it("reports a missing file at the line and field that name it", () => {
    const { files, errors } = readReferencedFiles(doc, [reference(1, "queries/missing.asaql")]);
    expect(files.size).toBe(0);
    expect(errors).toEqual([
      {
        file: join(dir, "dev.yaml"),
        line: 4,
        column: 12,
        path: "jobs[1].query",
        message: 'cannot read the query file "queries/missing.asaql" (relative to dev.yaml): no such file',
      },
    ]);
  });

  it("refuses a directory and an absolute path", () => {
    const { errors } = readReferencedFiles(doc, [
      reference(0, "queries/folder.asaql"),
      reference(1, join(dir, "queries", "a.asaql")),
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'cannot read the query file "queries/folder.asaql" (relative to dev.yaml): it is not a file',
      `the query file "${join(dir, "queries", "a.asaql")}" must be a path relative to dev.yaml`,
    ]);
  });
});
