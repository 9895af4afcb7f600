import { z } from 'zod';

/** Every command answers with where its commit landed, for read-your-writes. */
export const CommandAccepted = z.object({
  position: z.number().int().describe('stream position of the commit; pass it as X-Min-Position to read your write'),
  version: z.number().int().describe('the aggregate version after the command'),
});

export const IdParam = (name: string) => z.object({ [name]: z.uuid() });

export const Paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** Read-your-writes on a query: the position a command answered (the X-Min-Position header works too). */
export const MinPositionQuery = z.object({ minPosition: z.coerce.number().int().nonnegative().optional() });
