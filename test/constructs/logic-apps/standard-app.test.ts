import { StandardLogicApp, type StandardLogicAppProps } from "../../../constructs/logic-apps";
import { validationErrors } from "../synthesized";

const subnet = (name: string): string =>
  `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/${name}`;

const closed: StandardLogicAppProps = {
  name: "logic-contoso-queue-reader-dev",
  label: "queue-reader",
  location: "westeurope",
  resourceGroupName: "rg-contoso-dev",
  planName: "asp-contoso-queue-reader-dev",
  storageAccountName: "stcontosoqueuereaderdev",
  contentShareName: "logic-contoso-queue-reader-dev-content",
  workflows: [],
  connections: {},
  publicNetworkAccess: false,
  privateEndpoint: { name: "pep-queue-reader", subnetId: subnet("pe") },
};

describe("a Standard logic app closed to public traffic", () => {
  it("is refused at synthesis without VNet integration, which it needs to reach its private storage", () => {
    const errors = validationErrors((stack) => new StandardLogicApp(stack, "app", closed));
    expect(errors).toEqual([
      expect.stringMatching(
        /^Standard logic app queue-reader: publicNetworkAccess: .*add network\.integrationSubnetId/,
      ),
    ]);
  });

  it("synthesizes with both subnets", () => {
    const errors = validationErrors(
      (stack) =>
        new StandardLogicApp(stack, "app", { ...closed, integrationSubnetId: subnet("integration") }),
    );
    expect(errors).toEqual([]);
  });
});
