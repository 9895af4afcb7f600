import { SqlParams } from './sql-params';

/** One statement applying settings with set_config(..., true), so they end with the transaction. */
export function localSettingsStatement(settings: readonly (readonly [name: string, value: string])[]): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const calls = settings.map(([name, value]) => `set_config(${p.add(name)}, ${p.add(value)}, true)`);
  return { sql: `SELECT ${calls.join(', ')}`, params: p.values };
}

/**
 * Settings every search statement runs with. Ranking aggregates tens of thousands of postings,
 * which spills to disk at the default 4 MB; JIT compilation costs more than these queries run.
 */
export function searchSettings(workMem: string): [string, string][] {
  return [['work_mem', workMem], ['jit', 'off']];
}
