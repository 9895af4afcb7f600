import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Scope = 'read' | 'write' | 'admin';

/** One HTTP route as a wire contract: its path, auth, inputs and answer, all zod. */
export interface RouteContract<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  /** OpenAPI style: `/v1/workspaces/{workspaceId}`. */
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** `public` routes need no credentials; others need a user or an API key holding `scope`. */
  readonly auth: 'public' | { readonly scope: Scope };
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  readonly status: number;
  /** Headers the route reads besides Authorization, documented in OpenAPI. */
  readonly headers?: readonly ('Idempotency-Key' | 'If-Match' | 'X-Min-Position')[];
}

/** Declares a route contract, keeping the literal types for controllers and clients. */
export function defineRoute<
  P extends z.ZodObject = z.ZodObject<{}>,
  Q extends z.ZodObject = z.ZodObject<{}>,
  B extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodType,
>(route: RouteContract<P, Q, B, R>): RouteContract<P, Q, B, R> {
  return route;
}

/** What a controller receives once a request has passed its contract. */
export type RouteInput<C> =
  C extends RouteContract<infer P, infer Q, infer B, any>
    ? { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> }
    : never;

export type RouteOutput<C> = C extends RouteContract<any, any, any, infer R> ? z.input<R> : never;

/** Nest/Fastify path syntax for a contract path. */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
