import type { ServerResponse } from 'node:http';
import type { Problem } from '@ragstream/contracts';

const TITLES: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** Answers an upstream failure as RFC 9457 problem+json, shaped like the apps' own errors. */
export function sendUpstreamProblem(res: ServerResponse, status: 502 | 503 | 504, detail: string, correlationId: string): void {
  const code = 'GATEWAY.UPSTREAM_UNAVAILABLE';
  const problem: Problem = {
    type: `https://ragstream.dev/problems/${code.toLowerCase()}`,
    title: TITLES[status],
    status,
    code,
    detail,
    correlationId,
  };
  const body = JSON.stringify(problem);
  res.writeHead(status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    'x-correlation-id': correlationId,
    ...(status === 503 ? {} : { 'retry-after': '1' }),
  });
  res.end(body);
}
