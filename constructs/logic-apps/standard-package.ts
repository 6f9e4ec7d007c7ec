import type { ServiceProviderConnection } from "../../azure/logic-apps";

/** One workflow of a Standard app: its folder name and its file's text, deployed as written. */
export interface PackagedWorkflow {
  readonly name: string;
  readonly text: string;
}

/**
 * The runtime's `host.json`: the Workflows extension bundle that holds the built-in Service Bus
 * and Event Hubs operations ("Create Standard logic app workflows with Visual Studio Code":
 * `Microsoft.Azure.Functions.ExtensionBundle.Workflows`, version range `[1.*, 2.0.0)`).
 */
const hostJson = {
  version: "2.0",
  extensionBundle: { id: "Microsoft.Azure.Functions.ExtensionBundle.Workflows", version: "[1.*, 2.0.0)" },
};

/** The files of a Standard app's content, by path inside the package. */
export function standardPackageFiles(
  workflows: readonly PackagedWorkflow[],
  connections: Readonly<Record<string, ServiceProviderConnection>>,
): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  files.set("host.json", `${JSON.stringify(hostJson, null, 2)}\n`);
  files.set("connections.json", `${JSON.stringify({ serviceProviderConnections: connections }, null, 2)}\n`);
  for (const workflow of workflows) files.set(`${workflow.name}/workflow.json`, workflow.text);
  return files;
}
