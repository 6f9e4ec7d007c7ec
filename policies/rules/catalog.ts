import type { Rule, RuleDescription } from "../engine/rule";
import { waiverRules } from "../engine/waiver-rules";
import { auditRetentionRule } from "./audit-retention";
import { budgetRule } from "./budget";
import { eventGridDomainRules, eventGridNamespaceRules, eventGridTopicRules } from "./event-grid";
import { eventHubsRules } from "./event-hubs";
import { iotHubRules } from "./iot-hub";
import { logicAppRules } from "./logic-apps";
import { relayRules } from "./relay";
import { serviceBusRules } from "./service-bus";
import { streamAnalyticsRules } from "./stream-analytics";

/** Every rule the engine evaluates, in the order reports list them. */
export const ruleCatalog: readonly Rule[] = [
  ...serviceBusRules,
  ...eventHubsRules,
  ...eventGridTopicRules,
  ...eventGridDomainRules,
  ...eventGridNamespaceRules,
  ...relayRules,
  ...iotHubRules,
  ...streamAnalyticsRules,
  ...logicAppRules,
  auditRetentionRule,
  budgetRule(),
];

/** Every rule a report can name: the catalog and the engine's rules about waivers. */
export const reportedRules: readonly RuleDescription[] = [...ruleCatalog, ...waiverRules];
