import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@ragstream/domain';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import type { ChatConfig } from '../chat.config';
import { CHAT_CONFIG } from '../tokens';

/** The first instant of the UTC month after `now`. */
export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/**
 * The monthly token quota of a workspace, read from the usage read model before a turn starts. Turns
 * running at once can all pass at the edge: the quota is a guard rail, not a ledger.
 */
@Injectable()
export class TokenQuota {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
  ) {}

  async check(tenantId: string, workspaceId: string, now = new Date()): Promise<void> {
    const quota = this.config.CHAT_TOKEN_QUOTA_PER_WORKSPACE;
    if (quota === 0) return;
    const period = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
    const rows: { total_tokens: string }[] = await this.db.query(
      `SELECT total_tokens FROM chat_usage WHERE tenant_id = $1 AND workspace_id = $2 AND period = $3::date`,
      [tenantId, workspaceId, period],
    );
    const used = Number(rows[0]?.total_tokens ?? 0);
    if (used < quota) return;
    const resetsAt = nextMonthStart(now);
    throw new DomainError('CHAT.TOKEN_QUOTA_EXHAUSTED', 'rate-limited', `the workspace used ${used} of its ${quota} tokens this month`, {
      quota,
      used,
      resetsAt: resetsAt.toISOString(),
      retryAfterSeconds: Math.ceil((resetsAt.getTime() - now.getTime()) / 1000),
    });
  }
}
