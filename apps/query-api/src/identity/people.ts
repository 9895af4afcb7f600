import { Injectable } from '@nestjs/common';
import { PiiVault } from '@ragstream/identity';

export interface SealedPerson {
  user_id: string;
  email_sealed: string;
  name_sealed: string;
  status: string;
}

/** Opens the sealed e-mail and name of read-model rows; a forgotten user's data shows as erased (null). */
@Injectable()
export class People {
  constructor(private readonly vault: PiiVault) {}

  async open(row: SealedPerson): Promise<{ email: string | null; name: string | null; status: 'invited' | 'active' | 'erased' }> {
    const [email, name] = await Promise.all([this.vault.open(row.user_id, row.email_sealed), this.vault.open(row.user_id, row.name_sealed)]);
    const status = email === null ? 'erased' : (row.status as 'invited' | 'active');
    return { email, name, status };
  }
}
