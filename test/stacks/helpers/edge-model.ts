import type { EnvironmentModel, Site } from "../../../model/model";
import { siteCloudCoverage } from "../../../azure/edge-site";
import { environmentWithEventGrid, namespaceModel, prodBroker } from "./event-grid-model";
import { source } from "./model-defaults";

/** Hand-built edge-site models for stack tests, shaped like the resolver's output for prod.yaml's `plant-munich`. */

export function siteModel(overrides: Partial<Site> = {}): Site {
  const site: Omit<Site, "cloudCoverage"> = {
    name: "plant-munich",
    namespace: "plant-mqtt",
    clientName: "plant-munich",
    certificateThumbprint: "3f2504e04f8941d39a0c0305e82c3301aabbccdd",
    attributes: { role: "gateway" },
    topicPrefix: "sites/plant-munich",
    qos: 1,
    offlineBufferHours: 72,
    sessionExpiryHours: 1,
    source: source("/sites/0"),
    ...overrides,
  };
  return {
    ...site,
    cloudCoverage:
      overrides.cloudCoverage ??
      siteCloudCoverage(site.offlineBufferHours, site.sessionExpiryHours, site.namespace),
  };
}

/** The `plant-mqtt` namespace (not routed, so no other service is needed) and the given sites. */
export function environmentWithSites(sites: readonly Site[]): EnvironmentModel {
  const base = environmentWithEventGrid({
    namespaces: [namespaceModel({ mqtt: prodBroker({ routeTo: undefined }) })],
  });
  return { ...base, sites };
}
