import { DistinctIds, withTag } from "../../constructs/shared/distinct-ids";
import type { Grantee } from "../../constructs/shared/role-assignments";
import type { EnvironmentModel, Principal } from "../../model/model";
import { mqttRouteTopicOf } from "../../model/resource-names";

/**
 * The grantee names the constructs give the managed identities of what the file declares (an
 * Event Grid topic's `evgt-<name>`, an IoT hub's `iot-hub-<Azure name>`, ...), as each construct
 * builds them. test/stacks/grantee-names.test.ts keeps this list in step with the constructs.
 */
export function identityNames(model: EnvironmentModel): string[] {
  const { topics, systemTopics, namespaces } = model.eventGrid;
  return [
    ...topics.map((topic) => `evgt-${topic.name}`),
    ...namespaces
      .filter((ns) => ns.mqtt?.routeTo)
      .map((ns) => `evgt-${mqttRouteTopicOf(model.generatedNames, ns.name)}`),
    ...systemTopics.map((topic) => `egst-${topic.name}`),
    ...namespaces.map((ns) => `evgns-${ns.name}`),
    ...model.iotHub.flatMap((hub) => [
      `iot-hub-${hub.azureName}`,
      ...(hub.deviceProvisioning ? [`dps-${hub.deviceProvisioning.azureName}`] : []),
    ]),
    ...model.eventHubs.map((ns) => `${ns.name}-capture`),
  ];
}

/**
 * The grantee name of each principal of the file. A role assignment's Azure name is a UUID of its
 * scope, role and grantee name, and a grant that comes out with the name of one already made is
 * taken for it (`grantRole`); so a principal named like a resource's identity (`evgt-orders`
 * beside topic `orders`) would silently leave that identity without its role. Such a principal
 * takes a tag; every other keeps its own name, and its assignments their names.
 */
export class GranteeNames {
  private readonly ids: DistinctIds;

  constructor(model: EnvironmentModel) {
    this.ids = new DistinctIds(
      [...model.principals.values()].map((principal) => ({
        parts: ["principal", principal.name],
        ids: (tag?: string) => [withTag(principal.name, tag)],
      })),
      { reserved: identityNames(model) },
    );
  }

  /** What grants to `principal` are made out to. */
  grantee(principal: Principal): Grantee {
    return {
      name: this.ids.one(["principal", principal.name]),
      principalId: principal.objectId,
      principalType: principal.type,
    };
  }
}
