import type { Construct } from "constructs";
import { type ITerraformDependable, TerraformResource } from "cdktf";
import { validateAzapiBody } from "./azapi-body-check";
import { azapiElementConfig } from "./azapi-resource";

export interface AzapiPutProps<TBody extends Record<string, unknown>> {
  /** `<resource provider>/<type>@<api-version>` of the resource written. */
  readonly type: string;
  /** ARM ID of the resource written (it may not exist yet: a PUT creates or replaces it). */
  readonly resourceId: string;
  /** The complete resource body: a PUT replaces what Azure holds with exactly this. */
  readonly body: TBody;
  /**
   * Resources that must exist first.
   * @default - only the dependencies implied by referenced attributes
   */
  readonly dependsOn?: readonly ITerraformDependable[];
  /**
   * When the PUT is sent: on create and on every change of the body (`apply`), or once, when the
   * action leaves the configuration or its resource is destroyed (`destroy`), with the body held
   * in state (azapi v2.12.0 docs/resources/resource_action.md, `when`).
   * @default - "apply"
   */
  readonly when?: "apply" | "destroy";
}

/**
 * Writes the whole of a resource with one PUT through azapi's `azapi_resource_action`
 * (`method = "PUT"`, no action name): for a resource Azure may or may not have created along with
 * its parent, where `azapi_resource` refuses to create what a GET already finds and
 * `azapi_update_resource` fails on what does not exist. A PUT creates or replaces either way.
 * A changed body changes the plan, and azapi re-runs the request on update
 * (azapi_resource_action_resource.go, Update). Destroying it leaves the resource as it is, unless
 * a second PUT with `when: "destroy"` says what to put back.
 */
export class AzapiPut<TBody extends Record<string, unknown>> extends TerraformResource {
  static readonly tfResourceType = "azapi_resource_action";

  private readonly props: AzapiPutProps<TBody>;

  constructor(scope: Construct, id: string, props: AzapiPutProps<TBody>) {
    super(scope, id, {
      ...azapiElementConfig(scope, AzapiPut.tfResourceType, props.type),
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
    // azapi sends an action's body unchecked; this PUT is a whole resource, so check it as one.
    validateAzapiBody(this, props.type, { body: props.body });
    this.props = props;
  }

  /** The body written, as the typed object the caller gave. */
  get body(): TBody {
    return this.props.body;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      type: this.props.type,
      resource_id: this.props.resourceId,
      method: "PUT",
      body: this.props.body,
      when: this.props.when,
    };
  }
}
