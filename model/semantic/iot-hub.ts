import { durationProblem } from "../../azure/durations";
import type { IotHubSku, IotHubSpec, IotRouteSpec } from "../spec";
import type { SemanticContext } from "./context";
import { allowedIpRangesNeedPublicAccess } from "./tier-requirements";

/**
 * IoT Hub limits, from "IoT Hub quotas and throttling" (other limits), "Choose the right IoT Hub
 * tier" (partitions, units), "Read device-to-cloud messages from the built-in endpoint" (consumer
 * groups), and the azurerm provider's validators and documentation for cloud-to-device and file
 * upload settings.
 */
const limits = {
  /** Additional (custom) endpoints: 10 on paid hubs, 1 on the free tier. */
  endpoints: { paid: 10, free: 1 },
  /** Message enrichments: 10 on paid hubs, 2 on the free tier. */
  enrichments: { paid: 10, free: 2 },
  /** Units: 200 for B1/B2/S1/S2, 10 for B3/S3, exactly one for F1. */
  units: { F1: 1, B1: 200, B2: 200, B3: 10, S1: 200, S2: 200, S3: 10 } as Readonly<Record<IotHubSku, number>>,
  /**
   * Built-in endpoint partitions: at most 32 on basic and standard hubs ("Choose the right IoT Hub
   * tier", Partitions), narrower than the 2-128 the provider (and the schema) accept.
   */
  partitions: { max: 32 },
  /** Consumer groups on the built-in endpoint, `$Default` included. */
  consumerGroups: 20,
} as const;

const MINUTE = 60;
const DAY = 86400;

/**
 * SKU, units, routing limits and message settings of every declared IoT hub. Names (reserved
 * endpoint names included) are checked with the other Azure names, references to routes and
 * entities with the other references.
 */
export function checkIotHubs(ctx: SemanticContext): void {
  (ctx.spec.iotHub ?? []).forEach((hub, index) => checkHub(ctx, hub, `/iotHub/${index}`));
}

function checkHub(ctx: SemanticContext, hub: IotHubSpec, at: string): void {
  const free = hub.sku === "F1";
  const tier = free ? "free" : "paid";
  const basic = hub.sku.startsWith("B");

  const maxUnits = limits.units[hub.sku];
  if (hub.capacity !== undefined && hub.capacity > maxUnits) {
    ctx.error(
      `${at}/capacity`,
      maxUnits === 1
        ? `an F1 (free) hub has exactly 1 unit, got ${hub.capacity}`
        : `a ${hub.sku} hub has at most ${maxUnits} units, got ${hub.capacity}`,
    );
  }
  if (hub.partitions !== undefined && hub.partitions > limits.partitions.max) {
    ctx.error(
      `${at}/partitions`,
      `a ${hub.sku} hub's built-in endpoint has at most ${limits.partitions.max} partitions (Azure's limit for basic and standard hubs), got ${hub.partitions}`,
    );
  }
  if ((hub.receivers ?? []).length > 0) {
    // Entra ID roles cover IoT Hub's service APIs; device-to-cloud messages are read from the
    // built-in Event Hubs-compatible endpoint, which IoT Hub's roles do not cover ("Control
    // access to IoT Hub by using Microsoft Entra ID").
    ctx.error(
      `${at}/receivers`,
      `an IoT hub has no receiver role for device messages: route them to an event hub or queue (routes) and list the receivers there; senders and owners get IoT Hub Data Contributor`,
    );
  }
  notOffered(ctx, hub, at);
  allowedIpRangesNeedPublicAccess(ctx, "iotHub", at, hub);
  const routes = hub.routes ?? [];
  checkRoutes(ctx, routes, at, tier);
  if (basic) routesOfBasicHub(ctx, hub, routes, at);
  checkEnrichments(ctx, hub, at, tier);
  checkConsumerGroups(ctx, hub.consumerGroups ?? [], at);

  if (hub.cloudToDevice) {
    if (basic) {
      ctx.error(
        `${at}/cloudToDevice`,
        `cloudToDevice does not apply to a ${hub.sku} hub: the basic tier has no cloud-to-device messaging (choose S1-S3 or remove cloudToDevice)`,
      );
    }
    const c2d = hub.cloudToDevice;
    // Azure documents "up to 2 days"; the provider refuses anything under 15 minutes at plan time.
    durationInRange(
      ctx,
      `${at}/cloudToDevice/defaultTtl`,
      "cloudToDevice.defaultTtl",
      c2d.defaultTtl,
      15 * MINUTE,
      2 * DAY,
    );
    const feedback = c2d.feedback;
    if (feedback) {
      const f = `${at}/cloudToDevice/feedback`;
      durationInRange(
        ctx,
        `${f}/timeToLive`,
        "feedback.timeToLive",
        feedback.timeToLive,
        15 * MINUTE,
        2 * DAY,
      );
      durationInRange(ctx, `${f}/lockDuration`, "feedback.lockDuration", feedback.lockDuration, 5, 300);
    }
  }

  const upload = hub.fileUpload;
  if (upload) {
    const f = `${at}/fileUpload`;
    checkStorage(ctx, f, upload);
    durationInRange(ctx, `${f}/sasTtl`, "fileUpload.sasTtl", upload.sasTtl, MINUTE, DAY);
    durationInRange(ctx, `${f}/lockDuration`, "fileUpload.lockDuration", upload.lockDuration, 5, 300);
    durationInRange(ctx, `${f}/defaultTtl`, "fileUpload.defaultTtl", upload.defaultTtl, MINUTE, 2 * DAY);
  }

  const dps = hub.deviceProvisioning;
  // The schema sets no upper bound; 200 units is what the azurerm provider accepts for DPS S1.
  if (dps?.capacity !== undefined && dps.capacity > 200) {
    ctx.error(
      `${at}/deviceProvisioning/capacity`,
      `a Device Provisioning Service has at most 200 units, got ${dps.capacity}`,
    );
  }
}

function checkRoutes(
  ctx: SemanticContext,
  routes: readonly IotRouteSpec[],
  at: string,
  tier: "paid" | "free",
): void {
  // Each route delivers through a custom endpoint of its own, named after the route, so the
  // endpoint limit (10 paid, 1 free) binds before the routing-query limit (100 paid, 5 free) can.
  if (routes.length > limits.endpoints[tier]) {
    ctx.error(
      `${at}/routes`,
      `a ${tier === "free" ? "free (F1)" : "paid"} hub has at most ${limits.endpoints[tier]} custom endpoints, and each route needs one; got ${routes.length} routes`,
    );
  }
  routes.forEach((route, index) => {
    const r = `${at}/routes/${index}`;
    // The schema's minLength lets a blank condition through, but blanks are no routing query ("IoT
    // Hub message routing query syntax"); omitting the condition already means "true".
    if (route.condition !== undefined && route.condition.trim() === "") {
      ctx.error(
        `${r}/condition`,
        `condition must be a routing query, got a blank string; omit condition to route every message of the source`,
      );
    }
    const storage = route.to.storageContainer;
    if (storage) {
      const s = `${r}/to/storageContainer`;
      checkStorage(ctx, s, storage);
      const format = storage.fileNameFormat;
      if (format !== undefined) {
        const missing = ["{iothub}", "{partition}", "{YYYY}", "{MM}", "{DD}", "{HH}", "{mm}"].filter(
          (token) => !format.includes(token),
        );
        if (missing.length > 0)
          ctx.error(`${s}/fileNameFormat`, `fileNameFormat must contain ${missing.join(", ")}`);
      }
    }
  });
}

function checkEnrichments(ctx: SemanticContext, hub: IotHubSpec, at: string, tier: "paid" | "free"): void {
  const enrichments = hub.enrichments ?? [];
  if (enrichments.length > limits.enrichments[tier]) {
    ctx.error(
      `${at}/enrichments`,
      `a ${tier === "free" ? "free (F1)" : "paid"} hub has at most ${limits.enrichments[tier]} message enrichments, got ${enrichments.length}`,
    );
  }
  const keys = new Set<string>();
  enrichments.forEach((enrichment, index) => {
    const e = `${at}/enrichments/${index}`;
    // Enrichment keys: 1-64 letters, digits, `-`, `_`, `.`, unique per hub (azurerm `enrichment.key`).
    if (!/^[-_.a-zA-Z0-9]{1,64}$/.test(enrichment.key)) {
      ctx.error(
        `${e}/key`,
        `enrichment key must be 1-64 letters, digits, "-", "_" or ".", got "${enrichment.key}"`,
      );
    }
    if (keys.has(enrichment.key)) {
      ctx.error(
        `${e}/key`,
        `enrichment key "${enrichment.key}" is already used on hub ${hub.name}; keys must be unique`,
      );
    }
    keys.add(enrichment.key);
    if (enrichment.value.trim() === "") {
      ctx.error(
        `${e}/value`,
        `enrichment value must be a literal, $twin.<path>, $iothubname or another enrichment expression, got a blank string; give a value or remove the enrichment`,
      );
    }
  });
}

function checkConsumerGroups(ctx: SemanticContext, groups: readonly string[], at: string): void {
  if (groups.length + 1 > limits.consumerGroups) {
    ctx.error(
      `${at}/consumerGroups`,
      `a hub has at most ${limits.consumerGroups} consumer groups on its built-in endpoint, $Default included; got ${groups.length} more`,
    );
  }
}

/**
 * Events a basic hub never raises: the basic tier has no device twins, no device management (jobs)
 * and no IoT Plug and Play ("Choose the right IoT Hub tier", feature table), so a route from these
 * sources would deliver nothing.
 */
const standardOnlySources: readonly string[] = [
  "TwinChangeEvents",
  "DigitalTwinChangeEvents",
  "DeviceJobLifecycleEvents",
];

function routesOfBasicHub(
  ctx: SemanticContext,
  hub: IotHubSpec,
  routes: readonly IotRouteSpec[],
  at: string,
): void {
  routes.forEach((route, index) => {
    if (!standardOnlySources.includes(route.source)) return;
    ctx.error(
      `${at}/routes/${index}/source`,
      `source ${route.source} does not apply to a ${hub.sku} hub: the basic tier has no device twins, jobs or IoT Plug and Play, so no such events occur; choose S1-S3, or route DeviceMessages, DeviceLifecycleEvents or DeviceConnectionStateEvents`,
    );
  });
}

/**
 * Fields every namespace-like resource shares that IoT Hub has no setting for. Stating them would
 * otherwise reach no resource: azurerm_iothub's network_rule_set has no trusted-services switch
 * (IoT Hub's "trusted Microsoft services" exception is granted on the target resource, "IoT Hub
 * support for virtual networks"), and its customer-managed keys never left preview, so azurerm has
 * no encryption block for them.
 */
function notOffered(ctx: SemanticContext, hub: IotHubSpec, at: string): void {
  if (hub.trustedServicesAllowed !== undefined) {
    ctx.errorAtKey(
      `${at}/trustedServicesAllowed`,
      `trustedServicesAllowed does not apply to an IoT hub: its IP filter has no trusted-services exception (allow the hub as a trusted service on the target instead); remove trustedServicesAllowed, got ${String(hub.trustedServicesAllowed)}`,
    );
  }
  if (hub.customerManagedKey === true) {
    ctx.error(
      `${at}/customerManagedKey`,
      `customerManagedKey: true does not apply to an IoT hub: IoT Hub offers no generally available customer-managed keys and azurerm_iothub has no setting for them; remove customerManagedKey (data is encrypted with Microsoft-managed keys)`,
    );
  }
}

/**
 * The storage account and container an endpoint or file upload addresses: the account name ends
 * the blob host (`<account>.blob.core.windows.net`) and the container is part of the blob URL, so
 * both follow Azure Storage naming ("Naming and referencing containers, blobs, and metadata";
 * storage account names: 3-24 lowercase letters and digits), which the schema's pattern does not
 * enforce.
 */
function checkStorage(
  ctx: SemanticContext,
  at: string,
  target: { readonly storageAccountId: string; readonly container: string },
): void {
  const account = target.storageAccountId.slice(target.storageAccountId.lastIndexOf("/") + 1);
  if (!/^[a-z0-9]{3,24}$/.test(account)) {
    ctx.error(
      `${at}/storageAccountId`,
      `storage account name must be 3-24 lowercase letters and digits, got "${account}"; give the ARM ID of an existing storage account`,
    );
  }
  if (!/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(target.container)) {
    ctx.error(
      `${at}/container`,
      `container must be 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got "${target.container}"; rename it`,
    );
  }
}

function durationInRange(
  ctx: SemanticContext,
  pointer: string,
  field: string,
  value: string | undefined,
  min: number,
  max: number,
): void {
  if (value === undefined) return;
  const problem = durationProblem(field, value, min, max);
  if (problem) ctx.error(pointer, problem);
}
