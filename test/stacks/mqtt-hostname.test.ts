import { synthesizableFiles } from "./helpers/synthesizable-files";
import { synthesizedStack } from "./helpers/synthesized";

const DERIVED = /\.ts\.eventgrid\.azure\.net/;
const READ = /\$\{data\.azapi_resource\.[^.]+\.output\.properties\.topicSpacesConfiguration\.hostname\}/;

/**
 * Stack outputs carry the MQTT host name Azure returns (properties.topicSpacesConfiguration.hostname);
 * the documented `<ns>.<region>-1.ts.eventgrid.azure.net` form stays in offline reports only.
 */
describe.each(synthesizableFiles())("the outputs of %s", (file) => {
  it("carry no derived MQTT host name", () => {
    expect(JSON.stringify(synthesizedStack(file).output ?? {})).not.toMatch(DERIVED);
  });
});

describe("the prod stack's connection catalog", () => {
  it("gives the MQTT broker at the host name read from the API", () => {
    const catalog = JSON.stringify(synthesizedStack("environments/prod.yaml").output?.connection_catalog);
    expect(catalog).toMatch(READ);
  });
});
