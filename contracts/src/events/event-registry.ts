import { z } from 'zod';

/** A published event type: one zod schema per schema version and an upcaster between each pair. */
export interface EventDefinition<Latest = unknown> {
  readonly type: string;
  readonly latestVersion: number;
  readonly schemas: readonly z.ZodType[];
  /** upcasters[i] turns data of version i+1 into data of version i+2. */
  readonly upcasters: readonly ((data: any) => unknown)[];
  readonly _latest?: Latest;
}

/**
 * Declares an event type. `schemas[0]` is v1; a published schema is never edited: append a new
 * schema and the upcaster from the previous one.
 */
export function defineEvent<const T extends string, S extends readonly [z.ZodType, ...z.ZodType[]]>(
  type: T,
  schemas: S,
  upcasters: readonly ((data: any) => unknown)[] = [],
): EventDefinition<z.infer<S extends readonly [...any[], infer L extends z.ZodType] ? L : never>> & { type: T } {
  if (upcasters.length !== schemas.length - 1) {
    throw new Error(`event ${type}: ${schemas.length} schema versions need ${schemas.length - 1} upcasters`);
  }
  return { type, latestVersion: schemas.length, schemas, upcasters };
}

/** The `{ type, data }` shape of an event definition's latest version, as deciders see it. */
export type EventOf<D> = D extends EventDefinition<infer L> & { type: infer T } ? { type: T; data: L } : never;

export class EventSchemaError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`event ${eventType} does not match its schema: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Validates events on write, and on read validates the stored version then upcasts to the latest. */
export class EventRegistry {
  private readonly definitions = new Map<string, EventDefinition>();

  constructor(definitions: Iterable<EventDefinition> = []) {
    for (const d of definitions) this.register(d);
  }

  register(definition: EventDefinition): this {
    if (this.definitions.has(definition.type)) throw new Error(`event ${definition.type} registered twice`);
    this.definitions.set(definition.type, definition);
    return this;
  }

  has(type: string): boolean {
    return this.definitions.has(type);
  }

  types(): string[] {
    return [...this.definitions.keys()];
  }

  /** Validates data against the latest schema; returns what is stored. */
  forWrite(type: string, data: unknown): { type: string; version: number; data: unknown } {
    const definition = this.require(type);
    const result = definition.schemas[definition.latestVersion - 1].safeParse(data);
    if (!result.success) throw new EventSchemaError(type, issuesOf(result.error));
    return { type, version: definition.latestVersion, data: result.data };
  }

  /** Validates stored data against its own version's schema, then upcasts it to the latest. */
  forRead(type: string, version: number, data: unknown): { type: string; data: unknown } {
    const definition = this.require(type);
    if (version < 1 || version > definition.latestVersion) {
      throw new EventSchemaError(type, [{ path: 'version', message: `unknown schema version ${version}` }]);
    }
    const parsed = definition.schemas[version - 1].safeParse(data);
    if (!parsed.success) throw new EventSchemaError(type, issuesOf(parsed.error));
    let current: unknown = parsed.data;
    for (let v = version; v < definition.latestVersion; v++) current = definition.upcasters[v - 1](current);
    return { type, data: current };
  }

  private require(type: string): EventDefinition {
    const definition = this.definitions.get(type);
    if (!definition) throw new EventSchemaError(type, [{ path: 'type', message: 'unknown event type' }]);
    return definition;
  }
}
