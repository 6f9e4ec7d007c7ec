/**
 * The lexical layer of the Stream Analytics Query Language, as far as finding a query's inputs,
 * outputs and steps needs it ("Stream Analytics Query Language Reference", learn.microsoft.com
 * stream-analytics-query: comments are `--` to the end of the line and `/* ... *\/`; string
 * literals are single-quoted with `''` standing for a quote; identifiers are words or delimited
 * by brackets, `[My Input]`, with `]]` standing for a bracket). Keywords and names compare without
 * regard to case.
 */

export type TokenKind =
  /** A word: a keyword, a function or an undelimited name (`SELECT`, `TumblingWindow`, `telemetry`). */
  | "word"
  /** A delimited name, without its brackets (`[maintenance-alerts]` gives `maintenance-alerts`). */
  | "name"
  | "string"
  | "number"
  /** Punctuation and operators, one or two characters (`(`, `,`, `>=`, `.`). */
  | "symbol";

export interface QueryToken {
  readonly kind: TokenKind;
  /** The text: a name's or a string's content without delimiters, else as written. */
  readonly text: string;
  /** 1-based line and column of the token's first character in the query. */
  readonly line: number;
  readonly column: number;
}

/** Something the tokenizer could not read: an unterminated string, comment or bracketed name. */
export interface LexicalProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface TokenizedQuery {
  readonly tokens: readonly QueryToken[];
  readonly problems: readonly LexicalProblem[];
}

const wordStart = /[A-Za-z_@]/;
const wordPart = /[A-Za-z0-9_@]/;
const digit = /[0-9]/;
const twoCharacterSymbols = new Set(["<=", ">=", "<>", "!=", "||"]);

/** Reads a query into tokens, skipping whitespace and comments. */
export function tokenizeQuery(text: string): TokenizedQuery {
  const tokens: QueryToken[] = [];
  const problems: LexicalProblem[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;

  const advance = (to: number): void => {
    for (let i = index; i < to; i++) {
      if (text[i] === "\n") {
        line += 1;
        lineStart = i + 1;
      }
    }
    index = to;
  };

  /**
   * The text up to `close`, where a doubled `close` stands for one; undefined when it never closes.
   * A name ends with its line: one left open would otherwise swallow the names that follow.
   */
  const delimited = (
    open: number,
    close: string,
    kind: TokenKind,
  ): { value: string; end: number } | undefined => {
    let value = "";
    let i = open + 1;
    while (i < text.length) {
      if (kind === "name" && text[i] === "\n") return undefined;
      if (text[i] === close) {
        if (text[i + 1] === close) {
          value += close;
          i += 2;
          continue;
        }
        return { value, end: i + 1 };
      }
      value += text[i];
      i += 1;
    }
    return undefined;
  };

  while (index < text.length) {
    const c = text[index];
    const position = { line, column: index - lineStart + 1 };
    if (/\s/.test(c)) {
      advance(index + 1);
      continue;
    }
    if (c === "-" && text[index + 1] === "-") {
      const end = text.indexOf("\n", index);
      advance(end === -1 ? text.length : end);
      continue;
    }
    if (c === "/" && text[index + 1] === "*") {
      const end = text.indexOf("*/", index + 2);
      if (end === -1) {
        problems.push({ ...position, message: "a /* comment is never closed with */" });
        advance(text.length);
        continue;
      }
      advance(end + 2);
      continue;
    }
    const closers: Readonly<Record<string, readonly [string, TokenKind, string]>> = {
      "'": ["'", "string", "a string"],
      "[": ["]", "name", "a [bracketed] name"],
      '"': ['"', "name", 'a "quoted" name'],
    };
    const closer = closers[c];
    if (closer) {
      const [close, kind, what] = closer;
      const read = delimited(index, close, kind);
      if (!read) {
        problems.push({ ...position, message: `${what} is never closed with ${close}` });
        advance(text.length);
        continue;
      }
      tokens.push({ kind, text: read.value, ...position });
      advance(read.end);
      continue;
    }
    if (wordStart.test(c)) {
      let end = index + 1;
      while (end < text.length && wordPart.test(text[end])) end += 1;
      tokens.push({ kind: "word", text: text.slice(index, end), ...position });
      advance(end);
      continue;
    }
    if (digit.test(c)) {
      let end = index + 1;
      while (end < text.length && /[0-9.eE]/.test(text[end])) end += 1;
      tokens.push({ kind: "number", text: text.slice(index, end), ...position });
      advance(end);
      continue;
    }
    const pair = text.slice(index, index + 2);
    const symbol = twoCharacterSymbols.has(pair) ? pair : c;
    tokens.push({ kind: "symbol", text: symbol, ...position });
    advance(index + symbol.length);
  }
  return { tokens, problems };
}
