import fc from "fast-check";
import { integer, maybe, named, optionalRef, orRarely, ref, usually, type Json } from "./common";

/*
 * Edge sites: a gateway that is an MQTT client of an Event Grid namespace, with its topic tree,
 * QoS, offline buffer and the route its messages take.
 */

export const site: fc.Arbitrary<Json> = fc.record({
  name: named(["munich", "lyon"], ["a", "x".repeat(40), "s_1"]),
  mqttClient: fc
    .tuple(
      fc.record({
        namespace: ref("mqttNamespace"),
        attributes: maybe(
          fc.dictionary(
            usually(fc.constantFrom("role", "line"), ["site"]),
            fc.oneof(
              { withCrossShrink: true },
              fc.constantFrom("gateway", "munich"),
              fc.integer({ min: 0, max: 9 }),
            ),
            { maxKeys: 2 },
          ),
        ),
      }),
      orRarely<Json>(
        fc.constantFrom(
          { certificateThumbprint: "3f2504e04f8941d39a0c0305e82c3301aabbccdd" },
          { certificateSubject: "CN=site" },
        ),
        fc.constant({}),
      ),
    )
    .map(([own, certificate]) => ({ ...own, ...certificate })),
  topicPrefix: maybe(usually(fc.constantFrom("plants/munich", "sites/x"), ["a/#", "$sys", "a/"])),
  qos: maybe(fc.constantFrom(0, 1)),
  offlineBufferHours: maybe(integer([0, 1, 8, 72], 0, 2147483647)),
  route: maybe(orRarely(optionalRef("siteRoute"), ref("eventHub")), 1, 2),
});
