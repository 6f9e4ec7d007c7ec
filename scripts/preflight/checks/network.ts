/**
 * The network the environment's private endpoints and integrated workloads use, which the stack
 * does not create. Facts: a private endpoint must be in the same region as its virtual network
 * ("Private endpoint properties", learn.microsoft.com/azure/private-link/private-endpoint-overview);
 * App Service VNet integration, which Logic Apps Standard uses, needs a subnet delegated to
 * `Microsoft.Web/serverFarms` ("Integrate your app with an Azure virtual network",
 * learn.microsoft.com/azure/app-service/overview-vnet-integration); a private DNS zone answers a
 * virtual network only through a virtual network link ("What is an Azure Private DNS zone?").
 */
import { apiVersionOf } from "../../../azure/arm-api-versions";
import type { CheckFamily, Guard, PreflightContext } from "../context";
import { fail, nameOf, parentOf, pass, sameId, sameLocation, type Finding } from "../findings";

const integrationDelegation = "Microsoft.Web/serverFarms";

interface Delegation {
  readonly properties?: { readonly serviceName?: string };
}

async function privateEndpointSubnet(
  ctx: PreflightContext,
  guard: Guard,
  subnetId: string,
): Promise<Finding> {
  const vnetId = parentOf(subnetId);
  const check = `private-endpoint subnet ${nameOf(subnetId)} exists in virtual network ${nameOf(vnetId)} in ${ctx.model.location}`;
  return guard(check, async () => {
    const subnet = await ctx.arm.get(subnetId);
    if (!subnet) {
      return fail(
        check,
        `no subnet ${subnetId}`,
        `create it (az network vnet subnet create --ids …) or correct network.privateEndpointSubnetId in ${ctx.model.file}`,
      );
    }
    const vnet = await ctx.arm.get(vnetId);
    if (vnet?.location && !sameLocation(vnet.location, ctx.model.location)) {
      return fail(
        check,
        `virtual network ${nameOf(vnetId)} is in ${vnet.location}, the environment in ${ctx.model.location}: a private endpoint must be in its network's region`,
        `use a subnet of a virtual network in ${ctx.model.location} for network.privateEndpointSubnetId`,
      );
    }
    return pass(check);
  });
}

async function integrationSubnet(ctx: PreflightContext, guard: Guard, subnetId: string): Promise<Finding> {
  const check = `integration subnet ${nameOf(subnetId)} is delegated to ${integrationDelegation}`;
  return guard(check, async () => {
    const subnet = await ctx.arm.get(subnetId);
    if (!subnet) {
      return fail(
        check,
        `no subnet ${subnetId}`,
        `create it, or correct network.integrationSubnetId in ${ctx.model.file}`,
      );
    }
    const delegations = (subnet.properties?.delegations ?? []) as readonly Delegation[];
    const services = delegations.flatMap((d) =>
      d.properties?.serviceName ? [d.properties.serviceName] : [],
    );
    if (services.some((s) => s.toLowerCase() === integrationDelegation.toLowerCase())) return pass(check);
    return fail(
      check,
      services.length === 0
        ? "the subnet has no delegation"
        : `the subnet is delegated to ${services.join(", ")}`,
      `az network vnet subnet update --ids ${subnetId} --delegations ${integrationDelegation}`,
    );
  });
}

interface VirtualNetworkLink {
  readonly properties?: { readonly virtualNetwork?: { readonly id?: string } };
}

async function dnsZone(
  ctx: PreflightContext,
  guard: Guard,
  zoneId: string,
  vnetId: string,
): Promise<Finding> {
  const zone = nameOf(zoneId);
  const check = `private DNS zone ${zone} exists and is linked to virtual network ${nameOf(vnetId)}`;
  return guard(check, async () => {
    if (!(await ctx.arm.get(zoneId))) {
      return fail(
        check,
        `no zone ${zoneId}`,
        `az network private-dns zone create --resource-group ${resourceGroupOf(zoneId)} --name ${zone}`,
      );
    }
    const linkType = "Microsoft.Network/privateDnsZones/virtualNetworkLinks";
    const links = (await ctx.arm.list(
      `${zoneId}/virtualNetworkLinks`,
      apiVersionOf(linkType) ?? "",
    )) as VirtualNetworkLink[];
    if (links.some((link) => sameId(link.properties?.virtualNetwork?.id ?? "", vnetId))) return pass(check);
    return fail(
      check,
      `the zone answers ${links.length === 0 ? "no virtual network" : `${links.length} other virtual network(s)`}, so names in it do not resolve to the private endpoints from ${nameOf(vnetId)}`,
      `az network private-dns link vnet create --resource-group ${resourceGroupOf(zoneId)} --zone-name ${zone} --name ${nameOf(vnetId)}-link --virtual-network ${vnetId} --registration-enabled false`,
    );
  });
}

function resourceGroupOf(id: string): string {
  const parts = id.split("/");
  const at = parts.findIndex((p) => p.toLowerCase() === "resourcegroups");
  return at >= 0 ? parts[at + 1] : "";
}

export const network: CheckFamily = {
  what: "network",
  run: async (ctx, guard) => {
    const network = ctx.model.network;
    if (!network) return [];
    const findings = [await privateEndpointSubnet(ctx, guard, network.privateEndpointSubnetId)];
    if (network.integrationSubnetId)
      findings.push(await integrationSubnet(ctx, guard, network.integrationSubnetId));
    const vnetId = parentOf(network.privateEndpointSubnetId);
    const zones = new Map<string, string>();
    for (const id of Object.values(network.privateDnsZoneIds ?? {})) {
      if (id && !zones.has(id.toLowerCase())) zones.set(id.toLowerCase(), id);
    }
    for (const zoneId of zones.values()) findings.push(await dnsZone(ctx, guard, zoneId, vnetId));
    return findings;
  },
};
