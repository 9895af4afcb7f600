import { z } from 'zod';
import type { TokenUsage } from '../openai/chat-completion.types';

const perMillion = z.number().nonnegative();

/** US dollars per million tokens. `promptPerMillion`/`completionPerMillion` are accepted as the same thing. */
export const ModelPrice = z.union([
  z.object({ inputPerMTok: perMillion, outputPerMTok: perMillion }).strict(),
  z
    .object({ promptPerMillion: perMillion, completionPerMillion: perMillion })
    .strict()
    .transform((p) => ({ inputPerMTok: p.promptPerMillion, outputPerMTok: p.completionPerMillion })),
]);
export type ModelPrice = z.output<typeof ModelPrice>;

/** Prices keyed `provider/model`, `model` or `provider/*` (most specific wins), e.g. LLM_PRICES='{"gpt-4o-mini":{"inputPerMTok":0.15,"outputPerMTok":0.6}}'. */
export const PriceTable = z.record(z.string().min(1), ModelPrice);
export type PriceTable = z.output<typeof PriceTable>;

/** The cost of one call in millionths of a dollar; `priced` is false when the table has no price for the model (cost 0). */
export interface Cost {
  readonly microUsd: number;
  readonly priced: boolean;
}

/** Parses a price table from its JSON text; empty or absent is an empty table. Throws naming the bad entry. */
export function parsePriceTable(json: string | undefined): PriceTable {
  if (!json?.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`price table is not JSON: ${(error as Error).message}`);
  }
  const parsed = PriceTable.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`price table: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
}

/** The price that applies to `model` served by `provider`: `provider/model`, then `model`, then `provider/*`. */
export function priceOf(table: PriceTable, provider: string, model: string): ModelPrice | undefined {
  return table[`${provider}/${model}`] ?? table[model] ?? table[`${provider}/*`];
}

/** What the usage cost, rounded to whole millionths of a dollar (dollars per million tokens times tokens). */
export function costMicroUsd(table: PriceTable, provider: string, model: string, usage: Pick<TokenUsage, 'promptTokens' | 'completionTokens'>): Cost {
  const price = priceOf(table, provider, model);
  if (!price) return { microUsd: 0, priced: false };
  return { microUsd: Math.round(price.inputPerMTok * usage.promptTokens + price.outputPerMTok * usage.completionTokens), priced: true };
}
