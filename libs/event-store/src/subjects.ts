/** Builds and parses `<prefix>.<tenantId>.<aggregateType>.<aggregateId>` subjects. */
export class Subjects {
  constructor(readonly prefix: string = 'evt') {}

  /** The subject of one aggregate instance; every token must be subject-safe. */
  aggregate(tenantId: string, aggregateType: string, aggregateId: string): string {
    for (const token of [tenantId, aggregateType, aggregateId]) assertToken(token);
    return `${this.prefix}.${tenantId}.${aggregateType}.${aggregateId}`;
  }

  /** Every subject of the stream, or of one tenant. */
  all(tenantId?: string): string {
    return tenantId ? `${this.prefix}.${tenantId}.>` : `${this.prefix}.>`;
  }

  parse(subject: string): { tenantId: string; aggregateType: string; aggregateId: string } {
    const parts = subject.split('.');
    const offset = this.prefix.split('.').length;
    if (parts.length !== offset + 3) throw new Error(`not an aggregate subject: ${subject}`);
    return { tenantId: parts[offset], aggregateType: parts[offset + 1], aggregateId: parts[offset + 2] };
  }
}

const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

export function assertToken(token: string): void {
  if (!TOKEN.test(token)) throw new Error(`not a subject-safe token: ${JSON.stringify(token)}`);
}
