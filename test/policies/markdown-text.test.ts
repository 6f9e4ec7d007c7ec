import { fc, test as property } from "@fast-check/jest";
import { clip, markdownCode, markdownText } from "../../policies/report/markdown-text";

/** Hostile text: HTML and Markdown syntax, mentions, line breaks, bidirectional overrides. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      "<!--",
      "-->",
      "<",
      ">",
      "|",
      "`",
      "```",
      "\n",
      "\r",
      "\u2028",
      "@",
      "#",
      "[",
      "]",
      "(",
      ")",
    ),
    fc.constantFrom("*", "_", "~", "\\", "&", "&lt;", "$", "!", "\u202e", "\u200b", "\t", "\u0000", "-", "+"),
    fc.constantFrom("<details>", "</details>", "<img src=x onerror=alert(1)>", "@octocat", "@org/team", "#1"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

describe("markdownText", () => {
  test("turns HTML into text that shows as written", () => {
    expect(markdownText("temporary <!-- hidden")).toBe("temporary &lt;&#33;-- hidden");
  });

  test("keeps a table cell one cell on one line", () => {
    expect(markdownText("a | b\nc\r\nd")).toBe("a &#124; b c d");
  });

  test("breaks mentions so GitHub notifies nobody", () => {
    expect(markdownText("ping @octocat and @org/team")).toBe("ping @&#8203;octocat and @&#8203;org/team");
  });

  test("cannot open a code span, a link, emphasis or math", () => {
    expect(markdownText("`x` [a](b) *c* _d_ $e$")).toBe(
      "&#96;x&#96; &#91;a&#93;(b) &#42;c&#42; &#95;d&#95; &#36;e&#36;",
    );
  });

  test("cannot start a list or a heading at the start of a line", () => {
    expect([markdownText("- item"), markdownText("+ item"), markdownText("# title")]).toEqual([
      "&#45; item",
      "&#43; item",
      "&#35; title",
    ]);
  });

  test("drops characters that reorder or hide text", () => {
    expect(markdownText("abc\u202edef\u200bghi")).toBe("abcdefghi");
  });

  test("clips a long value with an ellipsis, never inside a surrogate pair", () => {
    expect([clip("abcdef", 4), clip("ab😀cd", 4), markdownText("x".repeat(500), 10)]).toEqual([
      "abc…",
      "ab…",
      "xxxxxxxxx…",
    ]);
  });

  test("wraps code in <code> with the same escaping", () => {
    expect(markdownCode("a`b<c")).toBe("<code>a&#96;b&lt;c</code>");
  });

  property.prop([hostile])("never lets through a raw <, >, |, backtick, line break or mention", (value) => {
    const out = markdownText(value);
    expect(out).not.toMatch(/[<>|`\n\r\u2028\u2029\u202e]/);
    expect(out).not.toMatch(/@[A-Za-z0-9]/);
  });

  property.prop([hostile])("leaves only the character references it writes itself", (value) => {
    const references = markdownText(value).match(/&[^;\s]*;?/g) ?? [];
    expect(references.filter((r) => !/^&(amp|lt|gt|quot|#\d+);$/.test(r))).toEqual([]);
  });
});
