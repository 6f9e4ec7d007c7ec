import { TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { ServiceBusNamespace, type ServiceBusNamespaceProps } from "../../../constructs/service-bus";

export { synth, resourcesOf, onlyResource, type Synthesized } from "../synthesized";

/**
 * What the constructs `build` adds would have refused at synthesis: every construct validation's
 * messages. The bare test stack's own complaint (it declares no provider) is not theirs.
 */
export function validationErrors(build: (scope: Construct) => void): string[] {
  const stack = new TerraformStack(Testing.app(), "test");
  build(stack);
  return stack.node
    .findAll()
    .filter((construct) => construct !== stack)
    .flatMap((construct) => construct.node.validate());
}

export const namespaceProps: ServiceBusNamespaceProps = {
  name: "sbns-contoso-orders-test",
  label: "orders",
  resourceGroupName: "rg-test",
  location: "westeurope",
  sku: "Standard",
};

export function namespace(
  scope: Construct,
  overrides: Partial<ServiceBusNamespaceProps> = {},
): ServiceBusNamespace {
  return new ServiceBusNamespace(scope, "ns", { ...namespaceProps, ...overrides });
}

export const ordersApi = {
  name: "orders-api",
  principalId: "11111111-1111-1111-1111-111111111111",
  principalType: "ServicePrincipal",
} as const;
