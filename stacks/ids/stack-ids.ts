import type { EnvironmentModel } from "../../model/model";
import { BrokerChildren } from "./broker-children";
import { GranteeNames } from "./grantee-names";
import { OutputNames } from "./output-names";
import { StackChildren } from "./stack-children";

/**
 * Every identifier the stack derives from names in the environment file, decided once, up front,
 * over the whole file: construct IDs of the stack's children and of each MQTT broker's, Terraform
 * output names, and the names grants are made out to. Each keeps its usual form unless another
 * identifier of its set would be equal; then it takes a short tag (`constructs/shared/distinct-ids.ts`).
 */
export class StackIds {
  readonly outputs: OutputNames;
  readonly children: StackChildren;
  readonly grantees: GranteeNames;
  private readonly brokers = new Map<string, BrokerChildren>();
  private readonly model: EnvironmentModel;

  constructor(model: EnvironmentModel) {
    this.model = model;
    this.outputs = new OutputNames(model);
    this.children = new StackChildren(model, this.outputs.all);
    this.grantees = new GranteeNames(model);
  }

  /** Construct IDs inside the Event Grid namespace with this name. */
  broker(namespaceName: string): BrokerChildren {
    let found = this.brokers.get(namespaceName);
    if (!found) {
      const namespace = this.model.eventGrid.namespaces.find((ns) => ns.name === namespaceName);
      if (!namespace) throw new Error(`internal: Event Grid namespace ${namespaceName} is not declared`);
      found = new BrokerChildren(namespace, this.model);
      this.brokers.set(namespaceName, found);
    }
    return found;
  }
}
