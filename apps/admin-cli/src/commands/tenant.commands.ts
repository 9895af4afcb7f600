import { exportTenant } from '@ragstream/audit';
import { ContentStore } from '@ragstream/event-store';
import type { Command } from 'commander';
import { openLog } from '../cli/log-session';
import { parseToken } from '../cli/option-parsers';
import { withExitCodes } from '../cli/exit-codes-help';
import { action, type ActionContext } from '../cli/run-action';

/** `tenant export`: every commit and stored object of one tenant, for portability. */
export function registerTenantCommands(program: Command): void {
  const tenant = program.command('tenant').description('whole-tenant operations');
  tenant
    .command('export')
    .description('write commits.ndjson (every commit as stored, with hashes and headers), objects/<sha256> and manifest.json')
    .argument('<tenantId>', 'the tenant', parseToken)
    .requiredOption('--out <dir>', 'directory to write into; existing export files are never overwritten')
    .action(action((ctx, tenantId, opts) => exportOne(ctx, tenantId as string, (opts as { out: string }).out)));
  withExitCodes(tenant);
}

async function exportOne(ctx: ActionContext, tenantId: string, dir: string): Promise<void> {
  const log = await openLog(ctx.config);
  try {
    const content = await ContentStore.open(log.nc, ctx.config.CONTENT_BUCKET, ctx.config.EVENTS_REPLICAS);
    const manifest = await ctx.out.step('export', () => exportTenant(log.store, content, tenantId, dir),
      (m) => `${m.commits.count} commits (${m.events} events, ${m.aggregates} aggregates) and ${m.objects.length} objects of tenant ${tenantId} written to ${dir}`);
    ctx.out.result(manifest);
    if (manifest.missingObjects.length > 0) process.stderr.write(`! ${manifest.missingObjects.length} referenced objects are missing from ${ctx.config.CONTENT_BUCKET}; listed in manifest.json\n`);
  } finally {
    await log.close();
  }
}
