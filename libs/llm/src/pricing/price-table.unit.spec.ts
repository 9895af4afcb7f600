import { PriceTable, costMicroUsd, parsePriceTable, priceOf } from './price-table';

describe('price table', () => {
  const table = parsePriceTable(
    JSON.stringify({
      'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      'azure/gpt-4o-mini': { inputPerMTok: 0.165, outputPerMTok: 0.66 },
      'ollama/*': { inputPerMTok: 0, outputPerMTok: 0 },
      'legacy-model': { promptPerMillion: 2, completionPerMillion: 4 },
    }),
  );

  it('costs usage in whole millionths of a dollar', () => {
    // 1200 × 0.15 + 350 × 0.6 = 180 + 210 µ$
    expect(costMicroUsd(table, 'openai', 'gpt-4o-mini', { promptTokens: 1200, completionTokens: 350 })).toEqual({ microUsd: 390, priced: true });
    // 7 × 0.15 + 3 × 0.6 = 2.85 µ$, rounded
    expect(costMicroUsd(table, 'openai', 'gpt-4o-mini', { promptTokens: 7, completionTokens: 3 })).toEqual({ microUsd: 3, priced: true });
  });

  it('prefers provider/model, then model, then provider/*', () => {
    expect(priceOf(table, 'azure', 'gpt-4o-mini')).toEqual({ inputPerMTok: 0.165, outputPerMTok: 0.66 });
    expect(priceOf(table, 'openai', 'gpt-4o-mini')).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(costMicroUsd(table, 'ollama', 'llama3.1:8b', { promptTokens: 5000, completionTokens: 500 })).toEqual({ microUsd: 0, priced: true });
  });

  it('says when a model is unpriced, at no cost', () => {
    expect(costMicroUsd(table, 'vllm', 'mistral-7b', { promptTokens: 1000, completionTokens: 1000 })).toEqual({ microUsd: 0, priced: false });
    expect(costMicroUsd({}, 'openai', 'gpt-4o-mini', { promptTokens: 1, completionTokens: 1 }).priced).toBe(false);
  });

  it('accepts promptPerMillion/completionPerMillion as the same prices', () => {
    expect(costMicroUsd(table, 'x', 'legacy-model', { promptTokens: 1_000_000, completionTokens: 500_000 })).toEqual({ microUsd: 4_000_000, priced: true });
  });

  it('reads an empty or absent setting as an empty table, and names what is wrong in a bad one', () => {
    expect(parsePriceTable(undefined)).toEqual({});
    expect(parsePriceTable('  ')).toEqual({});
    expect(() => parsePriceTable('{"m": ')).toThrow(/not JSON/);
    expect(() => parsePriceTable('{"m":{"inputPerMTok":-1,"outputPerMTok":1}}')).toThrow(/price table: m/);
    expect(() => parsePriceTable('{"m":{"inputPerMTok":1}}')).toThrow(/price table: m/);
    expect(PriceTable.safeParse({ m: { inputPerMTok: 1, outputPerMTok: 1, extra: 2 } }).success).toBe(false);
  });
});
