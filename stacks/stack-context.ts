import type { Construct } from "constructs";
import type { EnvironmentModel } from "../model/model";
import type { EntityRegistry } from "./entity-registry";
import type { StackIds } from "./ids/stack-ids";

/** What every service's part of the stack needs: where to put things and what exists already. */
export interface StackContext {
  readonly scope: Construct;
  readonly model: EnvironmentModel;
  readonly resourceGroupName: string;
  readonly resourceGroupId: string;
  readonly location: string;
  /** The Log Analytics workspace every diagnostic setting sends to. */
  readonly logAnalyticsWorkspaceId: string;
  readonly entities: EntityRegistry;
  /** Construct IDs, output names and grantee names derived from the file's names, kept distinct. */
  readonly ids: StackIds;
}
