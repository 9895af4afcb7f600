import { Injectable } from '@nestjs/common';
import { PiiVault } from '@ragstream/identity';

export interface SealedPerson {
  user_id: string;
  email_sealed: string | null;
  name_sealed: string | null;
  status: string;
}

/** Opens the sealed e-mail and name of read-model rows; a forgotten user's data shows as erased (null). */
@Injectable()
export class People {
  constructor(private readonly vault: PiiVault) {}

  async open(row: SealedPerson): Promise<{ email: string | null; name: string | null; status: 'invited' | 'active' | 'erased' }> {
    // An erased row is trusted before the key: another process may still hold the key in its cache.
    if (row.status === 'erased' || row.email_sealed === null) return { email: null, name: null, status: 'erased' };
    const [email, name] = await Promise.all([this.vault.open(row.user_id, row.email_sealed), row.name_sealed ? this.vault.open(row.user_id, row.name_sealed) : null]);
    const status = email === null ? 'erased' : (row.status as 'invited' | 'active');
    return { email, name, status };
  }
}
