/**
 * Checks that need every environment of a folder at once (today: the deploy order). Files given
 * together are checked with their models; other environment files in the same folders take part
 * by name and `deploy.after` only, so `validate environments/prod.yaml` knows that `dev` exists
 * without reporting dev.yaml's own problems.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics";
import { checkDeployOrder, deployNodeOf, type DeployNode } from "../deploy-order";
import { environmentFilesIn } from "../environment-files";
import { parseEnvironmentText } from "../parse";
import type { EnvironmentModel } from "../model";

function namesOnly(value: unknown): readonly string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * A file's name and `deploy.after`, read with the project's parser but without validation (the
 * file's own problems are its own run's to report); undefined when it has no name.
 */
function leniently(file: string): DeployNode | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const data: unknown = parseEnvironmentText(text, file).document?.data;
  if (typeof data !== "object" || data === null) return undefined;
  const { name, deploy } = data as { name?: unknown; deploy?: { after?: unknown } };
  if (typeof name !== "string") return undefined;
  const after = typeof deploy === "object" && deploy !== null ? deploy.after : undefined;
  return { name, file, after: namesOnly(after).map((environment) => ({ environment })) };
}

/** The other environment files in the folders of `models`, read by name and order only. */
function siblingsOf(models: readonly EnvironmentModel[]): DeployNode[] {
  const given = new Set(models.map((m) => resolve(m.file)));
  const folders = [...new Set(models.map((m) => dirname(m.file)))];
  return folders.flatMap((folder) =>
    environmentFilesIn(folder)
      .filter((file) => !given.has(resolve(file)))
      .flatMap((file) => leniently(file) ?? []),
  );
}

/** The deploy order's problems across the files of `models` (reported only in those files). */
export function deployOrderDiagnostics(models: readonly EnvironmentModel[]): Diagnostic[] {
  // Only an `after:` entry can be wrong, so a folder nobody orders costs no extra reading.
  if (models.every((m) => m.deploy.after.length === 0)) return [];
  return checkDeployOrder([...models.map(deployNodeOf), ...siblingsOf(models)]);
}
