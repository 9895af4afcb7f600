import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { DomainError } from '@ragstream/domain';

/** An NDJSON file written line by line with backpressure, hashing what it writes. */
export class NdjsonFile {
  private readonly hash = createHash('sha256');
  lines = 0;

  private constructor(private readonly stream: WriteStream) {}

  /** Creates the file; an existing file is a conflict, never overwritten. */
  static async create(path: string): Promise<NdjsonFile> {
    const stream = createWriteStream(path, { flags: 'wx' });
    try {
      await once(stream, 'open');
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') throw new DomainError('EXPORT.FILE_EXISTS', 'conflict', `${path} exists already`);
      throw error;
    }
    return new NdjsonFile(stream);
  }

  async write(value: unknown): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    this.hash.update(line);
    this.lines++;
    if (!this.stream.write(line)) await once(this.stream, 'drain');
  }

  /** Closes the file; the sha256 of everything written. */
  async close(): Promise<string> {
    this.stream.end();
    await once(this.stream, 'finish');
    return this.hash.digest('hex');
  }
}
