import { diagnosticAnnotation, formatAnnotation } from "../../model/diagnostics";

describe("GitHub annotations", () => {
  it("name the file, line, column and title of an error", () => {
    expect(
      diagnosticAnnotation({
        file: "environments/dev.yaml",
        line: 11,
        column: 9,
        path: "serviceBus[0].queues[0].maxDeliveryCont",
        message: 'unknown field "maxDeliveryCont"',
      }),
    ).toBe(
      '::error file=environments/dev.yaml,line=11,col=9,title=serviceBus[0].queues[0].maxDeliveryCont::unknown field "maxDeliveryCont"',
    );
  });

  it("keep a message with line breaks and command syntax on one line, as one command", () => {
    expect(formatAnnotation({ level: "error", message: "100% done\r\n::warning::forged" })).toBe(
      "::error::100%25 done%0D%0A::warning::forged",
    );
  });

  it("escape the separators of properties in a title or file name", () => {
    expect(
      formatAnnotation({ level: "notice", file: "a,b:c.yaml", title: "x,line=1::y", message: "m" }),
    ).toBe("::notice file=a%2Cb%3Ac.yaml,title=x%2Cline=1%3A%3Ay::m");
  });

  it("title an error about the whole file by the file", () => {
    expect(diagnosticAnnotation({ file: "f.yaml", line: 1, column: 1, path: "$", message: "m" })).toBe(
      "::error file=f.yaml,line=1,col=1,title=environment file::m",
    );
  });
});
