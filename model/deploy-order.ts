/**
 * The promotion order of a folder of environments, from each file's `deploy.after`. It is a
 * property of the folder, not of one file: a name in `after:` must be another file's `name`, and
 * the "deploys after" relation must have no cycle. The workflows deploy in the order this returns.
 */
import type { Diagnostic } from "./diagnostics";
import { pointerToPath } from "./diagnostics";
import { didYouMean } from "./did-you-mean";
import type { EnvironmentModel, SourceLocation } from "./model";

/** One environment as the deploy order sees it. */
export interface DeployNode {
  readonly name: string;
  readonly file: string;
  readonly after: readonly {
    readonly environment: string;
    /** Where the file names it; absent for files read only for their names (never reported on). */
    readonly source?: SourceLocation;
  }[];
}

export function deployNodeOf(model: EnvironmentModel): DeployNode {
  return { name: model.name, file: model.file, after: model.deploy.after };
}

function at(source: SourceLocation, message: string): Diagnostic {
  return {
    file: source.file,
    line: source.line,
    column: source.column,
    path: pointerToPath(source.pointer),
    message,
  };
}

/** Names that other files in the folder declare, for `after:` entries that name none of them. */
function unknownPredecessors(nodes: readonly DeployNode[], known: ReadonlySet<string>): Diagnostic[] {
  const names = [...known].sort();
  const problems: Diagnostic[] = [];
  for (const node of nodes) {
    for (const { environment, source } of node.after) {
      if (known.has(environment) || !source) continue;
      const guess = didYouMean(environment, names);
      const listed = names.filter((n) => n !== node.name);
      problems.push(
        at(
          source,
          `no environment named "${environment}" to deploy after` +
            (guess ? `; did you mean "${guess}"?` : "") +
            (listed.length > 0
              ? ` (environments in this folder: ${listed.join(", ")})`
              : " (no other environment file in this folder)"),
        ),
      );
    }
  }
  return problems;
}

/**
 * Strongly connected components with more than one member (Tarjan): each is a set of environments
 * that wait for one another, so none of them could ever deploy.
 */
function cycles(nodes: ReadonlyMap<string, DeployNode>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  const visit = (name: string): void => {
    index.set(name, counter);
    low.set(name, counter);
    counter++;
    stack.push(name);
    onStack.add(name);
    for (const { environment } of nodes.get(name)?.after ?? []) {
      if (environment === name || !nodes.has(environment)) continue;
      if (!index.has(environment)) {
        visit(environment);
        low.set(name, Math.min(low.get(name) ?? 0, low.get(environment) ?? 0));
      } else if (onStack.has(environment)) {
        low.set(name, Math.min(low.get(name) ?? 0, index.get(environment) ?? 0));
      }
    }
    if (low.get(name) === index.get(name)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== name);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const name of [...nodes.keys()].sort()) if (!index.has(name)) visit(name);
  return found;
}

/**
 * Every problem of the folder's deploy order, reported at the `after:` entries of `nodes` that have
 * a source: names no file declares, and cycles (each file in a cycle at the entry that closes it).
 * An entry naming its own environment is the single-file check's to report (model/semantic/deploy.ts).
 */
export function checkDeployOrder(nodes: readonly DeployNode[]): Diagnostic[] {
  const byName = new Map<string, DeployNode>();
  for (const node of nodes) if (!byName.has(node.name)) byName.set(node.name, node);
  const problems = unknownPredecessors(nodes, new Set(byName.keys()));
  for (const component of cycles(byName)) {
    const members = new Set(component);
    const loop = `${[...component, component[0]].join(" → ")}`;
    for (const name of component) {
      const node = byName.get(name);
      for (const { environment, source } of node?.after ?? []) {
        if (!members.has(environment) || environment === name || !source) continue;
        problems.push(
          at(
            source,
            `deploy order has a cycle (${loop}): each of these environments waits for another, so none would deploy; remove one of the "after" entries`,
          ),
        );
      }
    }
  }
  return problems;
}

/**
 * The environments in deploy order: each after everything it names, ties (environments that may
 * deploy at the same point) by name, so the order never depends on file listing. Call it only on a
 * folder `checkDeployOrder` accepts.
 */
export function deployOrder<T extends DeployNode>(nodes: readonly T[]): T[] {
  const pending = [...nodes].sort((a, b) => a.name.localeCompare(b.name));
  const done = new Set<string>();
  const names = new Set(nodes.map((n) => n.name));
  const ordered: T[] = [];
  while (pending.length > 0) {
    const next = pending.findIndex((node) =>
      node.after.every(
        ({ environment }) => environment === node.name || !names.has(environment) || done.has(environment),
      ),
    );
    if (next < 0) {
      throw new Error(
        `internal: deploy order of ${pending.map((n) => n.name).join(", ")} has a cycle that validation let through`,
      );
    }
    const [node] = pending.splice(next, 1);
    done.add(node.name);
    ordered.push(node);
  }
  return ordered;
}
