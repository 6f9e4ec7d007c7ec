import { Construct } from "constructs";
import { TerraformOutput } from "cdktf";

/** How far the cloud covers a disconnected site, told to the site's tooling with its settings. */
export interface EdgeSiteCloudCoverage {
  /** Hours the broker keeps the gateway's session (and its queued QoS 1 messages) after it drops. */
  readonly coveredHours: number;
  /** Whether the cloud covers the whole store-and-forward window. */
  readonly coversBufferWindow: boolean;
  /** Which documented limit bounds the coverage, in words. */
  readonly limit: string;
  /** What the site must do about the part of the window the cloud does not cover; empty when covered. */
  readonly advice: string;
}

export interface EdgeSiteProps {
  /** The site's name in the environment file. */
  readonly siteName: string;
  /** ARM ID of the Event Grid namespace whose MQTT broker the site's gateway connects to. */
  readonly namespaceResourceId: string;
  /** Azure name of that namespace: the first label of its MQTT host name. */
  readonly namespaceName: string;
  /** Region of the namespace, as ARM writes it (`westeurope`). */
  readonly region: string;
  /** The authentication name of the gateway's MQTT client (what its certificate is matched to). */
  readonly clientAuthenticationName: string;
  /** Root of the site's topic tree, without wildcards or a trailing slash (`plants/munich`). */
  readonly topicPrefix: string;
  /** MQTT quality of service the gateway publishes with; the broker supports 0 and 1. */
  readonly qos: 0 | 1;
  /** Session expiry the broker grants the gateway, 1–8 hours. */
  readonly sessionExpiryHours: number;
  /**
   * Where the site's messages land in the cloud (`<namespace>/<entity>`), for the site's tooling.
   * @default - not stated: the namespace's MQTT routing decides
   */
  readonly route?: string;
  /** Hours of messages the gateway stores and forwards while disconnected. */
  readonly offlineBufferHours: number;
  /**
   * What the cloud holds for the site while it is disconnected.
   * @default - derived from the session expiry alone
   */
  readonly cloudCoverage?: EdgeSiteCloudCoverage;
}

/** The MQTT broker's TLS port ("Event Grid MQTT broker: supported MQTT features"). */
export const MQTT_TLS_PORT = 8883;

/**
 * The host name of a namespace's MQTT broker: `<namespace>.<region>-1.ts.eventgrid.azure.net`
 * ("Quickstart: Publish and subscribe to MQTT messages on an Event Grid namespace").
 */
export function mqttHostname(namespaceName: string, region: string): string {
  return `${namespaceName}.${region.toLowerCase().replace(/\s+/g, "")}-1.ts.eventgrid.azure.net`;
}

/**
 * An edge site: its gateway's connection settings as one Terraform output (`site_<name>`) that
 * edge tooling reads with `terraform output -json`. The gateway's MQTT client and the topic
 * space, client group and permission bindings that keep it in its own tree belong to the
 * namespace and are built with the namespace's other MQTT resources.
 */
export class EdgeSite extends Construct {
  readonly output: TerraformOutput;
  readonly mqttHostname: string;

  constructor(scope: Construct, id: string, props: EdgeSiteProps) {
    super(scope, id);
    validate(props);
    this.mqttHostname = mqttHostname(props.namespaceName, props.region);
    const coverage = props.cloudCoverage ?? defaultCoverage(props);

    this.output = new TerraformOutput(this, "connection", {
      description: `Connection settings of edge site ${props.siteName} for its gateway's tooling`,
      value: {
        site: props.siteName,
        namespaceResourceId: props.namespaceResourceId,
        mqttHost: this.mqttHostname,
        port: MQTT_TLS_PORT,
        clientAuthenticationName: props.clientAuthenticationName,
        topicPrefix: props.topicPrefix,
        qos: props.qos,
        ...(props.route !== undefined ? { route: props.route } : {}),
        sessionExpiryHours: props.sessionExpiryHours,
        offlineBufferHours: props.offlineBufferHours,
        cloudCoverage: { ...coverage },
      },
    });
    // A stable, readable name: edge tooling asks for `site_<name>`, not a path hash.
    this.output.overrideLogicalId(`site_${props.siteName.replace(/[^A-Za-z0-9_]/g, "_")}`);
  }
}

function validate(props: EdgeSiteProps): void {
  const prefix = props.topicPrefix;
  // MQTT topic names carry no wildcards; `$` topics are the broker's own (MQTT 5.0, 4.7).
  if (prefix === "" || /[+#]/.test(prefix) || prefix.startsWith("$") || prefix.endsWith("/")) {
    throw new Error(
      `topicPrefix must be a non-empty topic path without "+" or "#", not starting with "$" or ending with "/", got "${prefix}"`,
    );
  }
  if (props.qos !== 0 && props.qos !== 1) {
    throw new Error(
      `qos must be 0 or 1 (the Event Grid MQTT broker supports no QoS 2), got ${String(props.qos)}`,
    );
  }
  // The broker's maximum session expiry is configurable from 1 to 8 hours (Event Grid quotas and
  // limits, "Session expiry interval"; TopicSpacesConfiguration.maximumSessionExpiryInHours).
  if (
    !Number.isInteger(props.sessionExpiryHours) ||
    props.sessionExpiryHours < 1 ||
    props.sessionExpiryHours > 8
  ) {
    throw new Error(`sessionExpiryHours must be an integer between 1 and 8, got ${props.sessionExpiryHours}`);
  }
  if (!(props.offlineBufferHours >= 0)) {
    throw new Error(`offlineBufferHours must be zero or more, got ${props.offlineBufferHours}`);
  }
  if (props.clientAuthenticationName.trim() === "") {
    throw new Error(`clientAuthenticationName must not be empty, got ""`);
  }
}

function defaultCoverage(props: EdgeSiteProps): EdgeSiteCloudCoverage {
  const covered = props.offlineBufferHours <= props.sessionExpiryHours;
  return {
    coveredHours: Math.min(props.offlineBufferHours, props.sessionExpiryHours),
    coversBufferWindow: covered,
    limit: `Event Grid MQTT session expiry of ${props.sessionExpiryHours} hours`,
    advice: covered
      ? ""
      : `the broker drops the gateway's session after ${props.sessionExpiryHours} hours; store messages locally and republish them on reconnect, or lower offlineBufferHours to ${props.sessionExpiryHours}`,
  };
}
