import { describe, expect, it } from "vitest";
import { readRequestForm } from "./read-request-form";

const form = (body: string) => readRequestForm(new URLSearchParams(body));

describe("readRequestForm", () => {
  it("reads single, bracketed and repeated attributes", () => {
    const read = form(
      "service_code=fly-tipping&attribute[size]=car&attribute[waste_type][]=bags&attribute[waste_type][]=tyres" +
        "&attribute[colour]=red&attribute[colour]=blue&attribute[one][]=only",
    );
    expect(read).toEqual({
      service_code: "fly-tipping",
      attributes: { size: "car", waste_type: ["bags", "tyres"], colour: ["red", "blue"], one: ["only"] },
    });
  });

  it("decodes percent-encoded brackets and treats empty fields as absent", () => {
    const read = form(
      "attribute%5Bwaste_type%5D%5B%5D=bags&email=&phone=%2B44%20123&phone=ignored&description=",
    );
    expect(read).toEqual({ phone: "+44 123", attributes: { waste_type: ["bags"] } });
  });

  it("keeps malformed attribute keys out of the attributes", () => {
    const read = form("attribute[]=x&attribute[a][b]=y&attributes=z");
    expect(read).toEqual({ "attribute[]": "x", "attribute[a][b]": "y", attributes: {} });
  });
});
