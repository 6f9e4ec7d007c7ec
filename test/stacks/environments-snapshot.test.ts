import { synthesizedStack } from "./helpers/synthesized";

/**
 * The whole synthesized stack of each shipped environment. Snapshots are reviewed like code: an
 * unexpected change here is a bug until the pull request explains it.
 */
describe.each(["dev", "prod"])("the %s stack", (name) => {
  it("matches its reviewed snapshot", () => {
    expect(synthesizedStack(`environments/${name}.yaml`)).toMatchSnapshot();
  });
});
