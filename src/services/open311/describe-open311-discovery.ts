/** When this endpoint's behaviour last changed; clients compare it to decide whether to re-read the API. */
const CHANGESET = "2026-11-23T00:00:00Z";

type Open311Discovery = {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: {
    specification: string;
    url: string;
    changeset: string;
    type: "production" | "test";
    formats: string[];
  }[];
};

/** The service discovery document: where the GeoReport v2 endpoint lives and which formats it speaks. */
export function describeOpen311Discovery(input: { endpointUrl: string; cityName: string }): Open311Discovery {
  return {
    changeset: CHANGESET,
    contact: `${input.cityName} council, CivicDesk Open311 endpoint.`,
    key_service: `API keys for submitting service requests are issued by ${input.cityName} council on request.`,
    endpoints: [
      {
        specification: "http://wiki.open311.org/GeoReport_v2",
        url: input.endpointUrl,
        changeset: CHANGESET,
        type: "production",
        formats: ["text/xml", "application/json"],
      },
    ],
  };
}
