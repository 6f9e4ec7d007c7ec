import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(__dirname, "..", "..");

/**
 * Where the `mermaid` package is, resolved as Node resolves it from the repository root. The
 * package (a devDependency) is the real Mermaid parser: `mermaid.parse` runs the same flowchart
 * grammar and the same limits (500 edges) GitHub's renderer runs.
 */
function mermaidEntry(): string {
  try {
    return createRequire(join(root, "package.json")).resolve("mermaid");
  } catch {
    throw new Error("the mermaid devDependency is not installed: run npm ci");
  }
}

/**
 * Mermaid is ESM-only and jest here is CommonJS, so the parser runs in one child Node process
 * for a whole batch. Mermaid sanitizes labels with DOMPurify, which needs a browser DOM; parsing
 * never draws, so the child swaps in a DOMPurify that returns text unchanged (a module resolve
 * hook answers the bare `dompurify` import). The grammar, the entity decoding and the edge limit
 * are Mermaid's own.
 */
const CHILD = `
import { register } from "node:module";
const purify = "data:text/javascript," + encodeURIComponent(
  "const p = { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, setConfig() {}," +
  " clearConfig() {}, isSupported: true, sanitize: (text) => String(text) }; export default p;");
const hooks = "data:text/javascript," + encodeURIComponent(
  "export async function resolve(specifier, context, next) {" +
  " if (specifier === 'dompurify') return { url: " + JSON.stringify(purify) + ", shortCircuit: true };" +
  " return next(specifier, context); }");
register(hooks);
const { default: mermaid } = await import(process.argv[1]);
let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const text of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(text);
    out.push({ ok: true, type: parsed.diagramType, config: parsed.config ?? {} });
  } catch (error) {
    out.push({ ok: false, error: String(error && error.message ? error.message : error).split("\\n").slice(0, 4).join(" / ") });
  }
}
process.stdout.write(JSON.stringify(out));
`;

export type ParseOutcome =
  { readonly ok: true; readonly type: string } | { readonly ok: false; readonly error: string };

/** Parses each diagram with Mermaid itself; one outcome per diagram, in order. */
export function parseMermaid(diagrams: readonly string[]): ParseOutcome[] {
  const output = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", CHILD, pathToFileURL(mermaidEntry()).href],
    { cwd: root, encoding: "utf8", input: JSON.stringify(diagrams), maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(output) as ParseOutcome[];
}
