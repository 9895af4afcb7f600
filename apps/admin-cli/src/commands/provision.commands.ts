import type { Command } from 'commander';
import { action, type ActionContext } from '../cli/run-action';
import { redactUrl } from '../cli/service-error';
import { connectJetStream } from '../connections';
import { ensureDatabase, ensureVectorExtension, runMigrations } from '../provisioning/database';
import { provisionContentBucket, provisionProjectionConsumers, provisionStream } from '../provisioning/jetstream';

/** `provision` and `migrate`: bring Postgres and JetStream to what this version needs. Idempotent. */
export function registerProvisionCommands(program: Command): void {
  program
    .command('provision')
    .description('create the database, pgvector, migrations, the event stream, the content bucket and projection consumers')
    .action(action(provision));
  program.command('migrate').description('apply pending database migrations only').action(action(migrations));
}

async function provision(ctx: ActionContext): Promise<void> {
  const { config, out } = ctx;
  // Both services are checked before anything is changed, so a half-provisioned state is rare.
  const { nc, jsm } = await connectJetStream(config.NATS_URL);
  try {
    await out.step('database', () => ensureDatabase(config.DATABASE_URL), (r) => `database ${r.name} ${r.created ? 'created' : 'exists'} (${redactUrl(config.DATABASE_URL)})`);
    await out.step('pgvector', () => ensureVectorExtension(config.DATABASE_URL), (v) => `extension vector ${v}`, (v) => ({ version: v }));
    await migrations(ctx);
    await out.step('stream', () => provisionStream(jsm, config), (s) => `stream ${s.stream} (${s.subjects.join(', ')}, replicas ${s.replicas}, ${s.commits} commits)`, (s) => s);
    await out.step('content-bucket', () => provisionContentBucket(nc, config), (b) => `object store ${b}`);
    await out.step('consumers', () => provisionProjectionConsumers(jsm, config),
      (d) => (d.length ? `projection consumers ${d.join(', ')}` : 'no projections in the catalog yet'), (d) => ({ consumers: d }));
  } finally {
    await nc.close();
  }
}

async function migrations({ config, out }: ActionContext): Promise<void> {
  await out.step('migrations', () => runMigrations(config.DATABASE_URL, config.DB_SCHEMA),
    (applied) => (applied.length ? `migrations applied in schema ${config.DB_SCHEMA}: ${applied.join(', ')}` : `schema ${config.DB_SCHEMA} is up to date`),
    (applied) => ({ schema: config.DB_SCHEMA, applied }));
}
