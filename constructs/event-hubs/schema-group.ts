import type { Construct } from "constructs";
import { EventhubNamespaceSchemaGroup } from "@cdktf/provider-azurerm/lib/eventhub-namespace-schema-group";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import { Grantable, type GrantScope } from "../shared/grantable";
import type { Grantee } from "../shared/role-assignments";
import { known, validateWith } from "../shared/validation";
import { namespaceSchemaGroups, type EventHubsNamespace } from "./namespace";
import { schemaRegistryRoles } from "../../azure/event-hubs";
import { nameProblemsOf } from "../../azure/name-rules";

export type SchemaCompatibility = "None" | "Backward" | "Forward";

export interface SchemaGroupProps {
  readonly namespace: EventHubsNamespace;
  /** Name of the schema group inside the namespace's schema registry. */
  readonly name: string;
  /** Which schema changes the registry accepts: `Backward` lets new readers read old events, `Forward` the reverse. */
  readonly compatibility: SchemaCompatibility;
  /**
   * Serialization format of the group's schemas (azurerm 4.55 accepts `Avro` and `Json`).
   * @default - `Avro`, the format Event Hubs' schema registry serializers use
   */
  readonly type?: "Avro" | "Json";
}

/**
 * A schema group in the namespace's schema registry (Standard and above: the namespace counts its
 * groups against its tier).
 */
export class SchemaGroup extends Grantable<"read" | "write"> {
  readonly id: string;
  readonly name: string;
  readonly namespace: EventHubsNamespace;
  readonly resource: EventhubNamespaceSchemaGroup;
  protected readonly grantRoles = {
    read: { role: schemaRegistryRoles.read, idPrefix: "read-schemas" },
    write: { role: schemaRegistryRoles.write, idPrefix: "write-schemas" },
  };

  constructor(scope: Construct, id: string, props: SchemaGroupProps) {
    super(scope, id);
    namespaceSchemaGroups.add(props.namespace, props.name);
    validateWith(this, `schema group ${props.namespace.label}/${props.name}`, () => {
      const name = known(props.name);
      return name === undefined ? [] : nameProblemsOf("schemaGroup", name);
    });
    this.name = props.name;
    this.namespace = props.namespace;
    this.resource = new EventhubNamespaceSchemaGroup(this, "schema-group", {
      name: props.name,
      namespaceId: props.namespace.id,
      schemaCompatibility: props.compatibility,
      schemaType: props.type ?? "Avro",
    });
    this.id = this.resource.id;
  }

  /** Lets `grantee` read schemas of this group (Schema Registry Reader on the group). */
  grantRead(grantee: Grantee): RoleAssignment {
    return this.grant("read", grantee);
  }

  /** Lets `grantee` register and read schemas of this group (Schema Registry Contributor on the group). */
  grantWrite(grantee: Grantee): RoleAssignment {
    return this.grant("write", grantee);
  }

  protected grantScope(): GrantScope {
    return { id: this.resource.id, label: `${this.namespace.label}/schemas/${this.name}` };
  }
}
