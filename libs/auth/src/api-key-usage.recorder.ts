import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DATA_SOURCE } from '@ragstream/platform';
import type { DataSource } from 'typeorm';

/**
 * Last-used times are telemetry, not domain changes: kept in memory and written in one statement
 * every few seconds, so authentication adds no write to the request path.
 */
@Injectable()
export class ApiKeyUsageRecorder implements OnApplicationShutdown {
  private pending = new Map<string, { tenantId: string; at: Date }>();
  private readonly timer: NodeJS.Timeout;

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {
    this.timer = setInterval(() => void this.flush(), 5000);
    this.timer.unref();
  }

  record(keyId: string, tenantId: string): void {
    this.pending.set(keyId, { tenantId, at: new Date() });
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0 || !this.dataSource.isInitialized) return;
    const batch = this.pending;
    this.pending = new Map();
    const ids = [...batch.keys()];
    await this.dataSource.query(
      `INSERT INTO api_key_usage (key_id, tenant_id, last_used_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
       ON CONFLICT (key_id) DO UPDATE SET last_used_at = GREATEST(api_key_usage.last_used_at, EXCLUDED.last_used_at)`,
      [ids, ids.map((id) => batch.get(id)!.tenantId), ids.map((id) => batch.get(id)!.at.toISOString())],
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush().catch(() => undefined);
  }
}
