import { createHash } from 'node:crypto';
import { StorageType, type NatsConnection, type ObjectStore } from 'nats';

export interface ContentRef {
  readonly sha256: string;
  readonly size: number;
}

/** Large payloads, content-addressed by sha256 in a JetStream object store bucket. */
export class ContentStore {
  private constructor(private readonly bucket: ObjectStore) {}

  /** Opens the bucket, creating it when missing. */
  static async open(nc: NatsConnection, bucket: string, replicas = 1): Promise<ContentStore> {
    const store = await nc.jetstream().views.os(bucket, { storage: StorageType.File, replicas });
    return new ContentStore(store);
  }

  /** Stores bytes once; storing the same content again is a no-op that returns the same ref. */
  async put(bytes: Uint8Array): Promise<ContentRef> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.bucket.info(sha256);
    if (!existing || existing.deleted) {
      await this.bucket.putBlob({ name: sha256 }, bytes);
    }
    return { sha256, size: bytes.byteLength };
  }

  /** The bytes behind a ref, or undefined when the bucket does not hold them. */
  async get(sha256: string): Promise<Uint8Array | undefined> {
    const bytes = await this.bucket.getBlob(sha256);
    return bytes ?? undefined;
  }
}
