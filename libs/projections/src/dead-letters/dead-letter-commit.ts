import type { EventRegistry } from '@ragstream/contracts';
import { directGet, type Commit } from '@ragstream/event-store';
import type { NatsConnection } from 'nats';
import { decodeMessage, type StreamMessage } from '../apply-message';
import { describeError } from '../projection-failure';
import { ProjectionOperationError } from '../operation-error';
import type { DeadLetterRecord } from './dead-letter-queue';

/** The stored message behind a letter, checked to be the one recorded (same subject at that position). */
export async function readDeadLetterMessage(nc: NatsConnection, stream: string, letter: DeadLetterRecord): Promise<StreamMessage> {
  const message = await directGet(nc, stream, { seq: letter.position });
  if (!message || message.subject !== letter.subject) {
    throw new ProjectionOperationError(
      'not-found',
      'DEAD_LETTER.COMMIT_MISSING',
      `stream ${stream} holds no commit on ${letter.subject} at position ${letter.position}`,
      { id: letter.id, position: letter.position, found: message?.subject ?? null },
      'is EVENTS_STREAM the stream this deployment projects?',
    );
  }
  return message;
}

/** The commit as the projection would see it, or why it does not decode and the raw text. */
export function describeStoredCommit(registry: EventRegistry, message: StreamMessage): { commit?: Commit; decodeError?: string; raw?: string } {
  try {
    return { commit: decodeMessage(registry, message) };
  } catch (error) {
    return { decodeError: describeError(error), raw: new TextDecoder().decode(message.data) };
  }
}
