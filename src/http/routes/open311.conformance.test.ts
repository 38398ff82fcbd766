import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { beforeAll, describe, expect, it } from "vitest";
import { forEachDatabase } from "../../../test/db";
import { cases } from "../../db/schema";
import { changeCaseStatus } from "../../services/cases/change-case-status";
import { createStaff, seedCatalogue } from "../../services/cases/test-fixtures";
import { wherePublicId } from "../../services/open311/request-view";
import type { AppEnv } from "../context";
import { open311Routes } from "./open311";
import {
  hasOpen311Schemas,
  jsonToComparable,
  OPEN311_SCHEMA_DIR,
  Open311Schemas,
  parseOpen311Xml,
  xmlToComparable,
} from "./open311-conformance.fixture";

const present = hasOpen311Schemas();
if (!present) {
  console.warn(`Open311 conformance test skipped: the published schemas are not at ${OPEN311_SCHEMA_DIR}`);
}

const KEY = "conformance-key";
const CONFIG = {
  OPEN311_API_KEYS: KEY,
  DEFAULT_LANGUAGE: "en",
  CITY_NAME: "Riverton",
  PUBLIC_BASE_URL: undefined,
  CASE_DUPLICATE_RADIUS_METRES: 50,
  CASE_DUPLICATE_WINDOW_HOURS: 168,
};

type Json = Record<string, unknown>;

describe.skipIf(!present)(
  present
    ? "Open311 responses against the published GeoReport v2 schemas"
    : "Open311 conformance (skipped: ../shared/open311 is absent)",
  () => {
    const schemas = present ? new Open311Schemas() : (undefined as never);

    describe("the checker itself", () => {
      const good = {
        service_request_id: "CD-2026-000001",
        status: "open",
        service_code: "pothole",
        requested_datetime: "2026-01-02T03:04:05Z",
        lat: null,
      };

      it("accepts a valid request and flags each kind of mistake", () => {
        expect(schemas.validate([good], "requests.json")).toEqual([]);
        const mistakes: [unknown, string][] = [
          [{ ...good, service_code: 6 }, "expected string"],
          [{ ...good, status: "pending" }, "enum"],
          [{ ...good, requested_datetime: "2026-01-02T03:04:05" }, "date-time"],
          [{ ...good, lat: "51.5" }, "anyOf"],
          [{ ...good, media_url: "not a url" }, "anyOf"],
          [{ ...good, description: "x".repeat(4001) }, "anyOf"],
          [{ ...good, email: "a@b.example" }, "not a field"],
          [
            { status: "open", service_code: "pothole", requested_datetime: good.requested_datetime },
            "missing required",
          ],
        ];
        for (const [value, problem] of mistakes) {
          expect(schemas.validate([value], "requests.json").join("\n")).toContain(problem);
        }
        expect(schemas.validate({}, "requests.json").join()).toContain("expected array");
      });

      it("rejects XML that is not well formed", () => {
        const head = '<?xml version="1.0" encoding="utf-8"?>';
        for (const bad of [
          "<errors></errors>",
          `${head}<errors><error></errors>`,
          `${head}<errors>a < b</errors>`,
          `${head}<errors>&nbsp;</errors>`,
          `${head}<a></a><b></b>`,
          `${head}<a x="1"></a>`,
          `${head}<a>text<b></b></a>`,
        ]) {
          expect(() => parseOpen311Xml(bad), bad).toThrow();
        }
        expect(
          xmlToComparable(parseOpen311Xml(`${head}<errors><error><code>1</code></error></errors>`)),
        ).toEqual([{ code: "1" }]);
      });
    });

    forEachDatabase("every GeoReport v2 endpoint", (use) => {
      let app: Hono<AppEnv>;
      const receipts: Json[] = [];
      beforeAll(async () => {
        await seedCatalogue(use());
        app = new Hono<AppEnv>();
        app.use(requestId());
        app.route("/", open311Routes({ config: CONFIG, database: use() }));
        const submissions = [
          // Every optional field filled in.
          `service_code=street-light&lat=51.5007&long=-0.1246&address_string=1+Bridge+Street&address_id=UPRN-1` +
            `&attribute[light_state]=off&attribute[pole_number]=RV-1&description=Out&media_url=https%3A%2F%2Fimg.example%2Fa.jpg` +
            `&email=a%40b.example&first_name=A&last_name=B&phone=01234+567890&device_id=d1&account_id=42`,
          // The least a client may send: nulls everywhere the schema allows them.
          "service_code=pothole&address_id=UPRN-2&attribute[surface]=road",
          "service_code=fly-tipping&lat=51.51&long=-0.13&attribute[waste_type][]=bags&attribute[waste_type][]=tyres&attribute[amount]=van_load",
          "service_code=bulky-waste&address_string=7+Quarry+Road&attribute[items]=sofa&attribute[item_count]=2",
        ];
        for (const form of submissions) {
          const response = await post("json", `api_key=${KEY}&${form}`);
          const body = (await response.json()) as Json[];
          expect(response.status, JSON.stringify(body)).toBe(200);
          receipts.push(...body);
        }
        const staff = await createStaff(use(), ["agent"]);
        const [first] = await use()
          .db.select({ reference: cases.reference })
          .from(cases)
          .where(wherePublicId(String(receipts[0]?.service_request_id)));
        await changeCaseStatus({
          ctx: { database: use(), actor: staff },
          input: { reference: String(first?.reference), status: "resolved", note: "Fixed" },
        });
      });

      const post = (format: string, form: string) =>
        app.request(`/open311/v2/requests.${format}`, {
          method: "POST",
          body: form,
          headers: { "content-type": "application/x-www-form-urlencoded" },
        });

      /** Fetches both formats, checks the JSON against its schema and the XML against the JSON. */
      const conforms = async (
        path: string,
        schema: string | null,
        root: string,
        init?: (format: string) => Response | Promise<Response>,
      ) => {
        const [asJson, asXml] = await Promise.all(
          ["json", "xml"].map((format) =>
            init ? init(format) : app.request(`/open311/v2/${path}.${format}`),
          ),
        );
        expect(asJson?.headers.get("content-type")).toBe("application/json; charset=utf-8");
        expect(asXml?.headers.get("content-type")).toBe("text/xml; charset=utf-8");
        const body = (await asJson!.json()) as unknown;
        if (schema) expect(schemas.validate(body, schema), path).toEqual([]);
        const tree = parseOpen311Xml(await asXml!.text());
        expect(tree.name).toBe(root);
        expect(xmlToComparable(tree), path).toEqual(jsonToComparable(body));
        return body;
      };

      it("services", async () => {
        const services = (await conforms("services", "services.json", "services")) as Json[];
        expect(services.length).toBeGreaterThan(10);
      });

      it("every service definition", async () => {
        const services = (await (await app.request("/open311/v2/services.json")).json()) as Json[];
        for (const service of services) {
          const definition = (await conforms(
            `services/${service.service_code}`,
            "service-definition.json",
            "service_definition",
          )) as { attributes: unknown[] };
          expect(definition.attributes.length > 0).toBe(service.metadata);
        }
      });

      it("requests, one request and its statuses", async () => {
        const all = (await conforms("requests", "requests.json", "service_requests")) as Json[];
        expect(all).toHaveLength(4);
        expect(all.map((r) => r.status).sort()).toEqual(["closed", "open", "open", "open"]);
        for (const receipt of receipts.filter((r) => r.service_request_id)) {
          const one = (await conforms(
            `requests/${receipt.service_request_id}`,
            "requests.json",
            "service_requests",
          )) as Json[];
          expect(one).toHaveLength(1);
        }
        const filtered = (await conforms("requests", "requests.json", "service_requests", (format) =>
          app.request(`/open311/v2/requests.${format}?status=closed&service_code=street-light`),
        )) as Json[];
        expect(filtered.map((r) => r.status_notes)).toEqual(["Fixed"]);
      });

      it("POST receipts and the token resolution", async () => {
        for (const receipt of receipts)
          expect(schemas.validate(receipt, "swagger.json#RequestResponse")).toEqual([]);
        // Two submissions make two requests, so the XML receipt is compared by its fields, not its values.
        const form = (long: number) =>
          `api_key=${KEY}&service_code=graffiti&lat=51.6&long=${long}&attribute[offensive]=no`;
        const fromJson = (await (await post("json", form(-0.1))).json()) as Json[];
        const xmlResponse = await post("xml", form(-0.2));
        expect(xmlResponse.headers.get("content-type")).toBe("text/xml; charset=utf-8");
        const fromXml = xmlToComparable(parseOpen311Xml(await xmlResponse.text())) as Json[];
        for (const receipt of [...fromJson, ...fromXml]) {
          expect(schemas.validate(receipt, "swagger.json#RequestResponse")).toEqual([]);
        }
        expect(fromXml.map((r) => Object.keys(r))).toEqual(fromJson.map((r) => Object.keys(r)));
        const token = receipts.find((r) => r.token)?.token;
        expect(token).toBeTypeOf("string");
        const resolved = (await conforms(`tokens/${token}`, null, "service_requests")) as Json[];
        for (const r of resolved) expect(schemas.validate(r, "swagger.json#TokenResponse")).toEqual([]);
      });

      it("discovery", async () => {
        const discovery = (await conforms("discovery", null, "discovery")) as Json;
        expect(discovery).toMatchObject({ changeset: expect.any(String), endpoints: [expect.any(Object)] });
        const [endpoint] = discovery.endpoints as Json[];
        expect(endpoint).toMatchObject({
          specification: "http://wiki.open311.org/GeoReport_v2",
          type: "production",
          formats: ["text/xml", "application/json"],
        });
        for (const time of [discovery.changeset, endpoint?.changeset]) {
          expect(String(time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        }
      });

      it("errors", async () => {
        const cases: [string, number, (format: string) => Response | Promise<Response>][] = [
          ["403", 403, (format) => post(format, "service_code=pothole&address_id=X")],
          ["404", 404, (format) => app.request(`/open311/v2/services/nope.${format}`)],
          [
            "400",
            400,
            (format) =>
              app.request(
                `/open311/v2/requests.${format}?start_date=2020-01-01T00:00:00Z&end_date=2021-01-01T00:00:00Z`,
              ),
          ],
        ];
        for (const [label, status, send] of cases) {
          const response = await send("json");
          expect(response.status, label).toBe(status);
          const body = await conforms(label, null, "errors", async (format) =>
            format === "json" ? response : send(format),
          );
          expect(body).toEqual([{ code: status, description: expect.any(String) }]);
        }
      });
    });
  },
);
