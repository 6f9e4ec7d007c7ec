/**
 * docs/deploy.md against the code it describes: the one bootstrap command works as written, every
 * role the bootstrap assigns is in the docs' tables, and every check preflight prints is described.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bootstrapMain } from "../../scripts/bootstrap/cli";
import { root } from "./helpers/workflow";

const docs = readFileSync(join(root, "docs", "deploy.md"), "utf8");
const outDir = mkdtempSync(join(tmpdir(), "docs-bootstrap-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("docs/deploy.md", () => {
  const command = /^npm run bootstrap -- (--env prod --repository \S+) --apply$/m.exec(docs);

  it("names the one command a tenant admin runs", () => {
    expect(command?.[0]).toBe("npm run bootstrap -- --env prod --repository contoso/messaging-infra --apply");
  });

  it("gives a command the bootstrap accepts, and lists every role it assigns", () => {
    const args = [
      ...(command?.[1] ?? "").split(" "),
      "--environments-dir",
      join(root, "environments"),
      "--out-dir",
      outDir,
    ];
    const code = bootstrapMain(args, { env: {}, stdout: () => undefined, stderr: () => undefined });
    expect(code).toBe(0);
    const stack = JSON.parse(
      readFileSync(join(outDir, "stacks", "bootstrap-prod", "cdk.tf.json"), "utf8"),
    ) as {
      resource: { azurerm_role_assignment: Record<string, { role_definition_name: string }> };
    };
    const roles = new Set(
      Object.values(stack.resource.azurerm_role_assignment).map((r) => r.role_definition_name),
    );
    expect([...roles].filter((role) => !docs.includes(role))).toEqual([]);
  });

  it("explains both provider settings with their source", () => {
    expect(docs).toContain('resource_provider_registrations = "none"');
    expect(docs).toContain("data_plane_available = false");
    expect(docs).toContain("website/docs/guides/features-block.html.markdown");
  });
});
