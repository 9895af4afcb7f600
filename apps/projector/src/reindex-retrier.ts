import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { documentDecider, type RequestReindex } from '@ragstream/domain';
import { uuidFrom, type CommandExecutor } from '@ragstream/event-store';
import { createLogger } from '@ragstream/observability';
import { COMMAND_EXECUTOR, DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';
import { PROJECTOR_CONFIG } from './projection-workers';
import type { ProjectorConfig } from './projector.config';

const log = createLogger('reindex-retrier');

/**
 * Documents whose indexing failed for a passing reason (the embedding provider was down) are not
 * lost: every interval, those failed long enough ago get a `document.reindex_requested` commit.
 * The commit id derives from the failure being retried, so several projector instances ask once.
 */
@Injectable()
export class ReindexRetrier implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(COMMAND_EXECUTOR) private readonly executor: CommandExecutor,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.retryDue()
        .then(() => undefined)
        .catch((error) => log.warn({ err: error }, 'retrying failed documents did not complete'))
        .finally(() => (this.running = undefined));
    }, this.config.REINDEX_RETRY_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Requests a reindex of every retryable failure older than the retry delay; returns how many. */
  async retryDue(): Promise<number> {
    const due: { tenant_id: string; document_id: string; workspace_id: string; revision: number; updated_at: Date }[] = await this.db
      .query(
        `SELECT tenant_id, document_id, workspace_id, revision, updated_at FROM index_status
         WHERE state = 'failed' AND retryable AND updated_at < now() - make_interval(secs => $1::float8 / 1000) ORDER BY updated_at LIMIT 100`,
        [this.config.REINDEX_RETRY_AFTER_MS],
      )
      .catch((error: { code?: string }) => (error.code === '42P01' ? [] : Promise.reject(error)));
    for (const row of due) await this.requestReindex(row);
    return due.length;
  }

  private async requestReindex(row: { tenant_id: string; document_id: string; workspace_id: string; revision: number; updated_at: Date }): Promise<void> {
    const actor = { type: 'system' as const, id: 'reindex-retrier' };
    const failure = `${row.tenant_id}\u0000${row.document_id}\u0000${row.revision}\u0000${row.updated_at.toISOString()}`;
    const command: RequestReindex = {
      type: 'RequestReindex',
      metadata: { tenantId: row.tenant_id, actor, now: new Date() },
      data: { access: { workspaceId: row.workspace_id, exists: true, archived: false, role: 'owner' }, reason: 'retrying after a transient indexing failure' },
    };
    try {
      await this.executor.execute(documentDecider, command, {
        tenantId: row.tenant_id,
        aggregateId: row.document_id,
        context: { commitId: uuidFrom(`reindex\u0000${failure}`), actor, correlationId: uuidFrom(`reindex-correlation\u0000${failure}`), occurredAt: command.metadata.now },
      });
      log.info({ tenantId: row.tenant_id, documentId: row.document_id, revision: row.revision }, 'requested a reindex after a transient failure');
    } catch (error) {
      // Deleted, moved or archived since: nothing to retry.
      log.info({ err: error, documentId: row.document_id }, 'not retrying a failed document');
    }
  }
}
