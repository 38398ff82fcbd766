import { describe, expect, it } from "vitest";
import { escapeXmlText, renderOpen311, splitFormat } from "./open311-format";

const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';

describe("open311 rendering", () => {
  it("splits the format off the last dot only", () => {
    expect(splitFormat("services.xml")).toEqual({ name: "services", format: "xml" });
    expect(splitFormat("CD-2026-000001.JSON")).toEqual({ name: "CD-2026-000001", format: "json" });
    expect(splitFormat("a.b.json")).toEqual({ name: "a.b", format: "json" });
    expect(splitFormat("services.csv").format).toBeNull();
    expect(splitFormat("services").format).toBeNull();
    expect(splitFormat(".json").format).toBeNull();
  });

  it("wraps list members in their singular element, leaves out undefined and closes nulls", () => {
    const body = {
      service_code: "x",
      attributes: [{ code: "a", values: [{ key: "1", name: "One" }], hint: null, skipped: undefined }],
    };
    expect(renderOpen311("xml", "service_definition", body)).toBe(
      `${HEAD}<service_definition><service_code>x</service_code><attributes><attribute><code>a</code>` +
        "<values><value><key>1</key><name>One</name></value></values><hint/></attribute></attributes></service_definition>",
    );
    expect(renderOpen311("json", "service_definition", body)).toBe(JSON.stringify(body));
    expect(renderOpen311("xml", "services", [])).toBe(`${HEAD}<services></services>`);
  });

  it("refuses lists it has no member name for and names that are not XML", () => {
    expect(() => renderOpen311("xml", "things", [1])).toThrow(/things/);
    expect(() => renderOpen311("xml", "request", { "bad name": 1 })).toThrow(/bad name/);
  });

  it("escapes markup and removes characters XML 1.0 cannot hold", () => {
    expect(escapeXmlText(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
    expect(escapeXmlText("a\u0000b\u0008c\td\ne\uFFFEf\uD800g 🚧")).toBe("abc\td\nefg 🚧");
  });
});
