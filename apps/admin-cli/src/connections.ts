import { connect, type JetStreamManager, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { ServiceError } from './cli/service-error';

const CONNECT_TIMEOUT_MS = 5000;

/** A NATS connection with JetStream checked; failures name NATS, the URL and what to do. */
export async function connectJetStream(url: string): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
  let nc: NatsConnection;
  try {
    const servers = url.split(',').map((s) => s.trim());
    nc = await connect({ servers, name: 'ragstream-admin', timeout: CONNECT_TIMEOUT_MS, maxReconnectAttempts: 0 });
  } catch (error) {
    throw new ServiceError('NATS', url, `not reachable (${(error as Error).message})`, 'start nats-server with -js, or set NATS_URL');
  }
  try {
    return { nc, jsm: await nc.jetstreamManager() };
  } catch (error) {
    await nc.close();
    throw new ServiceError('NATS', url, `JetStream is not available (${(error as Error).message})`, 'run nats-server with JetStream enabled (-js)');
  }
}

/** A connected pg client; unreachable servers and refused logins become a ServiceError. */
export async function connectPostgres(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'ragstream-admin' });
  try {
    await client.connect();
    return client;
  } catch (error) {
    throw postgresError(url, error);
  }
}

/** Maps a pg connection error to what an operator needs to know. */
export function postgresError(url: string, error: unknown): Error {
  const { code, message } = error as { code?: string; message?: string };
  const reason = message || code || 'connection failed';
  if (code === '3D000') return new ServiceError('Postgres', url, reason, 'run `ragstream-admin provision` to create the database');
  if (code?.startsWith('28')) return new ServiceError('Postgres', url, `login refused (${reason})`, 'check the user and password in DATABASE_URL');
  // A five-character code is SQLSTATE: the server answered, so this is not a reachability problem.
  if (code && /^[0-9A-Z]{5}$/.test(code)) return error as Error;
  return new ServiceError('Postgres', url, `not reachable (${reason})`, 'start PostgreSQL, or set DATABASE_URL');
}
