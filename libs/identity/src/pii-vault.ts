import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

const PREFIX = 'pii:v1:';

/**
 * Personal data is sealed with a per-user key kept in Postgres (wrapped by a master key), never
 * in the event log. Destroying the key erases the data everywhere the log is replayed.
 */
export class PiiVault {
  private readonly keys = new Map<string, { key: Buffer | null; at: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly masterKey: Buffer,
    private readonly cacheTtlMs = 60_000,
  ) {
    if (masterKey.length !== 32) throw new Error('the PII master key must be 32 bytes');
  }

  /** Creates the user's key unless one exists; safe to call again for the same user. */
  async ensureKey(userId: string, tenantId: string): Promise<void> {
    const wrapped = seal(this.masterKey, randomBytes(32));
    await this.dataSource.query(
      `INSERT INTO user_keys (user_id, tenant_id, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING`,
      [userId, tenantId, Buffer.from(wrapped)],
    );
    this.keys.delete(userId);
  }

  /** Encrypts a value with the user's key. */
  async seal(userId: string, plaintext: string): Promise<string> {
    const key = await this.key(userId);
    if (!key) throw new Error(`no personal-data key for user ${userId}`);
    return seal(key, Buffer.from(plaintext, 'utf8'));
  }

  /** Decrypts a sealed value; null once the user's key has been destroyed. */
  async open(userId: string, sealed: string): Promise<string | null> {
    const key = await this.key(userId);
    return key ? open(key, sealed).toString('utf8') : null;
  }

  /**
   * Destroys the user's key: every sealed value of that user becomes unreadable for good. The row
   * stays as a tombstone (key NULL, `destroyed_at`), so `ensureKey` can never give the user a new
   * key and opening an old value keeps answering null instead of failing to decrypt. True when a
   * key was destroyed by this call, false when it was already gone.
   */
  async destroyKey(userId: string): Promise<boolean> {
    // TypeORM answers an UPDATE on Postgres with [rows, affected count].
    const [, destroyed]: [unknown[], number] = await this.dataSource.query(
      `UPDATE user_keys SET wrapped_key = NULL, destroyed_at = now() WHERE user_id = $1 AND wrapped_key IS NOT NULL`,
      [userId],
    );
    this.keys.set(userId, { key: null, at: Date.now() });
    return destroyed > 0;
  }

  /** True once the user's key has been destroyed (the user was forgotten). */
  async isErased(userId: string): Promise<boolean> {
    const rows: { destroyed_at: Date | null }[] = await this.dataSource.query(`SELECT destroyed_at FROM user_keys WHERE user_id = $1`, [userId]);
    return rows[0]?.destroyed_at != null;
  }

  private async key(userId: string): Promise<Buffer | null> {
    const cached = this.keys.get(userId);
    if (cached && Date.now() - cached.at < this.cacheTtlMs) return cached.key;
    const rows: { wrapped_key: Buffer | null }[] = await this.dataSource.query(`SELECT wrapped_key FROM user_keys WHERE user_id = $1`, [userId]);
    const wrapped = rows[0]?.wrapped_key;
    const key = wrapped ? open(this.masterKey, wrapped.toString('utf8')) : null;
    this.keys.set(userId, { key, at: Date.now() });
    return key;
  }
}

function seal(key: Buffer, plaintext: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${PREFIX}${iv.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
}

function open(key: Buffer, sealed: string): Buffer {
  if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value');
  const [iv, body, tag] = sealed.slice(PREFIX.length).split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}
