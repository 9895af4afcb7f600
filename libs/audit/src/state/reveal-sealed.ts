/** What a sealed value reads as once its owner's key is destroyed. */
export const ERASED = '[erased]';

const SEALED = 'pii:v1:';

/** A copy of `value` with every sealed string opened; a value whose key is gone reads as ERASED. */
export async function revealSealed(value: unknown, open: (sealed: string) => Promise<string | null>): Promise<unknown> {
  if (typeof value === 'string') return value.startsWith(SEALED) ? ((await open(value)) ?? ERASED) : value;
  if (Array.isArray(value)) return Promise.all(value.map((item) => revealSealed(item, open)));
  if (typeof value !== 'object' || value === null) return value;
  const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await revealSealed(item, open)] as const));
  return Object.fromEntries(entries);
}

/** Sealed values live in user events, sealed with that user's key: the aggregate id. */
export function userKeyOpener(vault: { open(userId: string, sealed: string): Promise<string | null> }, aggregateType: string, aggregateId: string) {
  return (sealed: string): Promise<string | null> => (aggregateType === 'user' ? vault.open(aggregateId, sealed) : Promise.resolve(null));
}
