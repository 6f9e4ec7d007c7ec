import { TerraformResource } from "cdktf";

/**
 * Marks a stateful entity (it holds messages or events) so that Terraform refuses any plan that
 * would destroy it. Applied in production by the profile; the plan guard is the second line.
 */
export function protectFromDestroy(resource: TerraformResource, preventDestroy: boolean): void {
  if (preventDestroy) {
    resource.addOverride("lifecycle.prevent_destroy", true);
  }
}
