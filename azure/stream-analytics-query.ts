import { tokenizeQuery, type LexicalProblem, type QueryToken } from "./stream-analytics-query-tokens";

/**
 * What a Stream Analytics query reads and writes, found without running it: the `WITH` steps it
 * defines, the names its `FROM` and `JOIN` clauses read that are not steps (its inputs), and the
 * names its `INTO` clauses write (its outputs). Sources, all in the "Stream Analytics Query
 * Language Reference" (learn.microsoft.com/stream-analytics-query):
 *
 * - "WITH": `WITH <step> AS (<select>) [, ...]` before the query's statements; a step is read like
 *   an input, in `FROM` and `JOIN`, by any later part of the query;
 * - "FROM", "JOIN": `FROM <input or step> [[AS] <alias>]`, `[LEFT OUTER | INNER] JOIN ... ON ...`;
 *   a join of two streams bounds the time between the joined events with `DATEDIFF` in its `ON`
 *   clause ("Joins with streaming data": "the ON clause must include DATEDIFF");
 * - "INTO": "If not specified, the default output stream is 'output'": a statement without
 *   `INTO` writes to an output named `output`;
 * - "UNION": the statements a `UNION` combines are one statement, with one `INTO`.
 */

/** A name as the query uses it, with where (1-based line and column in the query text). */
export interface QueryName {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/** An output a statement writes; `implicit` when the statement has no `INTO` (it writes `output`). */
export interface QueryOutput extends QueryName {
  readonly implicit: boolean;
}

/** Something about the query text that Stream Analytics would refuse, where it is (as the tokenizer reports its own). */
export type QueryProblem = LexicalProblem;

export interface QueryAnalysis {
  /** `WITH` steps, in the order the query defines them. */
  readonly steps: readonly QueryName[];
  /** Every use of a name in `FROM` or `JOIN` that is not a step: the query's inputs. */
  readonly inputs: readonly QueryName[];
  /** Every `INTO` target, and the `output` a statement without `INTO` writes. */
  readonly outputs: readonly QueryOutput[];
  /** Functions the query calls, upper-cased (`HOPPINGWINDOW`, `LAG`, `DATEDIFF`). */
  readonly functions: ReadonlySet<string>;
  /** Clauses the query uses, upper-cased (`TIMESTAMP BY`, `PARTITION BY`, `MATCH_RECOGNIZE`). */
  readonly clauses: ReadonlySet<string>;
  readonly problems: readonly QueryProblem[];
}

/** The name a statement without `INTO` writes to ("INTO": the default output stream). */
export const defaultOutputName = "output";

/** Words that end a `JOIN ... ON` condition or cannot be a name after `FROM`, `JOIN` or `INTO`. */
const keywords = new Set(
  [
    "SELECT",
    "FROM",
    "WHERE",
    "GROUP",
    "BY",
    "HAVING",
    "JOIN",
    "ON",
    "INTO",
    "WITH",
    "UNION",
    "AS",
    "TIMESTAMP",
    "PARTITION",
    "LEFT",
    "RIGHT",
    "FULL",
    "INNER",
    "OUTER",
    "CROSS",
    "APPLY",
    "ORDER",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "AND",
    "OR",
    "NOT",
    "IS",
    "NULL",
    "BETWEEN",
    "LIKE",
    "IN",
    "MATCH_RECOGNIZE",
    "LIMIT",
    "OVER",
    "DISTINCT",
    "TOP",
    "ALL",
  ].map((word) => word.toUpperCase()),
);

/** Parts of `MATCH_RECOGNIZE` written like calls (`PATTERN (A B+)`), which are not functions. */
const clauseWords = new Set(["PATTERN", "MEASURES", "DEFINE"]);

/** The words that start the next clause after a `JOIN`'s condition. */
const afterJoinCondition = new Set([
  "WHERE",
  "GROUP",
  "HAVING",
  "JOIN",
  "LEFT",
  "RIGHT",
  "FULL",
  "INNER",
  "CROSS",
  "OUTER",
  "UNION",
  "SELECT",
  "INTO",
  "ORDER",
]);

const upper = (token: QueryToken | undefined): string =>
  token?.kind === "word" ? token.text.toUpperCase() : "";
const isSymbol = (token: QueryToken | undefined, symbol: string): boolean =>
  token?.kind === "symbol" && token.text === symbol;
const isName = (token: QueryToken | undefined): token is QueryToken =>
  token !== undefined && (token.kind === "name" || (token.kind === "word" && !keywords.has(upper(token))));
const nameOf = (token: QueryToken): QueryName => ({
  name: token.text,
  line: token.line,
  column: token.column,
});
const at = (token: QueryToken | undefined, last: QueryToken | undefined): Omit<QueryProblem, "message"> => {
  const found = token ?? last;
  return found ? { line: found.line, column: found.column } : { line: 1, column: 1 };
};

/** The paren depth before each token, and for each `(` the index of its `)` (or -1 when unclosed). */
function depths(tokens: readonly QueryToken[]): { depth: number[]; closing: Map<number, number> } {
  const depth: number[] = [];
  const closing = new Map<number, number>();
  const open: number[] = [];
  tokens.forEach((token, i) => {
    depth.push(open.length);
    if (isSymbol(token, "(")) open.push(i);
    else if (isSymbol(token, ")")) {
      const start = open.pop();
      if (start !== undefined) closing.set(start, i);
    }
  });
  for (const start of open) closing.set(start, -1);
  return { depth, closing };
}

interface Prelude {
  readonly steps: QueryName[];
  /** Index of the first token after the `WITH` steps. */
  readonly end: number;
  readonly problems: QueryProblem[];
}

/** `WITH a AS (...), b AS (...)` at the start of the query. */
function readSteps(tokens: readonly QueryToken[], closing: ReadonlyMap<number, number>): Prelude {
  const steps: QueryName[] = [];
  const problems: QueryProblem[] = [];
  if (upper(tokens[0]) !== "WITH") return { steps, end: 0, problems };
  let i = 1;
  for (;;) {
    const name = tokens[i];
    const open = i + 2;
    if (!isName(name) || upper(tokens[i + 1]) !== "AS" || !isSymbol(tokens[open], "(")) {
      problems.push({
        ...at(name, tokens[i - 1]),
        message: "WITH must be followed by <step> AS ( SELECT ... ), with a comma before each further step",
      });
      return { steps, end: i, problems };
    }
    steps.push(nameOf(name));
    const close = closing.get(open) ?? -1;
    if (close === -1) {
      problems.push({ ...at(tokens[open], name), message: `step ${name.text}'s ( is never closed` });
      return { steps, end: tokens.length, problems };
    }
    if (!isSymbol(tokens[close + 1], ",")) return { steps, end: close + 1, problems };
    i = close + 2;
  }
}

/** Whether the `ON` condition of the `JOIN` at `join` calls `DATEDIFF` (undefined: there is no `ON`). */
function joinBoundsTime(
  tokens: readonly QueryToken[],
  depth: readonly number[],
  join: number,
): boolean | undefined {
  const level = depth[join];
  let on = -1;
  for (let i = join + 1; i < tokens.length && depth[i] >= level; i++) {
    if (depth[i] === level && upper(tokens[i]) === "ON") {
      on = i;
      break;
    }
    if (depth[i] === level && afterJoinCondition.has(upper(tokens[i]))) return undefined;
  }
  if (on === -1) return undefined;
  for (let i = on + 1; i < tokens.length && depth[i] >= level; i++) {
    if (depth[i] === level && afterJoinCondition.has(upper(tokens[i]))) break;
    if (depth[i] === level && isSymbol(tokens[i], ")")) break;
    if (upper(tokens[i]) === "DATEDIFF") return true;
  }
  return false;
}

/** Reads `text` as a Stream Analytics query: its steps, inputs, outputs and what it would be refused for. */
export function analyzeQuery(text: string): QueryAnalysis {
  const { tokens, problems: lexical } = tokenizeQuery(text);
  const problems: QueryProblem[] = [...lexical];
  const { depth, closing } = depths(tokens);
  const prelude = readSteps(tokens, closing);
  problems.push(...prelude.problems);
  const stepNames = new Set(prelude.steps.map((step) => step.name.toLowerCase()));
  const inputs: QueryName[] = [];
  const outputs: QueryOutput[] = [];
  const functions = new Set<string>();
  const clauses = new Set<string>();
  const last = tokens[tokens.length - 1];

  /** The statement being read (its first `SELECT`) and whether it has written an `INTO` yet. */
  let statement: { start: QueryToken; into: boolean } | undefined;
  const closeStatement = (): void => {
    if (statement && !statement.into) {
      outputs.push({ ...nameOf(statement.start), name: defaultOutputName, implicit: true });
    }
    statement = undefined;
  };

  tokens.forEach((token, i) => {
    const word = upper(token);
    const next = tokens[i + 1];
    if (token.kind === "word" && isSymbol(next, "(") && !keywords.has(word) && !clauseWords.has(word)) {
      functions.add(word);
    }
    if ((word === "TIMESTAMP" || word === "PARTITION" || word === "GROUP") && upper(next) === "BY") {
      clauses.add(`${word} BY`);
    }
    if (word === "MATCH_RECOGNIZE") clauses.add(word);
    const topLevel = i >= prelude.end && depth[i] === 0;
    if (topLevel && word === "SELECT") {
      const previous = upper(tokens[i - 1]);
      const unionAll = previous === "ALL" && upper(tokens[i - 2]) === "UNION";
      if (previous !== "UNION" && !unionAll) {
        closeStatement();
        statement = { start: token, into: false };
      }
    }
    if (word === "FROM" || word === "JOIN") {
      if (isSymbol(next, "(")) return;
      if (!isName(next) || isSymbol(tokens[i + 2], "(")) {
        problems.push({ ...at(next, token), message: `${word} must be followed by an input or step name` });
        return;
      }
      if (!stepNames.has(next.text.toLowerCase())) inputs.push(nameOf(next));
      if (word === "JOIN" && joinBoundsTime(tokens, depth, i) === false) {
        problems.push({
          line: token.line,
          column: token.column,
          message: `the JOIN of ${next.text} bounds no time: a join of streams needs DATEDIFF in its ON clause (e.g. ON DATEDIFF(minute, a, b) BETWEEN 0 AND 5)`,
        });
      }
    }
    if (word === "INTO") {
      // `PARTITION BY <key> INTO <shard count>` names a number of shards, not an output
      // (Stream Analytics Query Language, "INTO (Shard Count)").
      if (next?.kind === "number") return;
      if (!isName(next)) {
        problems.push({ ...at(next, token), message: "INTO must be followed by an output name" });
        return;
      }
      outputs.push({ ...nameOf(next), implicit: false });
      if (statement && depth[i] === 0) statement.into = true;
    }
  });
  closeStatement();
  if (tokens.length > 0 && tokens.slice(prelude.end).every((t) => upper(t) !== "SELECT")) {
    problems.push({ ...at(tokens[prelude.end], last), message: "the query has no SELECT statement" });
  }
  if (tokens.length === 0 && lexical.length === 0) {
    problems.push({ line: 1, column: 1, message: "the query is empty" });
  }
  // Past an unterminated string or name the rest of the text is swallowed: its other problems would be noise.
  const reported = lexical.length > 0 ? lexical : problems;
  return { steps: prelude.steps, inputs, outputs, functions, clauses, problems: reported };
}
