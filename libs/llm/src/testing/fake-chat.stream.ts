import type { ServerResponse } from 'node:http';

/** How to deliver a stream: pauses between chunks, a cut (connection destroyed) or a stall (kept open, silent). */
export interface StreamDelivery {
  readonly intervalMs: number;
  readonly cutAfterChunks?: number;
  readonly stallAfterChunks?: number;
  /** Called just before the server itself destroys the connection, so that is not counted as a client leaving. */
  readonly onCut: () => void;
}

/** Writes SSE chunks (each split mid-line on purpose), then `data: [DONE]`; stops as soon as the client is gone. */
export async function writeStream(res: ServerResponse, chunks: readonly object[], delivery: StreamDelivery): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  if (delivery.stallAfterChunks === 0) return void res.flushHeaders();
  res.write(': keep-alive\n\n');
  for (const [i, data] of chunks.entries()) {
    if (res.destroyed) return;
    if (i === delivery.stallAfterChunks) return;
    if (i === delivery.cutAfterChunks) {
      delivery.onCut();
      return void res.socket?.destroy();
    }
    if (i > 0 && delivery.intervalMs > 0) await pause(res, delivery.intervalMs);
    const event = `data: ${JSON.stringify(data)}\n\n`;
    const middle = Math.floor(event.length / 2);
    await writeFlushed(res, event.slice(0, middle));
    await writeFlushed(res, event.slice(middle));
  }
  if (!res.destroyed) res.end('data: [DONE]\n\n');
}

// Waiting for each write lets a client see the pieces apart, and lets a cut come after them.
const writeFlushed = (res: ServerResponse, text: string) => new Promise<void>((resolve) => (res.destroyed ? resolve() : res.write(text, () => resolve())));

// Ends early when the client leaves, so a slow stream holds no timer after its connection is gone.
function pause(res: ServerResponse, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.once('close', done);
  });
}
