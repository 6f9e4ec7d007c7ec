import { didYouMean, editDistance } from "../../model/did-you-mean";

describe("editDistance", () => {
  it("is zero for equal words", () => {
    expect(editDistance("tier", "tier")).toBe(0);
  });

  it("counts a swap of two neighbouring letters as one edit", () => {
    expect(editDistance("teir", "tier")).toBe(1);
  });

  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("maxDeliveryCont", "maxDeliveryCount")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("measures against an empty word by length", () => {
    expect(editDistance("", "sku")).toBe(3);
    expect(editDistance("sku", "")).toBe(3);
  });
});

describe("didYouMean", () => {
  const queueFields = ["name", "sessions", "maxDeliveryCount", "lockDuration", "messageTtl", "partitioned"];

  it("suggests the field one typo away", () => {
    expect(didYouMean("maxDeliveryCont", queueFields)).toBe("maxDeliveryCount");
  });

  it("suggests a value that differs only in letter case", () => {
    expect(didYouMean("premium", ["Basic", "Standard", "Premium"])).toBe("Premium");
  });

  it("suggests the shortest valid word a cut-off word begins", () => {
    expect(didYouMean("NumberGreater", ["NumberGreaterThanOrEquals", "NumberGreaterThan", "NumberIn"])).toBe(
      "NumberGreaterThan",
    );
  });

  it("suggests nothing when no candidate is close", () => {
    expect(didYouMean("colour", queueFields)).toBeUndefined();
  });

  it("does not let short words match everything", () => {
    expect(didYouMean("ab", ["xy", "name"])).toBeUndefined();
  });

  it("never suggests the word itself", () => {
    expect(didYouMean("name", ["name"])).toBeUndefined();
  });
});
