/**
 * The shape of Azure's naming rules, the pieces every service's rules are built from, the rules of
 * names no one service owns (environment, resource group, storage account, blob container), and
 * the check itself. Each rule cites where it comes from:
 *
 * - [rules]: learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 *   ("Naming rules and restrictions for Azure resources");
 * - the azurerm provider's validators (hashicorp/terraform-provider-azurerm, `internal/services/...`),
 *   which reject the name at plan time;
 * - the service documentation, where the rules page is silent.
 *
 * Each service's own rules live in its facts module (`azure/relay.ts`, ...), which builds them from
 * the pieces here; `azure/name-rules.ts` gathers them all by kind. This module imports no service,
 * so any of them may import it.
 */
import type { Problem } from "./problem";

export interface AzureNameRule {
  /** What the resource is called in messages ("Service Bus namespace"). */
  readonly what: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** One allowed character. */
  readonly allowed: RegExp;
  /** The allowed characters in words, for the message. */
  readonly allowedText: string;
  readonly start?: { readonly pattern: RegExp; readonly text: string };
  readonly end?: { readonly pattern: RegExp; readonly text: string };
  /** Endings Azure refuses (compared case-insensitively). */
  readonly reservedSuffixes?: readonly string[];
  /** Whole names Azure reserves (compared case-insensitively). */
  readonly reservedNames?: readonly string[];
  /** Character sequences Azure refuses anywhere in the name. */
  readonly forbiddenSequences?: readonly string[];
  /** Where the rule comes from. */
  readonly source: string;
}

const alphanumeric = /[A-Za-z0-9]/;
const letter = /[A-Za-z]/;
const startAlphanumeric = { pattern: alphanumeric, text: "a letter or number" } as const;
export const endAlphanumeric = { pattern: alphanumeric, text: "a letter or number" } as const;
const startLetter = { pattern: letter, text: "a letter" } as const;

export const rulesPage = "learn.microsoft.com resource-name-rules";

/** Service Bus, Event Hubs and Relay namespaces share the `servicebus.windows.net` DNS zone and its rules. */
export const messagingNamespace = {
  minLength: 6,
  maxLength: 50,
  allowed: /[A-Za-z0-9-]/,
  allowedText: "letters, numbers and hyphens",
  start: startLetter,
  end: endAlphanumeric,
} as const;

/** Queues, topics, hybrid connections and WCF relays are addressed by path: `/` is allowed. */
export const messagingEntityPath = {
  minLength: 1,
  maxLength: 260,
  allowed: /[A-Za-z0-9._\-/~]/,
  allowedText: "letters, numbers, periods, hyphens, underscores, tildes and slashes",
  start: startAlphanumeric,
  end: endAlphanumeric,
} as const;

export const shortChildName = {
  minLength: 1,
  maxLength: 50,
  allowed: /[A-Za-z0-9._-]/,
  allowedText: "letters, numbers, periods, hyphens and underscores",
  start: startAlphanumeric,
  end: endAlphanumeric,
} as const;

/** Microsoft.Insights resources: 1-260 characters but a few, not ending with a space or period. */
const insightsName = {
  minLength: 1,
  maxLength: 260,
  allowed: /[^:<>+/&%\\?|\p{Cc}]/u,
  allowedText: "characters other than :<>+/&%\\?| and control characters",
  end: { pattern: /[^ .]/, text: "a character other than a space or period" },
} as const;

/** Rules of names that belong to no one service. */
export const genericNameRules = {
  environment: {
    what: "environment name",
    minLength: 1,
    maxLength: 24,
    allowed: /[a-z0-9-]/,
    allowedText: "lowercase letters, numbers and hyphens",
    start: { pattern: /[a-z]/, text: "a lowercase letter" },
    end: { pattern: /[a-z0-9]/, text: "a lowercase letter or number" },
    // Project rule, not Azure's: the name is the stack name (a folder under cdktf.out, where case may
    // not distinguish two names) and a part of every Azure name, including storage accounts
    // ([rules] Microsoft.Storage: 3-24 lowercase letters and numbers).
    source:
      "project rule: stack name and part of every Azure name (storage accounts: 24 lowercase characters)",
  },
  resourceGroup: {
    what: "resource group",
    minLength: 1,
    maxLength: 90,
    allowed: /[\p{L}\p{N}._()-]/u,
    allowedText: "letters, numbers, underscores, periods, hyphens and parentheses",
    end: { pattern: /[^.]/, text: "a character other than a period" },
    source: `${rulesPage}, Microsoft.Resources/resourcegroups: 1-90, can't end with period`,
  },
  storageAccount: {
    what: "storage account",
    minLength: 3,
    maxLength: 24,
    allowed: /[a-z0-9]/,
    allowedText: "lowercase letters and numbers",
    source: `${rulesPage}, Microsoft.Storage/storageAccounts: 3-24, lowercase letters and numbers`,
  },
  blobContainer: {
    what: "blob container",
    minLength: 3,
    maxLength: 63,
    allowed: /[a-z0-9-]/,
    allowedText: "lowercase letters, numbers and hyphens",
    start: { pattern: /[a-z0-9]/, text: "a lowercase letter or number" },
    end: { pattern: /[a-z0-9]/, text: "a lowercase letter or number" },
    forbiddenSequences: ["--"],
    source: `${rulesPage}, Microsoft.Storage/storageAccounts/blobServices/containers: 3-63, no consecutive hyphens; learn.microsoft.com "Naming and referencing containers, blobs, and metadata": every hyphen between letters or numbers`,
  },
  privateEndpoint: {
    what: "private endpoint",
    minLength: 2,
    maxLength: 64,
    allowed: /[A-Za-z0-9._-]/,
    allowedText: "letters, numbers, underscores, periods and hyphens",
    start: startAlphanumeric,
    end: { pattern: /[A-Za-z0-9_]/, text: "a letter, number or underscore" },
    source: `${rulesPage}, Microsoft.Network/privateEndpoints: 2-64; azurerm network/validate PrivateLinkName`,
  },
  userAssignedIdentity: {
    what: "user-assigned identity",
    minLength: 3,
    maxLength: 128,
    allowed: /[A-Za-z0-9_-]/,
    allowedText: "letters, numbers, hyphens and underscores",
    start: startAlphanumeric,
    source: `${rulesPage}, Microsoft.ManagedIdentity/userAssignedIdentities: 3-128, start with letter or number`,
  },
  logAnalyticsWorkspace: {
    what: "Log Analytics workspace",
    minLength: 4,
    maxLength: 63,
    allowed: /[A-Za-z0-9-]/,
    allowedText: "letters, numbers and hyphens",
    start: startAlphanumeric,
    end: endAlphanumeric,
    source: `${rulesPage}, Microsoft.OperationalInsights/workspaces: 4-63, start and end with alphanumeric`,
  },
  actionGroup: {
    what: "action group",
    ...insightsName,
    source: `${rulesPage}, Microsoft.Insights/actionGroups: 1-260, can't end with space or period`,
  },
  autoscaleSetting: {
    what: "autoscale setting",
    ...insightsName,
    source: `${rulesPage}, Microsoft.Insights/autoscalesettings: 1-260, can't end with space or period`,
  },
  budget: {
    what: "budget",
    minLength: 1,
    maxLength: 63,
    allowed: /[A-Za-z0-9_-]/,
    allowedText: "letters, numbers, underscores and hyphens",
    source: "azurerm consumption/validate/name.go ConsumptionBudgetName: ^[-_a-zA-Z0-9]{1,63}$",
  },
} as const satisfies Record<string, AzureNameRule>;

/**
 * What is wrong with `name` under `rule`, in words that continue
 * `Azure name "x" for <field> ...`; undefined when Azure accepts it. Only the first problem is
 * reported: fixing the length usually changes the rest.
 */
export function azureNameProblem(rule: AzureNameRule, name: string): string | undefined {
  const length = [...name].length;
  if (length > rule.maxLength) {
    return `must be at most ${rule.maxLength} characters (it is ${length})`;
  }
  if (length < rule.minLength) {
    return `must be at least ${rule.minLength} characters (it is ${length})`;
  }
  let position = 0;
  for (const char of name) {
    position += 1;
    if (!rule.allowed.test(char)) {
      return `may contain only ${rule.allowedText}, but has ${JSON.stringify(char)} at position ${position}`;
    }
  }
  const first = [...name][0] ?? "";
  const last = [...name][length - 1] ?? "";
  if (rule.start && !rule.start.pattern.test(first)) return `must start with ${rule.start.text}`;
  if (rule.end && !rule.end.pattern.test(last)) return `must end with ${rule.end.text}`;
  const lowered = name.toLowerCase();
  for (const suffix of rule.reservedSuffixes ?? []) {
    if (lowered.endsWith(suffix)) return `must not end with "${suffix}" (Azure reserves it)`;
  }
  for (const sequence of rule.forbiddenSequences ?? []) {
    if (name.includes(sequence)) return `must not contain "${sequence}"`;
  }
  for (const reserved of rule.reservedNames ?? []) {
    if (lowered === reserved.toLowerCase()) return `must not be "${reserved}" (Azure reserves it)`;
  }
  return undefined;
}

/**
 * The problem with `name` under `rule`, as a rule's {@link Problem} at `field`: none when Azure
 * accepts the name, or when it is not known at synthesis (`undefined`: a Terraform token).
 */
export function azureNameProblems(rule: AzureNameRule, name: string | undefined, field = "name"): Problem[] {
  if (name === undefined) return [];
  const problem = azureNameProblem(rule, name);
  return problem === undefined ? [] : [{ field, message: `${rule.what} name "${name}" ${problem}` }];
}
