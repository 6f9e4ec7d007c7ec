import { iotHubProblems } from "../../azure/iot-hub-rules";
import type { SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/**
 * IoT Hub's rules (`azure/iot-hub.ts`) on every declared hub and its provisioning service: SKU and
 * units, the shared options the hub has no setting for, routing limits and message settings.
 * Names (reserved endpoint names included) are checked with the other Azure names, references to
 * routes and entities with the other references.
 */
export function checkIotHubs(ctx: SemanticContext): void {
  (ctx.spec.iotHub ?? []).forEach((hub, index) => {
    const at = `/iotHub/${index}`;
    ctx.report(at, iotHubProblems(hub));
    // IP rules the file states against public access it leaves to the tier; where the file itself
    // closes the public endpoint, the rule above has said so.
    if (hub.publicNetworkAccess === undefined) allowedIpRangesNeedPublicAccess(ctx, "iotHub", at, hub);
  });
}
