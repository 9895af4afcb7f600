import { assertIdentifier } from './table-names';

/** One build of a projection: its code version and the generation of that version (1, then one more per rebuild). */
export interface BuildKey {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
}

/** The build of `projection`'s code version in `generation`. */
export function buildKey(projection: { readonly name: string; readonly version: number }, generation = 1): BuildKey {
  assertIdentifier(projection.name, 'projection name');
  if (!Number.isInteger(projection.version) || projection.version < 1) throw new Error(`projection version must be a positive integer, got ${projection.version}`);
  if (!Number.isInteger(generation) || generation < 1) throw new Error(`generation must be a positive integer, got ${generation}`);
  return { name: projection.name, version: projection.version, generation };
}

/**
 * The prefix of a build's physical names: `<name>_v<version>`, plus `_g<generation>` from the
 * second generation on, so the first build of every version keeps the names it always had.
 */
export function buildTag(key: BuildKey): string {
  return key.generation === 1 ? `${key.name}_v${key.version}` : `${key.name}_v${key.version}_g${key.generation}`;
}

/** For messages: `identity v1 g2`. */
export function describeBuild(key: BuildKey): string {
  return `${key.name} v${key.version} g${key.generation}`;
}

export function sameBuild(a: BuildKey | undefined, b: BuildKey | undefined): boolean {
  return !!a && !!b && a.name === b.name && a.version === b.version && a.generation === b.generation;
}
