/** A dependency the command needs did not answer or refused us; names which one and where. */
export class ServiceError extends Error {
  constructor(
    readonly service: 'Postgres' | 'NATS',
    readonly url: string,
    reason: string,
    readonly hint?: string,
  ) {
    super(`${service} at ${redactUrl(url)}: ${reason}`);
    this.name = 'ServiceError';
  }
}

/** The URL with its password masked, for messages and JSON output. */
export function redactUrl(url: string): string {
  return url.replace(/(:\/\/[^:/@]*):[^@/]*@/, '$1:***@');
}
