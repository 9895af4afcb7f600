import { InvalidArgumentError } from 'commander';

/** A moment given as a stream position (digits) or an ISO 8601 time. */
export interface MomentOption {
  readonly position?: number;
  readonly time?: Date;
}

/** Parses `--at`, `--from`, `--to`: digits are a position, anything else must be an ISO 8601 time. */
export function parseMoment(value: string): MomentOption {
  if (/^\d+$/.test(value)) return { position: Number(value) };
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) throw new InvalidArgumentError('expected a stream position or an ISO 8601 time');
  return { time: new Date(time) };
}

/** A subject-safe id (tenant, aggregate type or id), so a typo cannot widen a subject filter. */
export function parseToken(value: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(value)) throw new InvalidArgumentError('expected 1-128 of [A-Za-z0-9_-]');
  return value;
}

/** Comma-separated event types or `family.*` patterns. */
export function parseList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}
