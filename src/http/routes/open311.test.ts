import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { cases } from "../../db/schema";
import { changeCaseStatus } from "../../services/cases/change-case-status";
import { getCase } from "../../services/cases/get-case";
import { openCase } from "../../services/cases/open-case";
import {
  createCitizen,
  createStaff,
  recordingNotifier,
  seedCatalogue,
} from "../../services/cases/test-fixtures";
import { wherePublicId } from "../../services/open311/request-view";
import type { AppEnv } from "../context";
import { open311Routes } from "./open311";
import { jsonToComparable, parseOpen311Xml, xmlToComparable } from "./open311-conformance.fixture";

const KEY = "test-key-1";
const CONFIG = {
  OPEN311_API_KEYS: ` other-key , ${KEY} `,
  DEFAULT_LANGUAGE: "en",
  CITY_NAME: "Riverton",
  PUBLIC_BASE_URL: "https://city.example/",
  CASE_DUPLICATE_RADIUS_METRES: 50,
  CASE_DUPLICATE_WINDOW_HOURS: 168,
};

type Json = Record<string, unknown>;

forEachDatabase("Open311 GeoReport v2 routes", (use) => {
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    await seedCatalogue(use());
    app = new Hono<AppEnv>();
    app.use(requestId());
    app.route("/", open311Routes({ config: CONFIG, database: use(), notifier: recordingNotifier() }));
  });

  const get = (path: string) => app.request(`/open311/v2/${path}`);
  const post = (path: string, form: string, headers: Record<string, string> = {}) =>
    app.request(`/open311/v2/${path}`, {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...headers },
    });
  const json = async (response: Response) => {
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    return (await response.json()) as unknown;
  };
  const xml = async (response: Response) => {
    expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    return parseOpen311Xml(await response.text());
  };
  const errorDescriptions = async (response: Response) =>
    ((await json(response)) as { code: number; description: string }[]).map((e) => e.description).join(" | ");

  /** The staff reference behind a public Open311 id. */
  const staffReferenceOf = async (publicId: string) => {
    const [row] = await use()
      .db.select({ reference: cases.reference })
      .from(cases)
      .where(wherePublicId(publicId));
    if (!row) throw new Error(`no case for ${publicId}`);
    return row.reference;
  };

  let spot = 0;
  /** A fresh location for each report, so duplicate detection links only where a test means it to. */
  const somewhere = () => {
    spot += 1;
    return `lat=${(51.4 + spot * 0.01).toFixed(4)}&long=-0.2`;
  };
  const submitLight = (extra = "") =>
    post(
      "requests.json",
      `api_key=${KEY}&service_code=street-light&attribute[light_state]=off&${somewhere()}&description=Dark+lamp${extra}`,
    );

  describe("services", () => {
    it("lists the catalogue with metadata, type, keywords and group", async () => {
      const services = (await json(await get("services.json"))) as Json[];
      const light = services.find((s) => s.service_code === "street-light");
      expect(light).toMatchObject({
        service_name: "Street light not working",
        metadata: true,
        type: "realtime",
        group: "Streets and roads",
      });
      expect(String(light?.keywords)).toContain("street light, streetlight");
      expect(services.find((s) => s.service_code === "bulky-waste")?.type).toBe("batch");

      const tree = await xml(await get("services.xml"));
      expect(tree.name).toBe("services");
      expect(tree.children.map((c) => c.name)).toEqual(services.map(() => "service"));
    });

    it("defines a service's attributes in order, with list values", async () => {
      const definition = (await json(await get("services/fly-tipping.json"))) as {
        service_code: string;
        attributes: Json[];
      };
      expect(definition.service_code).toBe("fly-tipping");
      const wasteType = definition.attributes.find((a) => a.code === "waste_type");
      expect(wasteType).toMatchObject({
        datatype: "multivaluelist",
        required: true,
        variable: true,
        order: 1,
      });
      expect(((wasteType?.values ?? []) as Json[]).map((v) => v.key)).toEqual(
        expect.arrayContaining(["bags", "furniture", "tyres"]),
      );
      const orders = definition.attributes.map((a) => a.order as number);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));

      const tree = await xml(await get("services/fly-tipping.xml"));
      expect(tree.name).toBe("service_definition");
      expect(xmlToComparable(tree)).toEqual(jsonToComparable(definition));
    });

    it("describes a service in the city's default language, German or Spanish, alike in JSON and XML", async () => {
      for (const [lang, question, option] of [
        ["de", "Was macht die Laterne?", "Flackert oder geht an und aus"],
        ["es", "¿Qué le pasa a la farola?", "Parpadea o se enciende y se apaga"],
      ] as const) {
        const local = new Hono<AppEnv>();
        local.use(requestId());
        local.route(
          "/",
          open311Routes({
            config: { ...CONFIG, DEFAULT_LANGUAGE: lang },
            database: use(),
            notifier: recordingNotifier(),
          }),
        );
        const definition = (await json(await local.request("/open311/v2/services/street-light.json"))) as {
          attributes: Json[];
        };
        const state = definition.attributes.find((a) => a.code === "light_state");
        expect(state?.description).toBe(question);
        expect(((state?.values ?? []) as Json[]).find((v) => v.key === "flickering")?.name).toBe(option);
        const tree = await xml(await local.request("/open311/v2/services/street-light.xml"));
        expect(xmlToComparable(tree)).toEqual(jsonToComparable(definition));
      }
    });

    it("answers 404 with an error list for an unknown service, in either format", async () => {
      const response = await get("services/no-such-service.json");
      expect(response.status).toBe(404);
      expect(await json(response)).toEqual([
        { code: 404, description: expect.stringContaining("no-such-service") },
      ]);
      const asXml = await get("services/no-such-service.xml");
      expect(asXml.status).toBe(404);
      expect(xmlToComparable(await xml(asXml))).toEqual([
        { code: "404", description: expect.stringContaining("no-such-service") },
      ]);
    });
  });

  describe("discovery and formats", () => {
    it("describes the endpoint and its formats", async () => {
      const discovery = (await json(await get("discovery.json"))) as { endpoints: Json[] };
      expect(discovery.endpoints).toEqual([
        expect.objectContaining({
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: "https://city.example/open311/v2",
          formats: ["text/xml", "application/json"],
        }),
      ]);
      const tree = await xml(await get("discovery.xml"));
      expect(xmlToComparable(tree)).toEqual(jsonToComparable(discovery));
    });

    it("answers 404 in XML for an unsupported format and in JSON for an unknown resource", async () => {
      const csv = await get("services.csv");
      expect(csv.status).toBe(404);
      expect((await xml(csv)).name).toBe("errors");
      const unknown = await get("nothing.json");
      expect(unknown.status).toBe(404);
      expect(await json(unknown)).toEqual([{ code: 404, description: expect.any(String) }]);
      const deeper = await get("requests/a/b.json");
      expect(deeper.status).toBe(404);
    });
  });

  describe("POST requests", () => {
    it("refuses a missing or wrong api_key with 403 and the specification's error body", async () => {
      const before = ((await json(await get("requests.json"))) as Json[]).length;
      const form = `service_code=street-light&attribute[light_state]=off&${somewhere()}`;

      const missingJson = await post("requests.json", form);
      expect(missingJson.status).toBe(403);
      expect(await json(missingJson)).toEqual([
        { code: 403, description: expect.stringContaining("api_key") },
      ]);

      const missingXml = await post("requests.xml", form);
      expect(missingXml.status).toBe(403);
      const body = await missingXml.clone().text();
      expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      const tree = await xml(missingXml);
      expect(tree.name).toBe("errors");
      expect(xmlToComparable(tree)).toEqual([
        { code: "403", description: expect.stringContaining("api_key") },
      ]);

      const wrong = await post("requests.json", `api_key=${KEY}x&${form}`);
      expect(wrong.status).toBe(403);
      // Even an otherwise invalid request is refused for its key first.
      expect((await post("requests.json", "api_key=nope")).status).toBe(403);
      expect(((await json(await get("requests.json"))) as Json[]).length).toBe(before);
    });

    it("keeps attributes the service does not define (FixMyStreet's easting, its report id) on the case", async () => {
      const response = await post(
        "requests.json",
        `api_key=${KEY}&service_code=street-light&attribute[light_state]=off&${somewhere()}` +
          "&attribute[easting]=530123&attribute[fixmystreet_id]=4711&attribute[tags][]=a&attribute[tags][]=b",
      );
      expect(response.status).toBe(200);
      const [receipt] = (await json(response)) as { service_request_id: string }[];
      const agent = await createStaff(use(), ["agent"]);
      const stored = await getCase({
        ctx: { database: use(), actor: agent },
        input: { reference: await staffReferenceOf(receipt!.service_request_id) },
      });
      expect(stored.case.attributes).toEqual({
        light_state: "off",
        easting: "530123",
        fixmystreet_id: "4711",
        tags: ["a", "b"],
      });
    });

    it("rejects invalid input with 400 naming the field, and an unknown service with 404", async () => {
      const base = `api_key=${KEY}&${somewhere()}`;
      const cases: [string, number, string][] = [
        [`${base}&service_code=street-light&attribute[light_state]=purple`, 400, "attribute[light_state]"],
        [`${base}&service_code=street-light`, 400, "attribute[light_state]: required"],
        [`${base}&attribute[light_state]=off`, 400, "service_code is required"],
        [`${base}&service_code=no-such-service`, 404, "no-such-service"],
        [`api_key=${KEY}&service_code=street-light&attribute[light_state]=off`, 400, "location"],
        [`api_key=${KEY}&service_code=street-light&attribute[light_state]=off&lat=51.5`, 400, "long"],
        [`api_key=${KEY}&service_code=street-light&attribute[light_state]=off&lat=north&long=1`, 400, "lat"],
        [`${base}&service_code=street-light&attribute[light_state]=off&email=not-an-email`, 400, "email"],
        [
          `${base}&service_code=street-light&attribute[light_state]=off&media_url=javascript:alert(1)`,
          400,
          "media_url",
        ],
        [
          `${base}&service_code=street-light&attribute[light_state]=off&description=${"x".repeat(4001)}`,
          400,
          "description",
        ],
        [
          `${base}&service_code=bulky-waste&attribute[items]=sofa&attribute[item_count]=many`,
          400,
          "attribute[item_count]",
        ],
      ];
      for (const [form, status, mention] of cases) {
        const response = await post("requests.json", form);
        expect({ form, status: response.status }).toEqual({ form, status });
        expect(await errorDescriptions(response)).toContain(mention);
      }
      const asXml = await post(
        "requests.xml",
        `${base}&service_code=street-light&attribute[light_state]=purple`,
      );
      expect(asXml.status).toBe(400);
      expect(xmlToComparable(await xml(asXml))).toEqual([
        { code: "400", description: expect.stringContaining("attribute[light_state]") },
      ]);
    });

    it("refuses a body that is not a form", async () => {
      const response = await post("requests.json", JSON.stringify({ api_key: KEY }), {
        "content-type": "application/json",
      });
      expect(response.status).toBe(400);
    });

    it("stores multi-value attributes as lists and checks each value", async () => {
      const form = `api_key=${KEY}&service_code=fly-tipping&attribute[amount]=van_load&${somewhere()}&attribute[waste_type][]=bags&attribute[waste_type][]=tyres`;
      const created = await post("requests.json", form);
      expect(created.status).toBe(200);
      const [receipt] = (await json(created)) as Json[];
      const staff = await createStaff(use(), ["agent"]);
      const detail = await getCase({
        ctx: { database: use(), actor: staff },
        input: { reference: await staffReferenceOf(String(receipt?.service_request_id)) },
      });
      expect(detail.case.attributes.waste_type).toEqual(["bags", "tyres"]);
      expect(detail.case.channel).toBe("open311");

      const single = await post(
        "requests.json",
        `api_key=${KEY}&service_code=fly-tipping&attribute[amount]=van_load&${somewhere()}&attribute[waste_type]=rubble`,
      );
      const [singleReceipt] = (await json(single)) as Json[];
      const singleDetail = await getCase({
        ctx: { database: use(), actor: staff },
        input: { reference: await staffReferenceOf(String(singleReceipt?.service_request_id)) },
      });
      expect(singleDetail.case.attributes.waste_type).toEqual(["rubble"]);

      const bad = await post(
        "requests.json",
        `api_key=${KEY}&service_code=fly-tipping&attribute[amount]=van_load&${somewhere()}&attribute[waste_type][]=bags&attribute[waste_type][]=gold`,
      );
      expect(bad.status).toBe(400);
      expect(await errorDescriptions(bad)).toContain("attribute[waste_type]");
    });

    it("returns a token for a batch service that resolves to the request id", async () => {
      const created = await post(
        "requests.xml",
        `api_key=${KEY}&service_code=bulky-waste&address_string=7+Quarry+Road&attribute[items]=sofa&attribute[item_count]=1`,
      );
      expect(created.status).toBe(200);
      const [receipt] = xmlToComparable(await xml(created)) as Json[];
      expect(receipt).not.toHaveProperty("service_request_id");
      expect(String(receipt?.service_notice)).not.toContain("CD-");
      const token = String(receipt?.token);
      const resolved = (await json(await get(`tokens/${token}.json`))) as Json[];
      expect(resolved).toEqual([{ service_request_id: expect.stringMatching(/^CDP-[0-9A-Z]{11}$/), token }]);
      const listed = (await json(await get(`requests/${resolved[0]?.service_request_id}.json`))) as Json[];
      expect(listed[0]).toMatchObject({
        service_code: "bulky-waste",
        address: "7 Quarry Road",
        status: "open",
      });

      expect((await get("tokens/00000000-0000-4000-8000-000000000000.json")).status).toBe(404);
      expect((await get("tokens/not-a-token.xml")).status).toBe(404);
    });

    it("links a second report of the same problem to the first request", async () => {
      const form = `api_key=${KEY}&service_code=street-light&attribute[light_state]=off&lat=52.9&long=-1.1`;
      const [first] = (await json(await post("requests.json", form))) as Json[];
      const [second] = (await json(await post("requests.json", `${form}&description=Still+dark`))) as Json[];
      expect(second?.service_request_id).toBe(first?.service_request_id);
      expect(String(second?.service_notice)).toContain("already been reported");
    });
  });

  describe("GET requests", () => {
    it("shows a created request as open in the list and alone, without personal data", async () => {
      const personal =
        "&email=Jane.Doe%40mail.example&phone=%2B44+7700+900123&first_name=Jane&last_name=Doe&account_id=acc-9";
      const created = await post(
        "requests.json",
        `api_key=${KEY}&service_code=street-light&attribute[light_state]=flickering&lat=53.1&long=-2.2` +
          `&address_string=12+Elm+Street&description=Flickers+all+night&media_url=https%3A%2F%2Fimg.example%2F1.jpg${personal}`,
      );
      expect(created.status).toBe(200);
      const [receipt] = (await json(created)) as Json[];
      expect(receipt).toEqual({
        service_request_id: expect.stringMatching(/^CDP-[0-9A-Z]{11}$/),
        service_notice: expect.any(String),
        account_id: "acc-9",
      });
      const id = String(receipt?.service_request_id);

      const listed = (await json(await get("requests.json?status=open"))) as Json[];
      const fromList = listed.find((r) => r.service_request_id === id);
      const [alone] = (await json(await get(`requests/${id}.json`))) as Json[];
      expect(fromList).toEqual(alone);
      expect(alone).toMatchObject({
        status: "open",
        status_notes: null,
        service_code: "street-light",
        service_name: "Street light not working",
        description: "Flickers all night",
        agency_responsible: "Highways and Street Lighting",
        address: "12 Elm Street",
        lat: 53.1,
        long: -2.2,
        media_url: "https://img.example/1.jpg",
        requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      });
      for (const path of [`requests/${id}.json`, `requests/${id}.xml`, "requests.json", "requests.xml"]) {
        const text = await (await get(path)).text();
        for (const secret of ["Jane", "Doe", "mail.example", "7700", "acc-9"])
          expect(text).not.toContain(secret);
      }
      expect((await get(`requests/${id.toLowerCase()}.xml`)).status).toBe(200);
      expect((await get("requests/CD-1999-000001.json")).status).toBe(404);
    });

    it("shows a request closed with the staff's note once it is resolved", async () => {
      const [receipt] = (await json(await submitLight())) as Json[];
      const id = String(receipt?.service_request_id);
      const staff = await createStaff(use(), ["agent"]);
      await changeCaseStatus({
        ctx: { database: use(), actor: staff },
        input: { reference: await staffReferenceOf(id), status: "in_progress", note: "Crew booked" },
      });
      const [working] = (await json(await get(`requests/${id}.json`))) as Json[];
      expect(working).toMatchObject({ status: "open", status_notes: "Crew booked" });

      const resolvedAt = new Date("2031-05-04T03:02:01Z");
      await changeCaseStatus({
        ctx: { database: use(), actor: staff, now: resolvedAt },
        input: {
          reference: await staffReferenceOf(id),
          status: "resolved",
          note: "Lamp replaced <b>today</b> & tested",
        },
      });
      const [closed] = (await json(await get(`requests/${id}.json`))) as Json[];
      expect(closed).toMatchObject({
        status: "closed",
        status_notes: "Lamp replaced <b>today</b> & tested",
        updated_datetime: "2031-05-04T03:02:01Z",
      });
      const tree = await xml(await get(`requests/${id}.xml`));
      expect(xmlToComparable(tree)).toEqual(jsonToComparable([closed]));

      const closedList = (await json(await get("requests.json?status=closed"))) as Json[];
      expect(closedList.map((r) => r.service_request_id)).toContain(id);
      const openList = (await json(await get("requests.json?status=open"))) as Json[];
      expect(openList.map((r) => r.service_request_id)).not.toContain(id);
    });

    it("filters by ids, service codes and dates, newest first", async () => {
      const [a] = (await json(await submitLight())) as Json[];
      const [b] = (await json(await submitLight())) as Json[];
      const ids = [a?.service_request_id, b?.service_request_id].map(String);

      const byIds = (await json(
        await get(`requests.json?service_request_id=${ids.join(",")}&status=closed`),
      )) as Json[];
      expect(byIds.map((r) => r.service_request_id)).toEqual([...ids].reverse());

      const all = (await json(await get("requests.json"))) as Json[];
      const times = all.map((r) => String(r.requested_datetime));
      expect(times).toEqual([...times].sort().reverse());
      const lights = (await json(await get("requests.json?service_code=street-light,pothole"))) as Json[];
      expect(lights.length).toBeGreaterThan(0);
      expect(lights.every((r) => r.service_code === "street-light")).toBe(true);

      const future = (await json(await get("requests.json?start_date=2099-01-01T00:00:00Z"))) as Json[];
      expect(future).toEqual([]);
      const now = Date.now();
      const window = `start_date=${new Date(now - 3_600_000).toISOString()}&end_date=${new Date(now + 3_600_000).toISOString()}`;
      const recent = (await json(await get(`requests.json?${window.replaceAll("+", "%2B")}`))) as Json[];
      expect(recent.map((r) => r.service_request_id)).toEqual(expect.arrayContaining(ids));
    });

    it("refuses a date range over 90 days, a reversed range and malformed filters with 400", async () => {
      const tooLong = await get(
        "requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-04-02T00:00:01Z",
      );
      expect(tooLong.status).toBe(400);
      expect(await errorDescriptions(tooLong)).toContain("90 days");
      const tooLongXml = await get(
        "requests.xml?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
      );
      expect(tooLongXml.status).toBe(400);
      expect((await xml(tooLongXml)).name).toBe("errors");

      expect(
        (await get("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-03-31T23:59:59Z")).status,
      ).toBe(200);
      expect(
        (await get("requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z")).status,
      ).toBe(400);
      expect((await get("requests.json?start_date=yesterday")).status).toBe(400);
      expect((await get("requests.json?start_date=2026-01-01T00:00:00")).status).toBe(400);
      expect((await get("requests.json?status=pending")).status).toBe(400);
      expect((await get("requests.json?status=&service_code=")).status).toBe(200);
    });
  });

  it("shows a chat report without the citizen's words, house number or exact spot, under a random id", async () => {
    const citizen = await createCitizen(use());
    const opened = await openCase({
      ctx: { database: use(), actor: { kind: "citizen", contactId: citizen.contactId } },
      input: {
        serviceCode: "street-light",
        description: "The lamp outside my house is out, my name is Alice Example, call 07700 900123",
        location: { address: "27 Birch Lane", lat: 51.123456, long: -0.654321 },
        attributes: { light_state: "off" },
        conversationId: citizen.conversationId,
        channel: "web",
        lang: "en",
      },
    });
    expect(opened.outcome).toBe("opened");
    const reference = opened.case.reference;
    // The staff reference is not a public id: nothing is found by counting through them.
    expect((await get(`requests/${reference}.json`)).status).toBe(404);
    const listed = (await json(await get("requests.json"))) as Json[];
    const shown = listed.find((r) => r.requested_datetime && r.address === "Birch Lane");
    expect(shown).toMatchObject({
      service_code: "street-light",
      status: "open",
      description: null,
      address: "Birch Lane",
      address_id: null,
      lat: 51.123,
      long: -0.654,
      media_url: null,
    });
    const id = String(shown?.service_request_id);
    expect(id).toMatch(/^CDP-[0-9A-Z]{11}$/);
    expect(id).not.toContain(reference);
    const single = await (await get(`requests/${id}.json`)).text();
    expect(single).not.toMatch(/Alice|07700|27 Birch/);
    expect(JSON.stringify(listed)).not.toMatch(/Alice|07700|27 Birch/);
    // One wrong character of the id is caught by its check character.
    const typo = `${id.slice(0, -2)}${id.at(-2) === "0" ? "1" : "0"}${id.at(-1)}`;
    expect((await get(`requests/${typo}.json`)).status).toBe(404);
  });

  it("escapes markup and drops characters XML cannot carry, keeping XML and JSON in step", async () => {
    const description = encodeURIComponent(
      `Lamp <script>alert("x")</script> & 'quotes' \u0001 ünïcödé 🚧 ]]>`,
    );
    const [receipt] = (await json(await submitLight(`+${description}`))) as Json[];
    const id = String(receipt?.service_request_id);
    const [fromJson] = (await json(await get(`requests/${id}.json`))) as Json[];
    const raw = await (await get(`requests/${id}.xml`)).text();
    expect(raw).not.toContain("<script>");
    expect(raw).not.toContain("\u0001");
    const [fromXml] = xmlToComparable(parseOpen311Xml(raw)) as Json[];
    expect(fromXml?.description).toBe(
      `Dark lamp Lamp <script>alert("x")</script> & 'quotes'  ünïcödé 🚧 ]]>`,
    );
    expect(fromJson?.description).toBe(fromXml?.description);
  });
});
