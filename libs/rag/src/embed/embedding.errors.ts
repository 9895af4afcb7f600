/** The endpoint returned vectors of another length than configured; the index would be unusable. */
export class EmbeddingDimensionError extends Error {
  constructor(
    readonly model: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `${model} returned ${actual}-dimensional vectors but ${expected} are configured (EMBEDDING_DIMENSIONS); ` +
        'set the dimension the model produces, or enable EMBEDDING_REQUEST_DIMENSIONS if the server can shorten vectors',
    );
    this.name = 'EmbeddingDimensionError';
  }
}
