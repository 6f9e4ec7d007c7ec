import { changeKind } from "../../policies/plan-guard/change-kind";

describe("changeKind", () => {
  it("reads delete then create as a destroy-before-create replacement", () => {
    expect(changeKind(["delete", "create"])).toEqual({ kind: "replace", order: "destroy-before-create" });
  });

  it("reads create then delete as a create-before-destroy replacement", () => {
    expect(changeKind(["create", "delete"])).toEqual({ kind: "replace", order: "create-before-destroy" });
  });

  it("reads a lone delete as a delete", () => {
    expect(changeKind(["delete"])).toEqual({ kind: "delete" });
  });

  it("reads forget as forgetting, not destroying", () => {
    expect(changeKind(["forget"])).toEqual({ kind: "forget" });
  });
});
