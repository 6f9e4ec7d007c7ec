import { Construct } from "constructs";
import { TerraformOutput } from "cdktf";
import { edgeSiteProblems, siteCloudCoverage, type SiteCloudCoverage } from "../../azure/edge-site";
import { MQTT_TLS_PORT, mqttHostname } from "../../azure/event-grid-mqtt";
import { knownValues, validateWith } from "../shared/validation";

/** How far the cloud covers a disconnected site, told to the site's tooling with its settings. */
export type EdgeSiteCloudCoverage = SiteCloudCoverage;

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
   * @default - derived from the session expiry and the cloud's longest queue (`siteCloudCoverage`)
   */
  readonly cloudCoverage?: EdgeSiteCloudCoverage;
  /**
   * Name of the output edge tooling reads (a stack gives each site a distinct one).
   * @default - `site_<name>`, every character but letters, digits and `_` as `_`
   */
  readonly outputName?: string;
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
    validateWith(this, `edge site ${props.siteName}`, () =>
      edgeSiteProblems(
        knownValues({
          topicPrefix: props.topicPrefix,
          qos: props.qos,
          sessionExpiryHours: props.sessionExpiryHours,
          offlineBufferHours: props.offlineBufferHours,
          clientAuthenticationName: props.clientAuthenticationName,
        }),
      ),
    );
    this.mqttHostname = mqttHostname(props.namespaceName, props.region);
    const coverage =
      props.cloudCoverage ??
      siteCloudCoverage(props.offlineBufferHours, props.sessionExpiryHours, props.namespaceName);

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
    this.output.overrideLogicalId(
      props.outputName ?? `site_${props.siteName.replace(/[^A-Za-z0-9_]/g, "_")}`,
    );
  }
}
