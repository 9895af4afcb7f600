import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { EventRegistry, allEventDefinitions, defineEvent } from '@ragstream/contracts';
import { workspaceDecider } from '@ragstream/domain';
import { ContentStore, commitHash } from '@ragstream/event-store';
import { createTestEventStream, uniqueSuffix, type TestEventStream } from '@ragstream/testing';
import { LogWriter } from '../../test/log-writer';
import { exportTenant } from './tenant-export';

// A stand-in for any event that refers to stored content; the export finds references by shape.
const NoteAttached = defineEvent('note.attached', [z.object({ content: z.object({ sha256: z.string(), size: z.number() }) })]);
const [T1, T2, O1, W1, W2, N1] = Array.from({ length: 6 }, () => randomUUID());
const owner = { tenantRole: 'owner' as const };

describe('tenant export (real NATS)', () => {
  let env: TestEventStream;
  let content: ContentStore;
  let dir: string;
  const bucket = `TEST_OBJ_${uniqueSuffix()}`;
  beforeAll(async () => {
    env = await createTestEventStream(new EventRegistry([...allEventDefinitions, NoteAttached]));
    content = await ContentStore.open(env.nc, bucket);
    dir = await mkdtemp(join(tmpdir(), 'rs-export-'));
  });
  afterAll(async () => {
    await (await env.nc.jetstreamManager()).streams.delete(`OBJ_${bucket}`).catch(() => undefined);
    await env.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every commit of the tenant as stored, the objects they refer to, and a manifest of both', async () => {
    const log = new LogWriter(env.store);
    await log.run(workspaceDecider, T1, W1, 'CreateWorkspace', { name: 'Mine', ownerUserId: O1, authority: owner }, { actorId: O1 });
    await log.run(workspaceDecider, T2, W2, 'CreateWorkspace', { name: 'Theirs', ownerUserId: O1, authority: owner }, { actorId: O1 });
    const bytes = new TextEncoder().encode('the attached note');
    const ref = await content.put(bytes);
    const missing = 'e'.repeat(64);
    const context = () => ({ commitId: randomUUID(), actor: { type: 'user' as const, id: O1 }, correlationId: randomUUID(), occurredAt: new Date() });
    await env.store.append({ tenantId: T1, aggregateType: 'note', aggregateId: N1, expectedSequence: 0, expectedVersion: 0, events: [{ type: 'note.attached', data: { content: ref } }], context: context() });
    const last = await env.store.readStream(T1, 'note', N1);
    await env.store.append({ tenantId: T1, aggregateType: 'note', aggregateId: N1, expectedSequence: last[0].position, expectedVersion: 1, events: [{ type: 'note.attached', data: { content: { sha256: missing, size: 1 } } }], context: context() });

    const manifest = await exportTenant(env.store, content, T1, dir);
    const text = await readFile(join(dir, 'commits.ndjson'), 'utf8');
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.envelope.tenantId)).toEqual([T1, T1, T1]);
    expect(lines.every((l) => commitHash(l.envelope) === l.envelope.hash)).toBe(true);
    expect(manifest).toMatchObject({
      tenantId: T1,
      commits: { count: 3, sha256: createHash('sha256').update(text).digest('hex'), firstPosition: lines[0].position, lastPosition: lines[2].position },
      events: 3,
      aggregates: 2,
      objects: [{ sha256: ref.sha256, size: bytes.byteLength }],
      missingObjects: [missing],
    });
    expect(await readFile(join(dir, 'objects', ref.sha256), 'utf8')).toBe('the attached note');
    expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect((await readdir(join(dir, 'objects'))).length).toBe(1);
    await expect(exportTenant(env.store, content, T1, dir)).rejects.toMatchObject({ code: 'EXPORT.FILE_EXISTS', category: 'conflict' });
  });
});
