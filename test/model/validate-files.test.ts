import { exitCodeFor, renderJson, renderText, type FileResult } from "../../model/validate-files";

const error = {
  file: "a.yaml",
  line: 3,
  column: 5,
  path: "tier",
  message: "expected one of development, production",
};
const valid: FileResult = { file: "ok.yaml", valid: true, unreadable: false, errors: [] };
const invalid: FileResult = { file: "a.yaml", valid: false, unreadable: false, errors: [error] };
const unreadable: FileResult = {
  file: "gone.yaml",
  valid: false,
  unreadable: true,
  errors: [{ file: "gone.yaml", line: 1, column: 1, path: "$", message: "cannot read file: no such file" }],
};

describe("exitCodeFor", () => {
  it("is 0 when every file is valid", () => {
    expect(exitCodeFor([valid, valid])).toBe(0);
  });

  it("is 1 when any file is invalid", () => {
    expect(exitCodeFor([valid, invalid])).toBe(1);
  });

  it("is 2 when any file cannot be read, whatever the others say", () => {
    expect(exitCodeFor([invalid, unreadable, valid])).toBe(2);
  });
});

describe("renderText", () => {
  it("prints one line per error and a summary", () => {
    expect(renderText([invalid, valid]).split("\n")).toEqual([
      "a.yaml:3:5  tier  expected one of development, production",
      "2 files checked: 1 valid, 1 invalid (1 error)",
    ]);
  });

  it("says all valid when there is nothing to report", () => {
    expect(renderText([valid])).toBe("1 file checked: all valid");
  });
});

describe("renderJson", () => {
  it("collects every file's errors into one object", () => {
    expect(JSON.parse(renderJson([invalid, unreadable]))).toEqual({
      valid: false,
      errors: [error, unreadable.errors[0]],
    });
  });
});
