import { describe, expect, it } from "vitest";
import { ServicesFile } from "./catalogue-files";
import { LocationRule, resolveDepartment } from "./location-rules";

const OLD_TOWN: [number, number][] = [
  [51.0, -0.2],
  [51.0, -0.1],
  [51.1, -0.1],
  [51.1, -0.2],
];
const RULES = [
  LocationRule.parse({ department: "parks", services: ["graffiti"], polygon: OLD_TOWN }),
  LocationRule.parse({ department: "harbour", district: "Harbour Quarter" }),
];
const resolve = (serviceCode: string, location: { address?: string; lat?: number; long?: number }) =>
  resolveDepartment({ rules: RULES, serviceCode, serviceDepartment: "street-scene", location });

describe("resolveDepartment", () => {
  it("keeps the service's department when no rule matches", () => {
    expect(resolve("graffiti", { lat: 52, long: 0 })).toBe("street-scene");
    expect(resolve("graffiti", {})).toBe("street-scene");
  });

  it("overrides inside an area polygon, only for the listed services", () => {
    expect(resolve("graffiti", { lat: 51.05, long: -0.15 })).toBe("parks");
    expect(resolve("pothole", { lat: 51.05, long: -0.15 })).toBe("street-scene");
  });

  it("overrides when the address names the district, ignoring case, accents and word boundaries", () => {
    expect(resolve("pothole", { address: "12 Quay St, harbour QUARTER" })).toBe("harbour");
    expect(resolve("pothole", { address: "12 Harbourside Quarterdeck" })).toBe("street-scene");
  });

  it("applies the first matching rule", () => {
    expect(resolve("graffiti", { address: "Harbour Quarter", lat: 51.05, long: -0.15 })).toBe("parks");
  });

  it("needs a district or a polygon", () => {
    expect(LocationRule.safeParse({ department: "parks" }).success).toBe(false);
    expect(LocationRule.safeParse({ department: "parks", polygon: [[1, 2]] }).success).toBe(false);
  });
});

describe("services.yaml location_rules", () => {
  it("parses them, and defaults to none", () => {
    const base = { departments: [], services: [] };
    expect(ServicesFile.parse(base).location_rules).toEqual([]);
    const parsed = ServicesFile.parse({
      ...base,
      location_rules: [{ department: "harbour", district: "Harbour Quarter", services: ["pothole"] }],
    });
    expect(parsed.location_rules).toEqual([
      { department: "harbour", district: "Harbour Quarter", services: ["pothole"] },
    ]);
  });
});
