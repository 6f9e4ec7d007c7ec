/**
 * The yaml parser's errors in words for a person editing the file, placed where the problem
 * really is (the opening quote of an unclosed string, the first character of a misindented line).
 */
import type { YAMLError } from "yaml";
import type { PositionIndex } from "./yaml-positions";

const indentationCodes = new Set(["BAD_INDENT", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY"]);

function isIndentationError(error: YAMLError): boolean {
  return (
    indentationCodes.has(error.code) ||
    (error.code === "MISSING_CHAR" && /without - indicator/.test(error.message))
  );
}

/** An offset inside a line's leading spaces points at the line's first character instead. */
function skipIndentation(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && (text[at] === " " || text[at] === "\t")) at++;
  return at < text.length && text[at] !== "\n" ? at : offset;
}

/** The parser's error in words for a person, and where it really is. */
export function describeYamlError(
  error: YAMLError,
  text: string,
  index: PositionIndex,
): { offset: number; message: string } {
  const offset = error.pos[0];
  if (isIndentationError(error)) {
    return {
      offset: skipIndentation(text, offset),
      message:
        'bad indentation: this line is indented differently from the fields around it (fields of one mapping start at the same column; list items start with "- ")',
    };
  }
  switch (error.code) {
    case "TAB_AS_INDENT":
      return { offset, message: "a tab is used for indentation: YAML indents with spaces only" };
    case "MULTIPLE_DOCS":
      return {
        offset,
        message:
          "a second YAML document starts here (---): an environment file holds exactly one document; split it into two files",
      };
    case "MISSING_CHAR":
      if (/quote/i.test(error.message)) {
        const opening = [...index.quoted].reverse().find((span) => span.start < offset);
        return {
          offset: opening?.start ?? offset,
          message:
            "unclosed quote: this string has no closing quote, so the rest of the file became part of it",
        };
      }
      return { offset, message: `YAML syntax error: ${lowerFirst(error.message)}` };
    default:
      return { offset, message: `YAML syntax error: ${lowerFirst(error.message)}` };
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
