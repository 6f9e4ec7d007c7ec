import fc from "fast-check";

/*
 * Building blocks every service's arbitraries share. Values are mostly plausible (so a good share
 * of generated files validate and reach synthesis) and sometimes edge values: bounds, one past a
 * bound, huge integers, TimeSpan.MaxValue durations, names with odd characters.
 *
 * References between parts of a file are generated as `Ref` placeholders (a kind, an index and a
 * letter case) and resolved once the whole file is drawn (materialize.ts): indices shrink to the
 * first candidate, so a counterexample stays small and its references stay meaningful.
 */

export type Json = Record<string, unknown>;
export type Tier = "development" | "production";

export type RefKind =
  | "principal"
  | "sbNamespace"
  | "sbQueue"
  | "sbTopic"
  /** A queue or topic of the enclosing Service Bus namespace (a forwarding target). */
  | "sbSibling"
  /** The enclosing queue itself, or a subscription's own topic (forwarding to itself). */
  | "sbSelf"
  /** `<namespace>/<topic>/<subscription>`: a subscription, which no forwarding may target. */
  | "sbSubscription"
  | "ehNamespace"
  | "eventHub"
  | "consumerGroup"
  /** A consumer group of the event hub `smoke.eventHub` names. */
  | "smokeConsumerGroup"
  | "egNamespace"
  /** An Event Grid namespace with an MQTT broker (where sites connect). */
  | "mqttNamespace"
  /** A topic space or client group of the enclosing Event Grid namespace. */
  | "topicSpace"
  | "clientGroup"
  | "iotHub"
  /** A route of the enclosing IoT hub. */
  | "iotRoute"
  /** Where the site's namespace routes its MQTT messages. */
  | "siteRoute"
  /** A resource reference (`serviceBus/orders/q1`) as waivers and allowDestroy write them. */
  | "resource"
  /** The Azure name the naming convention gives another namespace-like resource. */
  | "conventionalName"
  /** A queue or topic subscription of the namespace logic apps come with (`$companion`), which they read. */
  | "companionReceive"
  /** A queue or topic of that namespace, which they write. */
  | "companionSend";

export type Casing = "asIs" | "upper" | "lower" | "capitalized";

export interface Ref {
  readonly $ref: RefKind;
  /** Index into the candidates (taken modulo their number). */
  readonly pick: number;
  readonly casing: Casing;
  /** Names nothing declared in the file. */
  readonly dangling: boolean;
  /** The field is left out when the file declares nothing of the kind. */
  readonly optional?: boolean;
}

export function isRef(value: unknown): value is Ref {
  return typeof value === "object" && value !== null && "$ref" in value;
}

const casing: fc.Arbitrary<Casing> = fc.oneof(
  { withCrossShrink: true },
  { weight: 150, arbitrary: fc.constant<Casing>("asIs") },
  { weight: 1, arbitrary: fc.constantFrom<Casing>("upper", "lower", "capitalized") },
);

/** An entity a destination or a route delivers to: `{ serviceBusQueue | serviceBusTopic | eventHub: ref }`. */
export type TargetKind = "sbQueue" | "sbTopic" | "eventHub";

/**
 * A delivery target, preferring `$target` and falling back to another declared kind when the file
 * declares none of the preferred one (a file without queues still delivers to its event hub).
 */
export interface Target extends Omit<Ref, "$ref"> {
  readonly $target: TargetKind;
  /** What the field says when the file declares no queue, topic or hub at all. */
  readonly otherwise: Json;
}

export function isTarget(value: unknown): value is Target {
  return typeof value === "object" && value !== null && "$target" in value;
}

export function target(prefer: TargetKind, otherwise: Json): fc.Arbitrary<Target> {
  return ref(prefer).map(({ pick, casing, dangling }) => ({
    $target: prefer,
    pick,
    casing,
    dangling,
    otherwise,
  }));
}

/** A system topic's source: a declared namespace or hub, falling back to another kind, then to a storage account. */
export interface SourceChoice extends Omit<Ref, "$ref"> {
  readonly $source: "sbNamespace" | "ehNamespace" | "iotHub";
}

export function isSourceChoice(value: unknown): value is SourceChoice {
  return typeof value === "object" && value !== null && "$source" in value;
}

/** A reference of `kind`, mostly to something declared and in its declared letter case. */
export function ref(kind: RefKind): fc.Arbitrary<Ref> {
  return fc.record({
    $ref: fc.constant(kind),
    pick: fc.nat({ max: 7 }),
    casing,
    dangling: fc.oneof(
      { withCrossShrink: true },
      { weight: 500, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  });
}

/** A reference of `kind` whose field is left out when the file declares nothing it could name. */
export function optionalRef(kind: RefKind): fc.Arbitrary<Ref> {
  return ref(kind).map((r) => ({ ...r, optional: true }));
}

/** Present with probability `present / (present + absent)`; absent fields are dropped when the file is written. */
export function maybe<T>(arb: fc.Arbitrary<T>, present = 1, absent = 3): fc.Arbitrary<T | undefined> {
  // Cross-shrinking lets a counterexample lose the fields its failure does not need.
  return fc.oneof(
    { withCrossShrink: true },
    { weight: absent, arbitrary: fc.constant(undefined) },
    { weight: present, arbitrary: arb },
  );
}

/**
 * A value that is usually plausible and now and then one of `edges`. A file has a few hundred
 * fields and one bad value refuses it, so edges stay rare per field: about one file in four
 * carries one.
 */
export function usually<T>(plausible: fc.Arbitrary<T>, edges: readonly T[], edgeWeight = 1): fc.Arbitrary<T> {
  if (edges.length === 0) return plausible;
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 150, arbitrary: plausible },
    { weight: edgeWeight, arbitrary: fc.constantFrom(...edges) },
  );
}

/** Like `usually`, with the rare values drawn from an arbitrary of their own. */
export function orRarely<T>(plausible: fc.Arbitrary<T>, rare: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 60, arbitrary: plausible },
    { weight: 1, arbitrary: rare },
  );
}

/** Integers that break an integer field: a fraction, huge and negative values. */
export const hugeIntegers: readonly number[] = [2 ** 31, 2 ** 53 - 1, -1, 0, 1.5];

/**
 * An integer field with schema bounds `min`..`max`: plausible `values` and both bounds (which the
 * schema accepts, so the rest of the pipeline must too), rarely a value past a bound or a huge one.
 */
export function integer(
  values: readonly number[],
  min: number,
  max: number | undefined,
): fc.Arbitrary<number> {
  const inside = [...new Set([...values, min, ...(max === undefined ? [] : [max])])];
  const outside = [min - 1, ...(max === undefined ? [2 ** 31, 2 ** 53 - 1] : [max + 1]), ...hugeIntegers];
  return usually(
    fc.oneof(
      { withCrossShrink: true },
      { weight: 6, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom(...inside) },
    ),
    [...new Set(outside)].filter((n) => !inside.includes(n)),
  );
}

export function bool(trueWeight = 1, falseWeight = 1): fc.Arbitrary<boolean> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: trueWeight, arbitrary: fc.constant(true) },
    { weight: falseWeight, arbitrary: fc.constant(false) },
  );
}

/** TimeSpan.MaxValue as an ISO 8601 duration, the longest Azure stores. */
export const timeSpanMax = "P10675199DT2H48M5.4775807S";

/** ISO 8601 durations: plausible ones, and the extremes Azure and .NET's TimeSpan accept or refuse. */
export function duration(plausible: readonly string[]): fc.Arbitrary<string> {
  return usually(fc.constantFrom(...plausible), [
    timeSpanMax,
    "P10675199D",
    "P10675200D",
    "P99999999999D",
    "PT0S",
    "PT1S",
    "PT0.5S",
    "P1W",
    "PT5S",
    "PT5M",
    "P14D",
    "P14DT1S",
  ]);
}

/** Names with characters a name field's pattern lets through but Azure may not. */
export const oddNames: readonly string[] = [
  "a.b",
  "a_b",
  "x~y",
  "-x",
  "x-",
  "ä-ö",
  "$Default",
  "yes",
  "null",
  "123",
  "a:b",
  "#x",
  "x".repeat(51),
  "y".repeat(261),
];

/** Logical names of namespace-like resources; `Orders` and `orders` collide ignoring case. */
export const namespaceName: fc.Arbitrary<string> = usually(
  // `orders-to` beside a child `to-…` or `billing`: project IDs joined with hyphens can meet.
  fc.constantFrom("orders", "ops", "billing", "telemetry", "plant", "edge-1", "orders-to"),
  // `edge_1` beside `edge-1`: names the project turns into identifiers (outputs) can meet.
  ["Orders", "OPS", "ab", "a", "n_1", "edge_1", "edge.1", "a--b", "x".repeat(40), ...oddNames],
  3,
);

/** Names of entities inside a namespace (queues, hubs, routes, ...). */
export const entityName: fc.Arbitrary<string> = usually(
  fc.constantFrom("q1", "q2", "orders", "payments", "dlq", "events", "in-bound"),
  ["Orders", "Q1", "DLQ", ...oddNames],
  3,
);

/** Explicit Azure names (`resourceName`): a few on purpose, so two items may share one. */
export const resourceName: fc.Arbitrary<string> = usually(
  fc.constantFrom("shared-name-01", "Shared-Name-01", "custom-name-02"),
  ["ab", "x".repeat(60), "bad_name", "ends-with-"],
);

/** Names from `pool`, with its letter-case variants now and then (a case-insensitive collision). */
export function named(pool: readonly string[], edges: readonly string[] = []): fc.Arbitrary<string> {
  const variants = pool
    .map((name) => name.charAt(0).toUpperCase() + name.slice(1))
    .filter((v) => !pool.includes(v));
  return usually(fc.constantFrom(...pool), [...variants, ...edges], 2);
}

export const subscriptionPrefix =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-x/providers";

/** A storage account ID; the account name is mostly one Azure accepts. */
export const storageAccountId: fc.Arbitrary<string> = usually(fc.constantFrom("stexternal01", "stcapture"), [
  "st_bad",
  "ST",
  "s",
]).map((name) => `${subscriptionPrefix}/Microsoft.Storage/storageAccounts/${name}`);

export const identityId: fc.Arbitrary<string> = fc
  .constantFrom("id-extra", "id-other")
  .map((name) => `${subscriptionPrefix}/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`);

export const containerName: fc.Arbitrary<string> = usually(fc.constantFrom("capture", "archive", "data-1"), [
  "Uploads",
  "a_b",
  "ab",
  "x".repeat(64),
]);

export const ipRanges: fc.Arbitrary<string[]> = fc.uniqueArray(
  fc.constantFrom("203.0.113.0/24", "198.51.100.7", "10.0.0.0/8", "0.0.0.0/0"),
  { minLength: 1, maxLength: 2 },
);

export const tags: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  usually(fc.constantFrom("team", "costCenter", "owner"), ["a b", "x".repeat(600), "hidden-link:x"]),
  usually(fc.constantFrom("platform", "4711", ""), ["<script>", "a|b", "x".repeat(300)]),
  { maxKeys: 2 },
);

export const futureDate: fc.Arbitrary<string> = usually(fc.constantFrom("2027-03-31", "2027-01-15"), [
  "2026-11-22",
  "2027-11-24",
  "2027-02-30",
  "2099-01-01",
]);

/** One principal, now and then two (which may be the same one: listed twice). */
export const principalList: fc.Arbitrary<Ref[]> = fc.oneof(
  { withCrossShrink: true },
  { weight: 100, arbitrary: ref("principal").map((r) => [r]) },
  { weight: 1, arbitrary: fc.tuple(ref("principal"), ref("principal")) },
);

/**
 * Role lists (`senders`, `receivers`, `owners`, `listeners`) to spread into a record's model: with
 * one to three principals declared, one principal is often in several roles at once.
 */
export function grantFields(
  roles: readonly string[] = ["senders", "receivers", "owners"],
): Record<string, fc.Arbitrary<Ref[] | undefined>> {
  return Object.fromEntries(roles.map((role) => [role, maybe(principalList, 1, 2)]));
}

export interface CommonOptions {
  readonly tier: Tier;
  /** The SKU has no private link: production must open the public endpoint to reach it. */
  readonly noPrivateLink?: boolean;
  /** The role lists the resource takes. @default - senders, receivers and owners */
  readonly roles?: readonly string[];
  /** Shared fields the resource (or its SKU) has no setting for: drawn rarely, the checks must refuse them. */
  readonly lacks?: readonly string[];
  /** Role lists the resource has no role for: drawn rarely. */
  readonly lacksRoles?: readonly string[];
}

/**
 * The public endpoint and its IP rules, drawn together: ranges mostly where the endpoint is open
 * (rules on a closed endpoint admit nobody and are refused), and open mostly where production
 * has no private link to reach the resource otherwise.
 */
function publicAccess(options: CommonOptions): fc.Arbitrary<Json> {
  const ranges = (options.lacks ?? []).includes("allowedIpRanges")
    ? fc.constant(undefined)
    : maybe(ipRanges, 1, 1);
  const open = fc.record({ publicNetworkAccess: fc.constant(true), allowedIpRanges: ranges });
  const rare = fc.oneof(
    { withCrossShrink: true },
    fc.record({ allowedIpRanges: ipRanges }),
    fc.record({ publicNetworkAccess: fc.constant(false), allowedIpRanges: ipRanges }),
  );
  if (options.tier === "production" && options.noPrivateLink === true) {
    return orRarely<Json>(
      open,
      fc.oneof({ withCrossShrink: true }, fc.constant({}), fc.constant({ publicNetworkAccess: false })),
    );
  }
  const closed = fc.constantFrom<Json>({}, { publicNetworkAccess: false });
  const usual =
    options.tier === "production"
      ? fc.oneof({ withCrossShrink: true }, { weight: 6, arbitrary: closed }, { weight: 2, arbitrary: open })
      : fc.oneof(
          { withCrossShrink: true },
          { weight: 6, arbitrary: fc.constant({}) },
          { weight: 2, arbitrary: open },
          { weight: 1, arbitrary: closed },
        );
  return orRarely<Json>(usual, rare);
}

/**
 * The settings every namespace-like resource shares (`NamespaceCommonSpec`). `$waive` asks the
 * materializer to add the waivers a production file needs for what this item turns off.
 */
export function namespaceCommon(options: CommonOptions): fc.Arbitrary<Json> {
  const lacks = new Set(options.lacks ?? []);
  const field = <T>(name: string, arb: fc.Arbitrary<T>, present: number, absent: number) =>
    lacks.has(name) ? maybe(arb, 1, 40) : maybe(arb, present, absent);
  return fc
    .tuple(
      publicAccess(options),
      fc.record({
        resourceName: maybe(
          fc.oneof(
            { withCrossShrink: true },
            { weight: 3, arbitrary: resourceName },
            { weight: 1, arbitrary: ref("conventionalName") },
          ),
          1,
          10,
        ),
        localAuth: field("localAuth", fc.boolean(), 1, 5),
        trustedServicesAllowed: field("trustedServicesAllowed", fc.boolean(), 1, 6),
        privateEndpoint: field("privateEndpoint", fc.boolean(), 1, 5),
        diagnostics: field("diagnostics", fc.boolean(), 1, 6),
        lock: field("lock", fc.boolean(), 1, 6),
        userAssignedIdentityIds: field(
          "userAssignedIdentityIds",
          fc.uniqueArray(identityId, { minLength: 1, maxLength: 2 }),
          1,
          6,
        ),
        customerManagedKey: field("customerManagedKey", fc.boolean(), 1, 5),
        tags: maybe(tags, 1, 5),
        ...grantFields(options.roles),
        ...Object.fromEntries((options.lacksRoles ?? []).map((role) => [role, maybe(principalList, 1, 40)])),
        $waive: bool(30, 1),
      }),
    )
    .map(([access, rest]) => ({ ...access, ...rest }));
}

/**
 * Up to `max` named items, mostly few (files stay small enough to synthesize quickly), with names
 * unique as written: `Orders` beside `orders` still happens, as a case-insensitive collision.
 */
export function few<T extends Json>(arb: fc.Arbitrary<T>, max = 2): fc.Arbitrary<T[]> {
  return fc.uniqueArray(arb, { maxLength: max, size: "small", selector: (item) => item.name });
}
