import { checkSites } from "../../model/semantic/sites";
import { devHeader, diagnosticsOf, messagesOf } from "./helpers/semantic";

const broker = (
  mqtt = "        topicSpaces:\n          - { name: telemetry, templates: ['plants/+/telemetry/#'] }\n",
): string => `eventGrid:\n  namespaces:\n    - name: plant-mqtt\n      mqtt:\n${mqtt}`;

function site(name: string, fields = "", thumbprint = "3f2504e04f8941d39a0c0305e82c3301aabbccdd"): string {
  return `  - name: ${name}\n${fields}    mqttClient:\n      namespace: plant-mqtt\n      certificateThumbprint: ${thumbprint}\n`;
}

const file = (sites: readonly string[], mqtt?: string): string =>
  `${devHeader}${broker(mqtt)}sites:\n${sites.join("")}`;

describe("edge site semantic checks", () => {
  it("accepts prod.yaml's site, whose 72-hour window is told, not refused", () => {
    expect(messagesOf(checkSites, file([site("plant-munich", "    offlineBufferHours: 72\n")]))).toEqual([]);
  });

  it("refuses a topic prefix with a wildcard, at the field", () => {
    const [problem] = diagnosticsOf(
      checkSites,
      file([site("plant-munich", "    topicPrefix: plants/+/munich\n")]),
    );
    expect(problem).toMatchObject({
      path: "sites[0].topicPrefix",
      message: expect.stringContaining('without "+" or "#"'),
    });
  });

  it("refuses two sites whose topic trees overlap on one broker", () => {
    const sites = [
      site("plant-a", "    topicPrefix: plants/a\n"),
      site("plant-b", "    topicPrefix: plants/a/b\n", "4f2504e04f8941d39a0c0305e82c3301aabbccdd"),
    ];
    expect(messagesOf(checkSites, file(sites))).toEqual([
      `site plant-b's topic tree "plants/a/b/#" overlaps site plant-a's "plants/a/#" on namespace plant-mqtt: each gateway is limited to its own tree, so give the sites disjoint topic prefixes`,
    ]);
  });

  it("accepts sibling topic trees that share only a prefix of characters", () => {
    const sites = [
      site("plant-a", "    topicPrefix: plants/a\n"),
      site("plant-ab", "    topicPrefix: plants/ab\n", "4f2504e04f8941d39a0c0305e82c3301aabbccdd"),
    ];
    expect(messagesOf(checkSites, file(sites))).toEqual([]);
  });

  it("refuses a site attribute other than the site's own name", () => {
    const text = file([site("plant-munich")]).replace(
      "      namespace: plant-mqtt\n",
      "      namespace: plant-mqtt\n      attributes: { site: plant-berlin }\n",
    );
    const [problem] = diagnosticsOf(checkSites, text);
    expect(problem).toMatchObject({
      path: "sites[0].mqttClient.attributes.site",
      message: expect.stringContaining('set it to "plant-munich"'),
    });
  });

  it("refuses sites that would take the namespace past its ten topic spaces", () => {
    const spaces = Array.from(
      { length: 10 },
      (_, i) => `          - { name: space-${i}, templates: ['t${i}/#'] }\n`,
    ).join("");
    const [problem] = diagnosticsOf(
      checkSites,
      file([site("plant-munich")], `        topicSpaces:\n${spaces}`),
    );
    expect(problem).toMatchObject({
      path: "eventGrid.namespaces[0].mqtt",
      message: expect.stringContaining("would hold 11 topicSpaces"),
    });
  });

  it("refuses a declared topic space that takes a site's scoping name", () => {
    const [problem] = diagnosticsOf(
      checkSites,
      file(
        [site("plant-munich")],
        "        topicSpaces:\n          - { name: site-plant-munich, templates: ['x/#'] }\n",
      ),
    );
    expect(problem.message).toContain('"site-plant-munich", the name of site plant-munich\'s own scoping');
  });
});
