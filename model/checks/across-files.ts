import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics";
import { pointerToPath } from "../diagnostics";
import type { EnvironmentModel } from "../model";
import { walkEnvironment, type WalkedResource } from "../walk";
import { collisionMessage, collisions } from "./collisions";
import { deployOrderDiagnostics } from "./deploy-order-across-files";

/** Environments of one folder: the stacks of one app, deployed side by side. */
function byFolder(models: readonly EnvironmentModel[]): EnvironmentModel[][] {
  const folders = new Map<string, EnvironmentModel[]>();
  for (const model of models) {
    const folder = dirname(resolve(model.file));
    folders.set(folder, [...(folders.get(folder) ?? []), model]);
  }
  return [...folders.values()];
}

/** The stack name is the environment's name: two files with one name would write one stack. */
function environmentNames(models: readonly EnvironmentModel[]): Diagnostic[] {
  const first = new Map<string, EnvironmentModel>();
  const found: Diagnostic[] = [];
  for (const model of models) {
    const other = first.get(model.name);
    if (!other) {
      first.set(model.name, model);
      continue;
    }
    found.push({
      file: model.file,
      line: 1,
      column: 1,
      path: "name",
      message: `environment name "${model.name}" is also used by ${other.file}; stack names must be unique`,
    });
  }
  return found;
}

const at = (resource: WalkedResource): string => `${resource.source.file}:${resource.source.line}`;

/**
 * Names that are host names (namespaces, hubs, storage accounts, ...) are unique across all of
 * Azure, so two environments of one folder, deployed side by side, must not share one. Each
 * side is reported in its own file, naming the other file and line.
 */
function globalNames(models: readonly EnvironmentModel[]): Diagnostic[] {
  const resources = models.flatMap((model) =>
    walkEnvironment(model).filter((resource) => resource.scope.level === "dns"),
  );
  const found: Diagnostic[] = [];
  for (const group of collisions(resources)) {
    const files = new Set(group.map((resource) => resource.source.file));
    if (files.size < 2) continue;
    for (const resource of group) {
      const others = group.filter((other) => other.source.file !== resource.source.file);
      const { file, line, column, pointer } = resource.source;
      found.push({
        file,
        line,
        column,
        path: pointerToPath(pointer),
        message: collisionMessage(resource, others, at),
      });
    }
  }
  return found;
}

/**
 * What only shows with every environment file of a folder at hand: two files with one
 * environment name, Azure names that must be unique across Azure used by two files, and a deploy
 * order (`deploy.after`) that names no environment or goes round in a circle.
 */
export function checkAcrossFiles(models: readonly EnvironmentModel[]): Diagnostic[] {
  return byFolder(models).flatMap((folder) => [
    ...environmentNames(folder),
    ...globalNames(folder),
    ...deployOrderDiagnostics(folder),
  ]);
}
