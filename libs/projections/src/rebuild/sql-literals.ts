import * as pg from 'pg';

// node-postgres exports its parameter conversion at runtime; @types/pg does not declare it.
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils;

/**
 * A value as a SQL literal, converted exactly as node-postgres converts a query parameter (dates,
 * arrays, JSON, buffers), so `EXECUTE stmt(<literals>)` means what `query(text, params)` means.
 */
export function toLiteral(value: unknown): string {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return 'NULL';
  if (Buffer.isBuffer(prepared)) return `'\\x${prepared.toString('hex')}'`;
  return pg.escapeLiteral(prepared);
}

/** A value as the text Postgres would receive for it as a parameter (null stays null). */
export function textValue(value: unknown): string | null {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return null;
  return Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : prepared;
}

const WRITE = /^\s*(insert|update|delete)\b/i;
const RETURNING = /\breturning\b/i;

/**
 * True for a statement whose result a projection has no reason to read: INSERT, UPDATE or DELETE
 * without RETURNING. Only those are queued; anything else runs at once, after what was queued.
 */
export function isDeferrableWrite(text: string): boolean {
  return WRITE.test(text) && !RETURNING.test(text);
}

/** The result a pg query answers, shaped the way TypeORM's `query()` answers it to the projections. */
export function typeormShape(result: { command: string; rows: unknown[]; rowCount: number | null }): unknown {
  return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
}
