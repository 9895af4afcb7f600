import { canonicalJson } from '@ragstream/event-store';

/** One difference between two states, at a dotted path (`members.<userId>`). */
export interface StateChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What changed from one state to another: plain objects are compared key by key, anything else as a whole. */
export function diffStates(before: unknown, after: unknown, path = ''): StateChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const at = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(after, key)) return [{ path: at, kind: 'removed' as const, before: before[key] }];
      if (!Object.hasOwn(before, key)) return [{ path: at, kind: 'added' as const, after: after[key] }];
      return diffStates(before[key], after[key], at);
    });
  }
  if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) return [];
  return [{ path: path || '(root)', kind: 'changed', before, after }];
}
