import type { RelayNamespace } from "../../../model/model";
import { compareResource, reconcileChildren } from "../compare";
import type { CheckResult } from "../results";
import { getOrMissing, listAll, type VerifyContext } from "../verify-context";

export async function verifyRelayNamespace(ns: RelayNamespace, ctx: VerifyContext): Promise<CheckResult[]> {
  const label = `relay/${ns.name}`;
  ctx.progress(`checking ${label} (${ns.azureName})`);
  const client = ctx.clients.relay;
  const actual = await getOrMissing(ctx, (o) => client.namespaces.get(ctx.resourceGroup, ns.azureName, o));
  if (!actual) return [{ status: "missing", resource: label }];
  const results = compareResource(label, { sku: ns.sku }, { sku: actual.sku?.name });
  const connections = await listAll(ctx, (o) =>
    client.hybridConnections.listByNamespace(ctx.resourceGroup, ns.azureName, o),
  );
  const byName = new Map(connections.map((c) => [(c.name ?? "").toLowerCase(), c]));
  results.push(
    ...reconcileChildren(
      label,
      "hybridConnections",
      ns.hybridConnections.map((c) => c.name),
      connections.map((c) => c.name ?? ""),
    ).results,
  );
  for (const connection of ns.hybridConnections) {
    const found = byName.get(connection.name.toLowerCase());
    if (!found) continue;
    results.push(
      ...compareResource(
        `${label}/hybridConnections/${connection.name}`,
        { requiresClientAuthorization: connection.requiresClientAuthorization },
        { requiresClientAuthorization: found.requiresClientAuthorization },
      ),
    );
  }
  return results;
}
