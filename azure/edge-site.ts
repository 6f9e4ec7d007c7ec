import { MqttLimits } from "./event-grid-mqtt";
import { IOT_HUB_C2D_MAX_TTL_HOURS } from "./iot-hub";
import type { Problem } from "./problem";

/**
 * What an edge site's gateway meets in the cloud: the Event Grid MQTT broker it connects to ("MQTT
 * features support in Azure Event Grid", "Event Grid quotas and limits", MQTT) and how long the
 * cloud holds messages for it while it is disconnected.
 */

/** Quality-of-service levels the broker supports: 0 and 1, no QoS 2 ("MQTT features support in Azure Event Grid"). */
export const MQTT_QOS_LEVELS: readonly number[] = [0, 1];

/**
 * Session expiry a namespace's broker can grant, in hours: at least 1, at most the broker's limit
 * (TopicSpacesConfiguration.maximumSessionExpiryInHours).
 */
export const mqttSessionExpiryHours = { min: 1, max: MqttLimits.maxSessionExpiryHours } as const;

/** A site's settings, with the environment file's field names (and what the resolver derives). */
export interface EdgeSiteInput {
  readonly topicPrefix?: string;
  readonly qos?: number;
  readonly offlineBufferHours?: number;
  readonly sessionExpiryHours?: number;
  /** The authentication name of the gateway's MQTT client. */
  readonly clientAuthenticationName?: string;
}

/**
 * What the broker would refuse of a site's settings. The site's tree is `<topicPrefix>/#`, so the
 * prefix is a topic name: no wildcards, and `$` topics belong to the broker (MQTT 5.0, 4.7).
 */
export function edgeSiteProblems(site: EdgeSiteInput): Problem[] {
  const problems: Problem[] = [];
  const prefix = site.topicPrefix;
  if (
    prefix !== undefined &&
    (prefix === "" || /[+#]/.test(prefix) || prefix.startsWith("$") || prefix.endsWith("/"))
  ) {
    problems.push({
      field: "topicPrefix",
      message: `topicPrefix must be a topic path without "+" or "#", not starting with "$" or ending with "/" (the site's tree is <topicPrefix>/#), got "${prefix}"`,
    });
  }
  if (site.qos !== undefined && !MQTT_QOS_LEVELS.includes(site.qos)) {
    problems.push({
      field: "qos",
      message: `qos must be 0 or 1 (the Event Grid MQTT broker supports no QoS 2), got ${site.qos}`,
    });
  }
  const expiry = site.sessionExpiryHours;
  const { min, max } = mqttSessionExpiryHours;
  if (expiry !== undefined && !(Number.isInteger(expiry) && expiry >= min && expiry <= max)) {
    problems.push({
      field: "sessionExpiryHours",
      message: `sessionExpiryHours must be a whole number from ${min} to ${max}, got ${expiry}`,
    });
  }
  const buffer = site.offlineBufferHours;
  if (buffer !== undefined && !(buffer >= 0)) {
    problems.push({
      field: "offlineBufferHours",
      message: `offlineBufferHours must be zero or more, got ${buffer}`,
    });
  }
  if (site.clientAuthenticationName !== undefined && site.clientAuthenticationName.trim() === "") {
    problems.push({
      field: "clientAuthenticationName",
      message: `clientAuthenticationName must not be empty, got ""`,
    });
  }
  return problems;
}

/** What the cloud holds for a disconnected site, against the site's own store-and-forward window. */
export interface SiteCloudCoverage {
  /** Hours the cloud keeps what is queued for the site's gateway after it disconnects. */
  readonly coveredHours: number;
  readonly coversBufferWindow: boolean;
  /** The limit that bounds the coverage, with its value. */
  readonly limit: string;
  /** What the site must do instead; empty when the cloud covers the whole window. */
  readonly advice: string;
}

const hours = (n: number): string => `${n} hour${n === 1 ? "" : "s"}`;

/**
 * Compares a site's store-and-forward window with what the cloud side holds while the site is
 * offline: the broker keeps the gateway's session for `sessionExpiryHours`, and no cloud-side queue
 * outlasts IoT Hub's cloud-to-device messages. This is told, not refused: a long window is the
 * site's own buffer, and it is legitimate as long as the site republishes on reconnect.
 */
export function siteCloudCoverage(
  offlineBufferHours: number,
  sessionExpiryHours: number,
  namespace: string,
): SiteCloudCoverage {
  const covered = offlineBufferHours <= sessionExpiryHours;
  const limit =
    `Event Grid MQTT session expiry: namespace ${namespace} grants ${hours(sessionExpiryHours)} ` +
    `(Azure allows at most ${mqttSessionExpiryHours.max}); IoT Hub cloud-to-device messages live at most ${IOT_HUB_C2D_MAX_TTL_HOURS} hours`;
  if (covered) {
    return { coveredHours: offlineBufferHours, coversBufferWindow: true, limit, advice: "" };
  }
  const raise =
    offlineBufferHours <= mqttSessionExpiryHours.max
      ? `raise mqtt.maxSessionExpiryHours of namespace ${namespace} to ${offlineBufferHours}, or `
      : "";
  const beyondC2d =
    offlineBufferHours > IOT_HUB_C2D_MAX_TTL_HOURS
      ? ` No cloud-side queue holds messages for ${offlineBufferHours} hours: even IoT Hub cloud-to-device messages expire after ${IOT_HUB_C2D_MAX_TTL_HOURS} hours.`
      : "";
  return {
    coveredHours: sessionExpiryHours,
    coversBufferWindow: false,
    limit,
    advice:
      `offlineBufferHours ${offlineBufferHours} is longer than the cloud holds messages for this site: the broker ends the gateway's session ` +
      `${hours(sessionExpiryHours)} after it disconnects and drops what was queued for it.${beyondC2d} ` +
      `The site must store and forward: keep its outbound messages locally for the full ${offlineBufferHours} hours and republish them on reconnect, ` +
      `and cloud senders must resend what is older than ${hours(sessionExpiryHours)} once it is back (or ${raise}lower offlineBufferHours to ${sessionExpiryHours}).`,
  };
}
