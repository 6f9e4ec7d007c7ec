import { Construct } from "constructs";
import { EventhubNamespaceSchemaGroup } from "@cdktf/provider-azurerm/lib/eventhub-namespace-schema-group";
import type { RoleAssignment } from "@cdktf/provider-azurerm/lib/role-assignment";
import {
  BuiltInRole,
  grantId,
  grantRole,
  type BuiltInRoleName,
  type Grantee,
} from "../shared/role-assignments";
import type { EventHubsNamespace } from "./namespace";

export type SchemaCompatibility = "None" | "Backward" | "Forward";

export interface SchemaGroupProps {
  readonly namespace: EventHubsNamespace;
  /** Name of the schema group inside the namespace's schema registry. */
  readonly name: string;
  /** Which schema changes the registry accepts: `Backward` lets new readers read old events, `Forward` the reverse. */
  readonly compatibility: SchemaCompatibility;
  /**
   * Serialization format of the group's schemas.
   * @default - `Avro`, the format Event Hubs' schema registry serializers use
   */
  readonly type?: "Avro";
}

/** Azure Event Hubs quotas: "Maximum length of a schema group name: 50". */
const maxNameLength = 50;

/** A schema group in the namespace's schema registry (Standard and above). */
export class SchemaGroup extends Construct {
  readonly id: string;
  readonly name: string;
  readonly namespace: EventHubsNamespace;
  readonly resource: EventhubNamespaceSchemaGroup;

  constructor(scope: Construct, id: string, props: SchemaGroupProps) {
    super(scope, id);
    const where = `schema group ${props.namespace.logicalName}/${props.name}`;
    if (props.namespace.limits.maxSchemaGroups === 0) {
      throw new Error(
        `${where}: the schema registry needs Standard or above, got ${props.namespace.limits.tier}`,
      );
    }
    if (props.name.length < 1 || props.name.length > maxNameLength) {
      throw new Error(`${where}: name must be 1-${maxNameLength} characters, got ${props.name.length}`);
    }
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
    return this.grant("read-schemas", BuiltInRole.schemaRegistryReader, grantee);
  }

  /** Lets `grantee` register and read schemas of this group (Schema Registry Contributor on the group). */
  grantWrite(grantee: Grantee): RoleAssignment {
    return this.grant("write-schemas", BuiltInRole.schemaRegistryContributor, grantee);
  }

  private grant(action: string, role: BuiltInRoleName, grantee: Grantee): RoleAssignment {
    return grantRole(this, grantId(action, grantee), {
      scopeId: this.resource.id,
      scopeLabel: `${this.namespace.logicalName}/schemas/${this.name}`,
      role,
      grantee,
    });
  }
}
