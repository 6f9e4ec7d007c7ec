import type { RuleContext, Violation } from "../../engine/rule";
import type { JsonObject } from "../../engine/terraform-json";
import { attributeAt, blocksOf } from "../../engine/terraform-json";

/** The longest retention Event Hubs Standard offers: an event-sourced hub keeps at least this much without capture. */
export const EVENT_SOURCED_MIN_RETENTION_DAYS = 7;

function captures(hub: JsonObject): boolean {
  return blocksOf(hub.capture_description).some(
    (capture) =>
      capture.enabled === true &&
      blocksOf(capture.destination).some((d) => typeof d.storage_account_id === "string"),
  );
}

function retainsLongEnough(hub: JsonObject): boolean {
  if (attributeAt(hub, "retention_description.cleanup_policy") === "Compact") return true;
  const hours = attributeAt(hub, "retention_description.retention_time_in_hours");
  if (typeof hours === "number") return hours >= EVENT_SOURCED_MIN_RETENTION_DAYS * 24;
  const days = hub.message_retention;
  return typeof days === "number" && days >= EVENT_SOURCED_MIN_RETENTION_DAYS;
}

/** Hubs declared event-sourced either capture to storage, compact, or retain events for the maximum Standard window. */
export function requireCaptureOrRetention(context: RuleContext): Violation[] {
  return context.index
    .ofType("azurerm_eventhub")
    .filter((hub) => context.declarationOf(hub)?.eventSourced === true)
    .filter((hub) => !captures(hub.body) && !retainsLongEnough(hub.body))
    .map((hub) => ({
      resource: hub,
      message: `event-sourced hub "${context.paths.of(hub)?.names.join("/") ?? hub.address}" neither captures to storage nor retains events for ${EVENT_SOURCED_MIN_RETENTION_DAYS} days`,
    }));
}
