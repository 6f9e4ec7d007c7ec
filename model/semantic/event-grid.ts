import {
  defaultInputSchema,
  namespaceProblems,
  settingProblems,
  systemTopicInputSchema,
  systemTopicProblems,
  topicProblems,
  type InputSchema,
} from "../../azure/event-grid";
import { brokerProblems, clientAttributeProblems } from "../../azure/event-grid-mqtt";
import { eventDestinationProblems, eventSubscriptionProblems } from "../../azure/event-grid-subscriptions";
import type { Problem } from "../../azure/problem";
import { pointerToPath } from "../diagnostics";
import { deadLetterContainerName } from "../resource-names";
import type { EventSubscriptionSpec, MqttClientSpec, MqttPermissionSpec } from "../spec";
import type { SemanticCheck, SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/*
 * Event Grid rules the schema cannot express. The rules themselves are Azure's facts
 * (`azure/event-grid*.ts`), which the constructs apply too; this check reports their problems at
 * the file's lines and adds what only the file can get wrong: the same permission listed twice,
 * and storage two subscriptions of one topic name alike.
 */

/** Reports problems that each mean "remove this field" at the field's key, where the fix is. */
function reportAtKeys(ctx: SemanticContext, base: string, problems: readonly Problem[]): void {
  for (const p of problems) ctx.errorAtKey(`${base}/${p.field}`, p.message);
}

export const checkEventGrid: SemanticCheck = (ctx) => {
  const eventGrid = ctx.spec.eventGrid;
  if (!eventGrid) return;
  (eventGrid.topics ?? []).forEach((topic, i) => {
    const at = `/eventGrid/topics/${i}`;
    reportAtKeys(ctx, at, settingProblems("topic", topic));
    allowedIpRangesNeedPublicAccess(ctx, "eventGridTopics", at, topic);
    ctx.report(at, topicProblems(topic));
    checkSubscriptions(ctx, at, topic.subscriptions, topic.inputSchema ?? defaultInputSchema);
  });
  (eventGrid.systemTopics ?? []).forEach((topic, i) => {
    const at = `/eventGrid/systemTopics/${i}`;
    ctx.report(at, systemTopicProblems({ topicType: topic.topicType }));
    checkSubscriptions(ctx, at, topic.subscriptions, systemTopicInputSchema);
  });
  (eventGrid.namespaces ?? []).forEach((ns, i) => {
    const at = `/eventGrid/namespaces/${i}`;
    reportAtKeys(ctx, at, settingProblems("namespace", ns));
    allowedIpRangesNeedPublicAccess(ctx, "eventGridNamespaces", at, ns);
    ctx.report(at, namespaceProblems(ns));
    const mqtt = ns.mqtt;
    if (!mqtt) return;
    ctx.report(`${at}/mqtt`, brokerProblems(mqtt));
    if (mqtt.routeTo) ctx.report(`${at}/mqtt/routeTo`, eventDestinationProblems(mqtt.routeTo));
    (mqtt.clients ?? []).forEach((client, j) => checkClient(ctx, `${at}/mqtt/clients/${j}`, client));
    checkRepeatedPermissions(ctx, `${at}/mqtt/permissions`, mqtt.permissions ?? []);
  });
  (ctx.spec.sites ?? []).forEach((site, i) => checkClient(ctx, `/sites/${i}/mqttClient`, site.mqttClient));
};

function checkSubscriptions(
  ctx: SemanticContext,
  source: string,
  subscriptions: readonly EventSubscriptionSpec[] | undefined,
  inputSchema: InputSchema,
): void {
  (subscriptions ?? []).forEach((subscription, j) => {
    const at = `${source}/subscriptions/${j}`;
    ctx.report(at, eventSubscriptionProblems(subscription, inputSchema, ctx.today));
    ctx.report(`${at}/destination`, eventDestinationProblems(subscription.destination));
  });
  checkStorageNamesAlike(ctx, source, subscriptions ?? []);
}

/** Where one subscription delivers or dead-letters in storage: a queue or container of an account. */
interface StorageUse {
  readonly what: "queue" | "dead-letter container";
  readonly name: string;
  /** The storage account's ARM ID, or undefined for the environment's own dead-letter account. */
  readonly account?: string;
  readonly pointer: string;
}

function storageUses(source: string, subscriptions: readonly EventSubscriptionSpec[]): StorageUse[] {
  return subscriptions.flatMap((s, j): StorageUse[] => {
    const at = `${source}/subscriptions/${j}`;
    const queue = s.destination.storageQueue;
    const deadLetter = s.deadLetter;
    return [
      ...(queue
        ? [
            {
              what: "queue" as const,
              name: queue.queueName,
              account: queue.storageAccountId,
              pointer: `${at}/destination/storageQueue/queueName`,
            },
          ]
        : []),
      ...(deadLetter === true
        ? [
            {
              what: "dead-letter container" as const,
              name: deadLetterContainerName,
              pointer: `${at}/deadLetter`,
            },
          ]
        : deadLetter
          ? [
              {
                what: "dead-letter container" as const,
                name: deadLetter.container,
                account: deadLetter.storageAccountId,
                pointer: `${at}/deadLetter/container`,
              },
            ]
          : []),
    ];
  });
}

/**
 * A topic's identity is granted its role on a storage queue or dead-letter container once, in a
 * role assignment named after the topic, the role and the queue or container name. Two subscriptions
 * of one topic using queues (or containers) of one name in different storage accounts would need
 * two assignments with one name, which Azure refuses; so one of the names must change.
 */
function checkStorageNamesAlike(
  ctx: SemanticContext,
  source: string,
  subscriptions: readonly EventSubscriptionSpec[],
): void {
  const first = new Map<string, StorageUse>();
  for (const use of storageUses(source, subscriptions)) {
    const key = `${use.what}\u0000${use.name.toLowerCase()}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, use);
      continue;
    }
    if ((earlier.account ?? "").toLowerCase() === (use.account ?? "").toLowerCase()) continue;
    const where = (u: StorageUse): string => u.account ?? "the environment's own dead-letter account";
    ctx.error(
      use.pointer,
      `${use.what} "${use.name}" in ${where(use)} has the name of the one in ${where(earlier)} at ${pointerToPath(earlier.pointer)} (line ${ctx.doc.locate(earlier.pointer).line}): the topic's access to each is a role assignment named after the topic and the ${use.what} name, and Azure refuses two role assignments of one name; rename one of them`,
    );
  }
}

function checkClient(
  ctx: SemanticContext,
  at: string,
  client: Pick<MqttClientSpec, "certificateThumbprint" | "certificateSubject" | "attributes">,
): void {
  const { certificateThumbprint, certificateSubject } = client;
  if (certificateThumbprint === undefined && certificateSubject === undefined) {
    ctx.error(
      at,
      "an MQTT client authenticates with a certificate: give certificateThumbprint or certificateSubject",
    );
  } else if (certificateThumbprint !== undefined && certificateSubject !== undefined) {
    ctx.error(
      at,
      "give either certificateThumbprint (thumbprint match) or certificateSubject (CA-chain validation), not both",
    );
  }
  ctx.report(at, clientAttributeProblems(client.attributes));
}

/**
 * A permission binding gives one client group one role on one topic space; the same grant listed
 * twice adds nothing, and without names both entries would become one binding name. Names compare
 * as Azure compares them, without regard to case.
 */
function checkRepeatedPermissions(
  ctx: SemanticContext,
  base: string,
  permissions: readonly MqttPermissionSpec[],
): void {
  const first = new Map<string, number>();
  permissions.forEach((p, j) => {
    const key = [p.clientGroup.toLowerCase(), p.topicSpace.toLowerCase(), p.role].join("\u0000");
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, j);
      return;
    }
    const earlierPointer = `${base}/${earlier}`;
    ctx.error(
      `${base}/${j}`,
      `${pointerToPath(`${base}/${j}`)} repeats ${pointerToPath(earlierPointer)} (line ${ctx.doc.locate(earlierPointer).line}): both let client group "${p.clientGroup}" ${p.role === "publisher" ? "publish to" : "subscribe to"} topic space "${p.topicSpace}"; remove one of them`,
    );
  });
}
