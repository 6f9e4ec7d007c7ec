import { armTarget } from "../../scripts/smoke/clouds";

describe("ARM endpoints per cloud", () => {
  it("uses the public cloud by default", () => {
    expect(armTarget({})).toEqual({
      endpoint: "https://management.azure.com",
      scope: "https://management.azure.com/.default",
      description: "AzurePublicCloud",
    });
  });

  it("matches the token audience to the China cloud's endpoint", () => {
    expect(armTarget({ cloud: "AzureChinaCloud" }).scope).toBe(
      "https://management.chinacloudapi.cn/.default",
    );
  });

  it("matches the token audience to the US Government cloud's endpoint", () => {
    expect(armTarget({ cloud: "AzureUSGovernment" }).endpoint).toBe("https://management.usgovcloudapi.net");
  });

  it("takes a custom endpoint with its own audience for Azure Stack Hub", () => {
    const target = armTarget({
      armEndpoint: "https://management.local.azurestack.external/",
      armAudience: "https://management.adfs.azurestack.local/4ca4b5a2-0000-0000-0000-000000000000",
    });
    expect(target.endpoint).toBe("https://management.local.azurestack.external");
    expect(target.scope).toBe(
      "https://management.adfs.azurestack.local/4ca4b5a2-0000-0000-0000-000000000000/.default",
    );
  });
});
