// Prints "<server major version> <yes|no>" (is pgvector installable) for the server behind a
// DATABASE_URL. Connects to the maintenance database, since the target may not exist yet.
import pg from 'pg';

const target = new URL(process.argv[2]);
const maintenance = new URL(target);
maintenance.pathname = '/postgres';
const redacted = (url) => url.toString().replace(/(:\/\/[^:/@]*):[^@/]*@/, '$1:***@');

async function probe(url) {
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT current_setting('server_version_num')::int / 10000 AS major,
              EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS vector`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

try {
  const row = await probe(maintenance).catch((error) => (error.code === '3D000' ? probe(target) : Promise.reject(error)));
  console.log(`${row.major} ${row.vector ? 'yes' : 'no'}`);
} catch (error) {
  console.error(`Postgres at ${redacted(target)} refused the connection: ${error.message || error.code}`);
  process.exit(2);
}
