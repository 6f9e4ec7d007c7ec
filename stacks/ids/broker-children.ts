import { DistinctIds, withTag, type Identified } from "../../constructs/shared/distinct-ids";
import type { EnvironmentModel, EventGridNamespace } from "../../model/model";

/**
 * Children an Event Grid namespace construct makes itself (`attachSharedInterfaces` and its own
 * resources); a child the stack names after the file must not take one of these IDs.
 */
const fixedNamespaceChildren = ["namespace", "routing-identity", "diagnostics", "private-endpoint", "lock"];

/** The roles each edge site is bound to its own topic tree with. */
export const siteRoles = ["publisher", "subscriber"] as const;
export type SiteRole = (typeof siteRoles)[number];

export interface SiteChildIds {
  readonly topicSpace: string;
  readonly clientGroup: string;
  readonly permission: Readonly<Record<SiteRole, string>>;
}

function single(parts: readonly string[], plain: string): Identified {
  return { parts, ids: (tag?: string) => [withTag(plain, tag)] };
}

/**
 * Construct IDs of the MQTT resources inside one Event Grid namespace: the broker's own (built
 * with the namespace) and each edge site's (built later, with the sites). `client-<name>` meets
 * `client-group-<name>` when a client is called `group-<x>` beside a client group `<x>`.
 */
export class BrokerChildren {
  private readonly ids: DistinctIds;

  constructor(namespace: EventGridNamespace, model: EnvironmentModel) {
    const mqtt = namespace.mqtt;
    const sites = model.sites.filter((site) => site.namespace === namespace.name);
    const things: Identified[] = [
      ...(mqtt?.topicSpaces ?? []).map((s) => single(["topicSpace", s.name], `topic-space-${s.name}`)),
      ...(mqtt?.clientGroups ?? []).map((g) => single(["clientGroup", g.name], `client-group-${g.name}`)),
      ...(mqtt?.permissions ?? []).map((p) => single(["permission", p.name], `permission-${p.name}`)),
      ...(mqtt?.clients ?? []).map((c) => single(["client", c.name], `client-${c.name}`)),
      // A site's four resources share its name, and its tag.
      ...sites.map((site) => ({
        parts: ["site", site.name],
        ids: (tag?: string) => [
          withTag(`site-topic-space-${site.name}`, tag),
          withTag(`site-client-group-${site.name}`, tag),
          ...siteRoles.map((role) => withTag(`site-${role}-${site.name}`, tag)),
        ],
      })),
    ];
    this.ids = new DistinctIds(things, { reserved: fixedNamespaceChildren });
  }

  topicSpace(name: string): string {
    return this.ids.one(["topicSpace", name]);
  }

  clientGroup(name: string): string {
    return this.ids.one(["clientGroup", name]);
  }

  permission(name: string): string {
    return this.ids.one(["permission", name]);
  }

  client(name: string): string {
    return this.ids.one(["client", name]);
  }

  site(name: string): SiteChildIds {
    const [topicSpace, clientGroup, publisher, subscriber] = this.ids.of(["site", name]);
    return { topicSpace, clientGroup, permission: { publisher, subscriber } };
  }
}
