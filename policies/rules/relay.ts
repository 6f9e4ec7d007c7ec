import { RELAY_DEFAULT_MINIMUM_TLS } from "../../azure/relay";
import type { Rule } from "../engine/rule";
import type { JsonValue } from "../engine/terraform-json";
import { relayNamespace as kind } from "./controls/namespace-kinds";
import { equalsText } from "./controls/setting";
import * as build from "./namespace-rules";

/**
 * azurerm_relay_namespace exposes neither setting, so both are read from azapi (the namespace's
 * `publicNetworkAccess` and `minimumTlsVersion` ARM properties). An omitted `minimumTlsVersion` is
 * Relay's default, so only an explicit older version fails.
 */
const tls12OrDefault = (value: JsonValue | undefined): boolean =>
  (value ?? RELAY_DEFAULT_MINIMUM_TLS) === "1.2" || value === "1.3";

export const relayRules: readonly Rule[] = [
  build.publicNetworkRule({
    id: "RELAY-PUBLIC-NETWORK",
    kind,
    check: {
      armProperty: "publicNetworkAccess",
      complies: equalsText("Disabled"),
      problem: "accepts listeners and senders from the public internet (publicNetworkAccess is not Disabled)",
    },
  }),
  build.minimumTlsRule({
    id: "RELAY-MIN-TLS",
    kind,
    check: {
      armProperty: "minimumTlsVersion",
      complies: tls12OrDefault,
      problem: "allows TLS older than 1.2 (minimumTlsVersion)",
    },
  }),
  build.privateEndpointRule({ id: "RELAY-PRIVATE-ENDPOINT", kind }),
  build.diagnosticsRule({ id: "RELAY-DIAGNOSTICS", kind }),
  build.lockRule({ id: "RELAY-LOCK", kind }),
  build.namespaceSharedAccessRule({ id: "RELAY-NO-NAMESPACE-SAS", kind }),
  build.narrowRolesRule({ id: "RELAY-NARROW-ROLES", kind }),
];
