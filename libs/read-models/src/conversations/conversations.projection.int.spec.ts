import { randomUUID } from 'node:crypto';
import { createEventRegistry, type WorkspaceRole } from '@ragstream/contracts';
import { conversationDecider, type AnswerData, type CommandMetadata } from '@ragstream/domain';
import { CommandExecutor } from '@ragstream/event-store';
import { ProjectionRunner, inTransaction, rebuildProjection, tableNames } from '@ragstream/projections';
import { TEST_DATABASE_URL, createTestDatabase, createTestEventStream, eventually, type TestDatabase, type TestEventStream } from '@ragstream/testing';
import { conversationsProjection } from './conversations.projection';

const TENANT = randomUUID();
const WS = randomUUID();
const [STARTER, ADMIN] = [randomUUID(), randomUUID()];
const [C1, C2] = [randomUUID(), randomUUID()];
const [Q1, A1, Q2, A2, Q3, A3] = Array.from({ length: 6 }, () => randomUUID());
const DOC = randomUUID();
const access = (role: WorkspaceRole) => ({ workspaceId: WS, exists: true, archived: false, role });
const anchor = { start: 0, end: 9, page: 2, pageEnd: null, startMs: null, endMs: null, headingPath: [] };
const answer = (messageId: string, replyTo: string, tokens: [number, number], cost: number, over: Partial<AnswerData> = {}): AnswerData => ({
  messageId, replyTo, content: `answer ${messageId}`,
  sources: [{ id: 1, documentId: DOC, revision: 1, chunkIndex: 3, title: 'Prices', score: 0.5, anchor }],
  citations: [{ sourceId: 1, documentId: DOC, revision: 1, chunkIndex: 3, quote: '10 EUR', anchor }],
  provider: 'offline', model: 'echo', usage: { promptTokens: tokens[0], completionTokens: tokens[1], totalTokens: tokens[0] + tokens[1], estimated: false },
  costMicroUsd: cost, latencyMs: 800, firstTokenMs: 200, finishReason: 'stop', attempts: [{ provider: 'offline', model: 'echo', outcome: 'answered', ms: 800 }],
  ...over,
});

describe('conversations projection (real NATS + Postgres)', () => {
  let events: TestEventStream;
  let db: TestDatabase;
  let executor: CommandExecutor;
  let runner: ProjectionRunner;
  let last = 0;

  /** Runs a command as `actor` at `at` (the commit's occurredAt, which picks the usage month). */
  const run = async (id: string, type: string, data: object, at = '2026-01-15T10:00:00Z', actor = STARTER, role: WorkspaceRole = 'reader') => {
    const metadata: CommandMetadata = { tenantId: TENANT, actor: { type: 'user', id: actor }, now: new Date(at) };
    const context = { commitId: randomUUID(), actor: metadata.actor, correlationId: randomUUID(), occurredAt: new Date(at) };
    const command = { type, data: { access: access(role), ...data }, metadata };
    last = (await executor.execute(conversationDecider, command as never, { tenantId: TENANT, aggregateId: id, context })).position;
  };
  const rows = (sql: string) => db.dataSource.query(sql, [TENANT]);
  const snapshot = () =>
    Promise.all(['conversations', 'conversation_messages', 'conversation_tool_calls', 'chat_usage'].map((t) => rows(`SELECT * FROM ${t} WHERE tenant_id = $1 ORDER BY 1, 2, 3`)));

  beforeAll(async () => {
    [events, db] = await Promise.all([createTestEventStream(createEventRegistry()), createTestDatabase()]);
    executor = new CommandExecutor(events.store);
    runner = new ProjectionRunner({ nc: events.nc, stream: events.stream, dataSource: db.dataSource, projection: conversationsProjection, registry: createEventRegistry() });
    await runner.start();

    await run(C1, 'StartConversation', { title: 'Pricing', via: 'chat' }, '2026-01-31T22:00:00Z');
    await run(C1, 'PostUserMessage', { messageId: Q1, content: 'What does it cost?' });
    await run(C1, 'RequestToolCall', { toolCallId: 'call_1', replyTo: Q1, tool: 'delete_document', arguments: { documentId: DOC }, requiresApproval: true, requiredRole: 'editor' });
    await run(C1, 'DecideToolCall', { toolCallId: 'call_1', decision: 'rejected', reason: 'keep it' }, undefined, ADMIN, 'admin');
    await run(C1, 'RequestToolCall', { toolCallId: 'call_2', replyTo: Q1, tool: 'search', arguments: { q: 'price' }, requiresApproval: false, requiredRole: 'reader' });
    await run(C1, 'CompleteToolCall', { toolCallId: 'call_2', outcome: 'ok', result: '{"hits":1}' });
    await run(C1, 'RecordAnswer', { answer: answer(A1, Q1, [100, 20], 42) }, '2026-01-31T23:59:59Z');
    await run(C1, 'GiveFeedback', { messageId: A1, rating: 'down', comment: 'too vague' });
    await run(C1, 'PostUserMessage', { messageId: Q2, content: 'Delete the old list' });
    await run(C1, 'RequestToolCall', { toolCallId: 'call_3', replyTo: Q2, tool: 'delete_document', arguments: { documentId: DOC }, requiresApproval: true, requiredRole: 'admin' });
    await run(C1, 'RecordAnswer', { answer: answer(A2, Q2, [50, 5], 7, { finishReason: 'tool_approval', sources: [], citations: [] }) }, '2026-02-01T00:00:00Z');
    await run(C1, 'RenameConversation', { title: 'Prices' });
    await run(C2, 'StartConversation', { title: 'Other', via: 'openai' });
    await run(C2, 'PostUserMessage', { messageId: Q3, content: 'Hello' });
    await run(C2, 'RecordAnswer', { answer: answer(A3, Q3, [1000, 200], 3000) }, '2026-02-28T23:00:00Z');
    await run(C2, 'DeleteConversation', {}, undefined, ADMIN, 'admin');
    await eventually(async () => {
      const [row] = await db.dataSource.query(`SELECT position FROM projection_checkpoints WHERE projection = 'conversations'`);
      return row && Number(row.position) >= last ? true : undefined;
    }, 15_000, 'the conversations checkpoint');
  });
  afterAll(async () => {
    await runner.stop();
    await Promise.all([events.dispose(), db.dispose()]);
  });

  // The version counts events: the rejection commit holds two.
  it('keeps each conversation with its counts, title and last commit', async () => {
    expect(await rows(`SELECT conversation_id, workspace_id, title, started_by, via, message_count, answer_count, pending_approvals, deleted_at IS NOT NULL AS deleted, version
                       FROM conversations WHERE tenant_id = $1 ORDER BY conversation_id = '${C1}' DESC`)).toEqual([
      { conversation_id: C1, workspace_id: WS, title: 'Prices', started_by: `user:${STARTER}`, via: 'chat', message_count: 4, answer_count: 2, pending_approvals: 1, deleted: false, version: 13 },
      { conversation_id: C2, workspace_id: WS, title: 'Other', started_by: `user:${STARTER}`, via: 'openai', message_count: 2, answer_count: 1, pending_approvals: 0, deleted: true, version: 4 },
    ]);
  });

  it('numbers messages in log order, with answer details and feedback', async () => {
    const messages = await rows(`SELECT seq, message_id, role, reply_to, finish_reason, usage->>'totalTokens' AS total, citations->0->>'quote' AS quote, feedback_rating, feedback_comment, feedback_by
                                 FROM conversation_messages WHERE tenant_id = $1 ORDER BY conversation_id = '${C1}' DESC, seq`);
    expect(messages).toEqual([
      { seq: 1, message_id: Q1, role: 'user', reply_to: null, finish_reason: null, total: null, quote: null, feedback_rating: null, feedback_comment: null, feedback_by: null },
      { seq: 2, message_id: A1, role: 'assistant', reply_to: Q1, finish_reason: 'stop', total: '120', quote: '10 EUR', feedback_rating: 'down', feedback_comment: 'too vague', feedback_by: `user:${STARTER}` },
      { seq: 3, message_id: Q2, role: 'user', reply_to: null, finish_reason: null, total: null, quote: null, feedback_rating: null, feedback_comment: null, feedback_by: null },
      { seq: 4, message_id: A2, role: 'assistant', reply_to: Q2, finish_reason: 'tool_approval', total: '55', quote: null, feedback_rating: null, feedback_comment: null, feedback_by: null },
    ]);
  });

  it('tracks tool calls through approval, rejection and completion', async () => {
    expect(await rows(`SELECT tool_call_id, workspace_id, status, requires_approval, required_role, decided_by, decision_reason, result, arguments
                       FROM conversation_tool_calls WHERE tenant_id = $1 ORDER BY tool_call_id`)).toEqual([
      { tool_call_id: 'call_1', workspace_id: WS, status: 'rejected', requires_approval: true, required_role: 'editor', decided_by: `user:${ADMIN}`, decision_reason: 'keep it',
        result: JSON.stringify({ error: 'rejected by an approver', reason: 'keep it' }), arguments: { documentId: DOC } },
      { tool_call_id: 'call_2', workspace_id: WS, status: 'completed', requires_approval: false, required_role: 'reader', decided_by: null, decision_reason: null, result: '{"hits":1}', arguments: { q: 'price' } },
      { tool_call_id: 'call_3', workspace_id: WS, status: 'pending', requires_approval: true, required_role: 'admin', decided_by: null, decision_reason: null, result: null, arguments: { documentId: DOC } },
    ]);
  });

  it('sums usage per workspace and UTC month, and keeps it after a delete', async () => {
    expect(await rows(`SELECT workspace_id, to_char(period, 'YYYY-MM-DD') AS period, answers, prompt_tokens::int, completion_tokens::int, total_tokens::int, cost_micro_usd::int
                       FROM chat_usage WHERE tenant_id = $1 ORDER BY period`)).toEqual([
      { workspace_id: WS, period: '2026-01-01', answers: 1, prompt_tokens: 100, completion_tokens: 20, total_tokens: 120, cost_micro_usd: 42 },
      { workspace_id: WS, period: '2026-02-01', answers: 2, prompt_tokens: 1050, completion_tokens: 205, total_tokens: 1255, cost_micro_usd: 3007 },
    ]);
  });

  it('drops the messages and tool calls of a deleted conversation', async () => {
    const [messages, calls] = await Promise.all(['conversation_messages', 'conversation_tool_calls'].map((t) => db.dataSource.query(`SELECT 1 FROM ${t} WHERE tenant_id = $1 AND conversation_id = $2`, [TENANT, C2])));
    expect([messages, calls]).toEqual([[], []]);
  });

  it('changes nothing when every commit is delivered a second time', async () => {
    const before = await snapshot();
    const t = tableNames(conversationsProjection);
    for (let position = 1; position <= last; position++) {
      const commit = await events.store.readCommit(position);
      await inTransaction(db.dataSource, (sql) => conversationsProjection.apply(sql, commit, t));
    }
    expect(await snapshot()).toEqual(before);
  });

  it('rebuilds to the same rows on the fast path', async () => {
    const before = await snapshot();
    await runner.stop(); // the swap retires its consumer
    const result = await rebuildProjection({
      nc: events.nc, stream: events.stream, connectionString: TEST_DATABASE_URL, schema: db.schema, projection: conversationsProjection,
      registry: createEventRegistry(), startedBy: 'conversations test',
    });
    expect(result).toMatchObject({ outcome: 'swapped', generation: 2, fallbacks: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
