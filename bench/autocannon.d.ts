// The few parts of autocannon's API the SMS bench uses (the package ships no types).
declare module "autocannon" {
  interface Options {
    url: string;
    requests?: {
      method?: string;
      path?: string;
      setupRequest?: (request: Record<string, unknown>) => unknown;
    }[];
    connections?: number;
    overallRate?: number;
    duration?: number;
  }
  interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
    total: number;
  }
  interface Result {
    latency: Histogram;
    requests: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
