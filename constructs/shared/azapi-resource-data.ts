import type { Construct } from "constructs";
import { TerraformDataSource } from "cdktf";
import { azapiElementConfig } from "./azapi-resource";

export interface AzapiResourceDataProps {
  /** `<resource provider>/<type>@<api-version>` of the resource read. */
  readonly type: string;
  /** ARM ID of the resource read. */
  readonly resourceId: string;
  /** Response paths copied into `output` (e.g. `properties.topicSpacesConfiguration.hostname`). */
  readonly responseExportValues: readonly string[];
}

/**
 * Reads properties of a resource that its azurerm binding does not export, through azapi's
 * `azapi_resource` data source: a GET at the given API version.
 */
export class AzapiResourceData extends TerraformDataSource {
  static readonly tfResourceType = "azapi_resource";

  private readonly props: AzapiResourceDataProps;

  constructor(scope: Construct, id: string, props: AzapiResourceDataProps) {
    super(scope, id, azapiElementConfig(scope, AzapiResourceData.tfResourceType, props.type));
    this.props = props;
  }

  /** One string of the response, by its dotted path (one of `responseExportValues`). */
  outputString(path: string): string {
    return this.getStringAttribute(`output.${path}`);
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      type: this.props.type,
      resource_id: this.props.resourceId,
      response_export_values: [...this.props.responseExportValues],
    };
  }
}
