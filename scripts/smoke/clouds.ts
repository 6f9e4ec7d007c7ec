/**
 * Azure clouds and their Resource Manager endpoints. The token audience is the endpoint's own
 * resource (`<endpoint>/.default`), as documented for each cloud ("Azure China 21Vianet
 * developer guide", "Azure Government developer guide"); Azure Stack Hub and other private
 * clouds publish theirs under `/metadata/endpoints` and are given with `--arm-audience`.
 */
export const knownClouds = {
  AzurePublicCloud: "https://management.azure.com",
  AzureChinaCloud: "https://management.chinacloudapi.cn",
  AzureUSGovernment: "https://management.usgovcloudapi.net",
} as const;

export type CloudName = keyof typeof knownClouds;

export interface ArmTarget {
  /** Resource Manager endpoint, without a trailing slash. */
  readonly endpoint: string;
  /** The OAuth scope tokens are requested for. */
  readonly scope: string;
  /** Where the target came from, for messages: a cloud name or "custom endpoint". */
  readonly description: string;
}

export function isCloudName(name: string): name is CloudName {
  return Object.prototype.hasOwnProperty.call(knownClouds, name);
}

/**
 * The ARM endpoint and token scope to use. Throws a configuration error (no network involved)
 * when the cloud is unknown or the endpoint is not an https URL.
 */
export function armTarget(options: {
  cloud?: string;
  armEndpoint?: string;
  armAudience?: string;
}): ArmTarget {
  if (options.armEndpoint !== undefined) {
    let url: URL;
    try {
      url = new URL(options.armEndpoint);
    } catch {
      throw new SmokeConfigError(`--arm-endpoint must be an https URL, got "${options.armEndpoint}"`);
    }
    if (url.protocol !== "https:") {
      throw new SmokeConfigError(
        `--arm-endpoint must use https (tokens are never sent in clear), got "${options.armEndpoint}"`,
      );
    }
    const endpoint = url.origin + url.pathname.replace(/\/+$/, "");
    const audience = (options.armAudience ?? endpoint).replace(/\/+$/, "");
    return { endpoint, scope: `${audience}/.default`, description: `custom endpoint ${endpoint}` };
  }
  const cloud = options.cloud ?? "AzurePublicCloud";
  if (!isCloudName(cloud)) {
    throw new SmokeConfigError(
      `--cloud must be one of ${Object.keys(knownClouds).join(", ")}, got "${cloud}" (use --arm-endpoint for Azure Stack Hub and other private clouds)`,
    );
  }
  const endpoint = knownClouds[cloud];
  return { endpoint, scope: `${options.armAudience ?? endpoint}/.default`, description: cloud };
}

/** A problem with how the smoke test was invoked or configured: exit code 2, nothing was asked of Azure. */
export class SmokeConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SmokeConfigError";
  }
}
