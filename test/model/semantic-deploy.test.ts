import { checkDeploy } from "../../model/semantic/deploy";
import { loadEnvironmentText } from "../../model/load-environment";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const withDeploy = (deploy: string): string => `${devHeader}deploy: ${deploy}\n`;

describe("deploy: in one file", () => {
  it("accepts a single predecessor and a list of runner labels", () => {
    expect(messagesOf(checkDeploy, withDeploy("{ after: qa, runsOn: [self-hosted, linux] }"))).toEqual([]);
  });

  it("refuses an environment that deploys after itself, at the entry that names it", () => {
    const [error] = diagnosticsOf(checkDeploy, withDeploy("{ after: [qa, dev] }"));
    expect(error).toMatchObject({ line: 9, path: "deploy.after[1]" });
    expect(error.message).toBe(
      'environment "dev" cannot deploy after itself; name the environments that must deploy before it',
    );
  });

  it("refuses the same runner label twice in different letter case", () => {
    const [error] = diagnosticsOf(checkDeploy, withDeploy("{ runsOn: [self-hosted, Linux, linux] }"));
    expect(error).toMatchObject({ path: "deploy.runsOn[2]" });
    expect(error.message).toContain("GitHub compares labels without regard to case");
  });
});

describe("state: in one file", () => {
  const withState = (state: string): string => `${devHeader}state: ${state}\n`;

  it("accepts a state account and group apart from the environment's", () => {
    expect(
      messagesOf(
        checkDeploy,
        withState("{ resourceGroup: rg-tfstate, storageAccount: stcontosotfstate, container: tfstate }"),
      ),
    ).toEqual([]);
  });

  it("refuses a state account name Azure would refuse, at its line", () => {
    const [error] = diagnosticsOf(
      checkDeploy,
      withState("{ resourceGroup: rg-tfstate, storageAccount: st-Contoso, container: tfstate }"),
    );
    expect(error).toMatchObject({ path: "state.storageAccount" });
    expect(error.message).toBe(
      'Azure name "st-Contoso" for the state storage account may contain only lowercase letters and numbers, but has "-" at position 3',
    );
  });

  it("refuses state kept in the environment's own resource group, whatever its letter case", () => {
    const [error] = diagnosticsOf(
      checkDeploy,
      withState("{ resourceGroup: RG-Contoso-Messaging-Dev, storageAccount: stcontoso, container: tfstate }"),
    );
    expect(error).toMatchObject({ path: "state.resourceGroup" });
    expect(error.message).toContain("out of reach of the deploy identity");
  });
});

describe("the resolved deploy settings", () => {
  function modelOf(text: string) {
    const result = loadEnvironmentText(text, "env.yaml");
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.model;
  }

  it("deploy first on ubuntu-latest when the file has no deploy:", () => {
    expect(modelOf(devHeader).deploy).toEqual({ after: [], runsOn: ["ubuntu-latest"] });
  });

  it("keep where each predecessor is named", () => {
    const deploy = modelOf(withDeploy("\n  after: [qa, staging]\n  runsOn: self-hosted")).deploy;
    expect(deploy.runsOn).toEqual(["self-hosted"]);
    expect(deploy.after.map((a) => [a.environment, a.source.line, a.source.pointer])).toEqual([
      ["qa", 10, "/deploy/after/0"],
      ["staging", 10, "/deploy/after/1"],
    ]);
  });

  it("refuse a runner label with a comma, which GitHub would read as two labels", () => {
    const result = loadEnvironmentText(withDeploy("{ runsOn: 'self-hosted,linux' }"), "env.yaml");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].path).toBe("deploy.runsOn");
  });
});
