import { Construct } from "constructs";
import {
  type ITerraformDependable,
  type IResolvable,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
} from "cdktf";
import { validateAzapiBody, documentedAdditions } from "./azapi-body-check";

/**
 * The azapi provider release every stack pins. Exact, so a new release (with a new embedded
 * schema for `body` validation) never changes a plan unannounced. 2.x takes `body` as an HCL
 * object, not a JSON string (azapi 2.0 upgrade guide, "The body field now only accepts an HCL
 * object"). The release must embed every type@version callers use; test/fixtures/azapi lists what
 * it embeds (scripts/azapi-types.ts regenerates the list from the provider's source).
 */
export const AZAPI_PROVIDER_VERSION = "2.12.0";

const AZAPI_PROVIDER_ID = "azapi";

/** The `azure/azapi` provider with its default configuration (the same credentials as azurerm). */
export class AzapiProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: "azapi",
      terraformGeneratorMetadata: { providerName: "azapi", providerVersion: AZAPI_PROVIDER_VERSION },
      terraformProviderSource: "azure/azapi",
    });
  }
}

/** Adds the azapi provider to `scope`'s stack unless it is there already; returns it. */
export function ensureAzapiProvider(scope: Construct): AzapiProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(AZAPI_PROVIDER_ID);
  if (existing instanceof AzapiProvider) return existing;
  return new AzapiProvider(stack, AZAPI_PROVIDER_ID);
}

/** The `identity` block of an azapi resource. */
export interface AzapiIdentity {
  readonly type: "SystemAssigned" | "UserAssigned" | "SystemAssigned, UserAssigned";
  readonly identityIds?: readonly string[];
}

export function checkAzapiType(type: string): void {
  if (!/^[A-Za-z0-9.]+\/[A-Za-z0-9./]+@\d{4}-\d{2}-\d{2}(-preview)?$/.test(type)) {
    throw new Error(`azapi resource type must be "<Provider>/<type>@<yyyy-mm-dd>[-preview]", got "${type}"`);
  }
}

/**
 * What every azapi resource, action and data source passes to its base class: its Terraform type
 * and the pinned provider (added to the stack on first use), once `armType` is checked.
 */
export function azapiElementConfig(
  scope: Construct,
  terraformResourceType: string,
  armType: string,
): {
  readonly terraformResourceType: string;
  readonly terraformGeneratorMetadata: { readonly providerName: string; readonly providerVersion: string };
  readonly provider: AzapiProvider;
} {
  checkAzapiType(armType);
  return {
    terraformResourceType,
    terraformGeneratorMetadata: { providerName: "azapi", providerVersion: AZAPI_PROVIDER_VERSION },
    provider: ensureAzapiProvider(scope),
  };
}

export interface AzapiResourceProps {
  /** `<resource provider>/<type>@<api-version>`, e.g. `Microsoft.EventGrid/namespaces/topicSpaces@2025-02-15`. */
  readonly type: string;
  readonly name: string;
  /** ARM ID of the parent: the resource group for top-level resources, else the parent resource. */
  readonly parentId: string;
  /** The request body, shaped by the caller's own typed interface for its resource type. */
  readonly body: Record<string, unknown>;
  /**
   * Azure region, for tracked (top-level) resources.
   * @default - none: child (proxy) resources take no location
   */
  readonly location?: string;
  /**
   * Managed identity of the resource.
   * @default - no managed identity
   */
  readonly identity?: AzapiIdentity;
  /**
   * Response paths copied into `output`.
   * @default - azapi's own default: the resource's read-only properties
   */
  readonly responseExportValues?: readonly string[];
  /**
   * Tags, for resource types that take them.
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Resources that must exist first (a parent referenced by name, a role the resource relies on).
   * @default - only the dependencies implied by referenced attributes
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * One Azure resource that azurerm has no binding for, declared through azapi's generic
 * `azapi_resource`. The only place the project writes azapi JSON; callers pass typed bodies.
 */
export class AzapiResource extends TerraformResource {
  static readonly tfResourceType = "azapi_resource";

  private readonly props: AzapiResourceProps;

  constructor(scope: Construct, id: string, props: AzapiResourceProps) {
    super(scope, id, {
      ...azapiElementConfig(scope, AzapiResource.tfResourceType, props.type),
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
    // What azapi checks at plan time, checked here; for a type azapi cannot check, against its
    // schema with the properties Microsoft documents beyond it (azapi-body-check.ts).
    validateAzapiBody(this, props.type, props);
    this.props = props;
  }

  /** ARM ID of the resource. */
  get id(): string {
    return this.getStringAttribute("id");
  }

  /** The exported response values (an object; see `responseExportValues`). */
  get output(): IResolvable {
    return this.interpolationForAttribute("output");
  }

  /** One string in `output`, by its dotted path (e.g. `properties.topicSpacesConfiguration.hostname`). */
  outputString(path: string): string {
    return this.getStringAttribute(`output.${path}`);
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    const props = this.props;
    return {
      type: props.type,
      name: props.name,
      parent_id: props.parentId,
      location: props.location,
      identity: props.identity
        ? {
            type: props.identity.type,
            identity_ids: props.identity.identityIds ? [...props.identity.identityIds] : undefined,
          }
        : undefined,
      body: props.body,
      response_export_values: props.responseExportValues ? [...props.responseExportValues] : undefined,
      // Off only where azapi would refuse a property Microsoft documents (azapi-body-check.ts).
      schema_validation_enabled: !(props.type in documentedAdditions),
      tags: props.tags ? { ...props.tags } : undefined,
    };
  }
}

/** The resource being changed: by its own ARM ID, or by its parent's ID and its name. */
export type AzapiUpdateTarget =
  | { readonly resourceId: string; readonly name?: never; readonly parentId?: never }
  | { readonly name: string; readonly parentId: string; readonly resourceId?: never };

export type AzapiUpdateResourceProps<TBody extends Record<string, unknown>> = AzapiUpdateTarget & {
  /** `<resource provider>/<type>@<api-version>` of the resource being changed. */
  readonly type: string;
  /** The properties to set, shaped by the caller's own typed interface for its resource type. */
  readonly body: TBody;
};

/**
 * Changes properties of a resource that exists already (one Azure creates along with its parent,
 * say) through azapi's `azapi_update_resource`. Destroying it leaves the resource as it is.
 */
export class AzapiUpdateResource<TBody extends Record<string, unknown>> extends TerraformResource {
  static readonly tfResourceType = "azapi_update_resource";

  private readonly props: AzapiUpdateResourceProps<TBody>;

  constructor(scope: Construct, id: string, props: AzapiUpdateResourceProps<TBody>) {
    super(scope, id, azapiElementConfig(scope, AzapiUpdateResource.tfResourceType, props.type));
    validateAzapiBody(this, props.type, { body: props.body, partial: true });
    this.props = props;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    const target =
      this.props.resourceId !== undefined
        ? { resource_id: this.props.resourceId }
        : { name: this.props.name, parent_id: this.props.parentId };
    return { type: this.props.type, ...target, body: this.props.body };
  }
}
