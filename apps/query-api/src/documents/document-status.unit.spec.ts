import { statusOf, type StatusColumns } from './document-status';

const none: StatusColumns = { index_state: null, index_reason: null, index_retryable: null, index_chunk_count: null, progress_done: null, progress_total: null };

describe('document status', () => {
  it('is pending with no final state and no progress for the revision', () => {
    expect(statusOf(none, 3)).toEqual({ state: 'pending', revision: 3, progress: null, chunkCount: 0, reason: null, retryable: false });
  });

  it('is indexing while progress is recorded', () => {
    expect(statusOf({ ...none, progress_done: 256, progress_total: 300 }, 1)).toMatchObject({ state: 'indexing', progress: { done: 256, total: 300 } });
  });

  it('reports a final state with its chunk count or reason', () => {
    expect(statusOf({ ...none, index_state: 'indexed', index_retryable: false, index_chunk_count: 12 }, 2)).toMatchObject({ state: 'indexed', chunkCount: 12, progress: null });
    expect(statusOf({ ...none, index_state: 'failed', index_reason: 'embedding failed: timeout', index_retryable: true, index_chunk_count: 0 }, 2)).toEqual({
      state: 'failed',
      revision: 2,
      progress: null,
      chunkCount: 0,
      reason: 'embedding failed: timeout',
      retryable: true,
    });
  });
});
