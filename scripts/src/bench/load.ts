import autocannon from 'autocannon';

export interface LoadResult {
  target: string;
  connections: number;
  durationS: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

/** Drives `urls` round-robin with a fixed number of connections for `durationS` seconds. */
export async function loadTest(target: string, urls: string[], { connections, durationS, headers = {} }: { connections: number; durationS: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const base = new URL(urls[0]);
  const result = await autocannon({
    url: base.origin,
    connections,
    duration: durationS,
    headers,
    requests: urls.map((u) => ({ method: 'GET', path: new URL(u).pathname + new URL(u).search })),
  });
  return {
    target,
    connections,
    durationS,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
