import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePriceTable, type PriceEntry } from "../../azure/prices";
import { pricesUpdateMain } from "../../scripts/prices-update";

/*
 * The refresh reads a recorded API answer from a loopback server: two pages for Service Bus in
 * westeurope (linked by NextPageLink), an empty answer for every other query. Nothing leaves
 * the machine.
 */
const fixtures = join(__dirname, "..", "fixtures", "prices");
const pages = (JSON.parse(readFileSync(join(fixtures, "api-pages.json"), "utf8")) as { pages: object[] })
  .pages;

/** Page two's items priced in euros: what the API answers a query for another currency. */
const euroItems = (): object[] =>
  (pages[1] as { Items: object[] }).Items.map((item) => ({ ...item, currencyCode: "EUR" }));
let answerInEuros = false;

let server: Server;
let base: string;
const requests: URL[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", base);
    requests.push(url);
    const filter = url.searchParams.get("$filter") ?? "";
    const serviceBusWestEurope =
      filter.includes("serviceName eq 'Service Bus'") && filter.includes("armRegionName eq 'westeurope'");
    const skip = url.searchParams.get("$skip");
    let body: object = { Items: [], NextPageLink: null, Count: 0 };
    if (serviceBusWestEurope && skip === null) {
      const next = new URL(url);
      next.searchParams.set("$skip", "2");
      body = { ...pages[0], NextPageLink: next.toString() };
    } else if (serviceBusWestEurope && skip === "2") body = { ...pages[1], NextPageLink: null };
    if (answerInEuros && serviceBusWestEurope) body = { ...pages[1], Items: euroItems(), NextPageLink: null };
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/retail/prices`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function update(table: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await pricesUpdateMain(["--table", table], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { PRICES_API_URL: base },
    today: new Date("2026-12-03T12:00:00Z"),
  });
  return { code, stdout, stderr };
}

describe("npm run prices:update", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "prices-"));
    requests.length = 0;
  });
  afterEach(() => {
    answerInEuros = false;
    rmSync(dir, { recursive: true, force: true });
  });

  it("refreshes the table across pages, with the query and today's date on each entry", async () => {
    const table = join(dir, "prices.json");
    copyFileSync(join(fixtures, "table-before.json"), table);
    const run = await update(table);
    expect(run).toMatchObject({ code: 0, stderr: "" });

    const parsed = parsePriceTable(JSON.parse(readFileSync(table, "utf8")));
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    const byId = new Map<string, PriceEntry>(parsed.table.entries.map((e) => [e.id, e]));
    expect([...byId.keys()].sort()).toEqual([
      "service-bus-premium-premium-messaging-unit-westeurope-0",
      "service-bus-standard-standard-base-unit-westeurope-0",
      "service-bus-standard-standard-messaging-operations-westeurope-13",
    ]);
    const base0 = byId.get("service-bus-standard-standard-base-unit-westeurope-0");
    expect(base0).toMatchObject({
      unitPrice: 0.0135,
      meterId: "00000000-0000-0000-0000-000000000002",
      readOn: "2026-12-03",
      unitOfMeasure: "1/Hour",
    });
    expect(base0?.source).toContain(`${base}?currencyCode=`);
    expect(decodeURIComponent(base0?.source ?? "")).toContain(
      "serviceName eq 'Service Bus' and armRegionName eq 'westeurope'",
    );

    expect(run.stdout).toContain("3 prices: 1 new, 1 changed, 1 unchanged, 1 no longer listed");
    expect(run.stdout).toContain(
      "changed service-bus-standard-standard-base-unit-westeurope-0: 0.013441 → 0.0135",
    );
    expect(run.stdout).toContain(
      "no longer listed service-bus-basic-basic-messaging-operations-westeurope-0",
    );
    // Page two was asked for through the first page's NextPageLink.
    expect(requests.filter((r) => r.searchParams.get("$skip") === "2")).toHaveLength(1);
    expect(requests.every((r) => r.hostname === "127.0.0.1")).toBe(true);
  });

  it("asks for US dollars, and refuses a price in another currency, leaving the table as it was", async () => {
    const table = join(dir, "prices.json");
    copyFileSync(join(fixtures, "table-before.json"), table);
    const before = readFileSync(table, "utf8");
    expect((await update(table)).code).toBe(0);
    expect(requests.every((r) => r.searchParams.get("currencyCode") === "'USD'")).toBe(true);

    copyFileSync(join(fixtures, "table-before.json"), table);
    answerInEuros = true;
    const run = await update(table);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^prices:update: http:\/\/127\.0\.0\.1:\d+\/api\/retail\/prices\?currencyCode=.* in EUR; the table holds USD only\n$/,
    );
    expect(readFileSync(table, "utf8")).toBe(before);
  });

  it("has no --currency: the estimates add up and print US dollars only", async () => {
    const table = join(dir, "prices.json");
    copyFileSync(join(fixtures, "table-before.json"), table);
    const before = readFileSync(table, "utf8");
    let stderr = "";
    const code = await pricesUpdateMain(["--table", table, "--currency", "EUR"], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      env: { PRICES_API_URL: base },
      today: new Date("2026-12-03T12:00:00Z"),
    });
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--currency'");
    expect(readFileSync(table, "utf8")).toBe(before);
  });

  it("leaves the table as it was when the API cannot be read", async () => {
    const table = join(dir, "prices.json");
    copyFileSync(join(fixtures, "table-before.json"), table);
    const before = readFileSync(table, "utf8");
    let stderr = "";
    const code = await pricesUpdateMain(["--table", table], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      env: { PRICES_API_URL: "http://127.0.0.1:1/api/retail/prices" },
      today: new Date("2026-12-03T12:00:00Z"),
    });
    expect(code).toBe(2);
    expect(stderr).toContain("prices:update:");
    expect(readFileSync(table, "utf8")).toBe(before);
  });
});
