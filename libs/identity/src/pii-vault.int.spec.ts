import { randomBytes, randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@ragstream/testing';
import { PiiVault } from './pii-vault';

describe('PiiVault (real Postgres)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.dispose());

  it('seals with a per-user key and opens again, also from another process with the same master key', async () => {
    const master = randomBytes(32);
    const userId = randomUUID();
    const vault = new PiiVault(db.dataSource, master);
    await vault.ensureKey(userId, 'tenant');
    const sealed = await vault.seal(userId, 'ada@example.test');
    expect(sealed).toMatch(/^pii:v1:/);
    expect(sealed).not.toContain('ada');
    expect(await new PiiVault(db.dataSource, master).open(userId, sealed)).toBe('ada@example.test');
  });

  it('keeps the first key when asked to create it again', async () => {
    const vault = new PiiVault(db.dataSource, randomBytes(32));
    const userId = randomUUID();
    await vault.ensureKey(userId, 't');
    const sealed = await vault.seal(userId, 'x');
    await vault.ensureKey(userId, 't');
    expect(await vault.open(userId, sealed)).toBe('x');
  });

  it('returns null for everything sealed once the key is destroyed (crypto-shredding)', async () => {
    const master = randomBytes(32);
    const userId = randomUUID();
    const vault = new PiiVault(db.dataSource, master);
    await vault.ensureKey(userId, 't');
    const sealed = await vault.seal(userId, 'secret');
    expect(await vault.destroyKey(userId)).toBe(true);
    expect(await vault.destroyKey(userId)).toBe(false);
    expect(await vault.isErased(userId)).toBe(true);
    expect(await vault.open(userId, sealed)).toBeNull();
    expect(await new PiiVault(db.dataSource, master).open(userId, sealed)).toBeNull();
    const [row] = await db.dataSource.query(`SELECT wrapped_key FROM user_keys WHERE user_id = $1`, [userId]);
    expect(row.wrapped_key).toBeNull();
    await vault.ensureKey(userId, 't'); // the tombstone keeps a new key from being made
    expect(await new PiiVault(db.dataSource, master).open(userId, sealed)).toBeNull();
  });

  it('cannot open a value with another master key', async () => {
    const userId = randomUUID();
    const vault = new PiiVault(db.dataSource, randomBytes(32));
    await vault.ensureKey(userId, 't');
    const sealed = await vault.seal(userId, 'x');
    await expect(new PiiVault(db.dataSource, randomBytes(32)).open(userId, sealed)).rejects.toThrow();
  });
});
