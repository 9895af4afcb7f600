import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// There is no Docker engine or cluster in CI: this reads the manifests and checks that every
// app that serves traffic is deployed, probed, and that provisioning and NATS are as designed.

const ROOT = path.resolve(__dirname, '..');
/** Apps that are tools, not services. */
const NOT_SERVICES = ['admin-cli'];
/** Apps under apps/ that have no manifests yet, on purpose; keep this short-lived. */
const NOT_YET_DEPLOYED: string[] = [];
const CORE_APPS = ['command-api', 'query-api', 'projector', 'chat', 'gateway'];

/** Every app with an entrypoint under apps/, so a new app without manifests fails here. */
function servingApps(): string[] {
  const found = readdirSync(path.join(ROOT, 'apps'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(ROOT, 'apps', e.name, 'src', 'main.ts')))
    .map((e) => e.name)
    .filter((name) => !NOT_SERVICES.includes(name) && !NOT_YET_DEPLOYED.includes(name));
  return [...new Set([...CORE_APPS, ...found])].sort();
}

type Doc = Record<string, any>;
const compose: Doc = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
const k8s: Doc[] = readdirSync(path.join(ROOT, 'k8s'))
  .filter((f) => /\.ya?ml$/.test(f))
  .flatMap((f) =>
    parseAllDocuments(readFileSync(path.join(ROOT, 'k8s', f), 'utf8')).map((d) => {
      if (d.errors.length) throw new Error(`k8s/${f}: ${d.errors[0].message}`);
      return d.toJS() as Doc | null;
    }),
  )
  .filter((d): d is Doc => d !== null);
const ofKind = (kind: string) => k8s.filter((d) => d.kind === kind);
const container = (workload: Doc) => workload.spec.template.spec.containers[0];
const argv = (c: Doc) => [...(c.command ?? []), ...(c.args ?? [])];

describe('docker-compose.yml', () => {
  it.each(servingApps())('runs %s from the shared image after provisioning completed', (app) => {
    const service = compose.services[app];
    expect(service).toBeDefined();
    expect(service.command).toEqual([app]);
    expect(service.depends_on?.provision?.condition).toBe('service_completed_successfully');
    expect(service.healthcheck?.test.join(' ')).toContain('/readyz');
  });

  it('provisions once with the admin CLI, against healthy NATS JetStream and Postgres with pgvector', () => {
    const { provision, nats, postgres } = compose.services;
    expect(provision.command).toEqual(['admin-cli', 'provision']);
    expect(provision.restart).toBe('no');
    expect(provision.depends_on).toMatchObject({ nats: { condition: 'service_healthy' }, postgres: { condition: 'service_healthy' } });
    expect(nats.image).toMatch(/^nats:2\.10/);
    expect(nats.command).toContain('-js');
    expect(postgres.image).toBe('pgvector/pgvector:pg15');
  });

  it('points the gateway at chat on :3004 and waits for it', () => {
    const { gateway, chat } = compose.services;
    expect(gateway.environment.CHAT_URL).toBe('http://chat:3004');
    expect(gateway.depends_on.chat?.condition).toBe('service_healthy');
    expect(chat.environment.PORT).toBe('3004');
  });

  it('publishes only the gateway', () => {
    const published = Object.entries(compose.services as Record<string, Doc>).filter(([, s]) => s.ports);
    expect(published.map(([name]) => name)).toEqual(['gateway']);
  });
});

describe('k8s/', () => {
  it.each(servingApps())('deploys %s with liveness /healthz, readiness /readyz, requests and a Service', (app) => {
    const deployment = ofKind('Deployment').find((d) => d.metadata.name === app);
    expect(deployment).toBeDefined();
    const c = container(deployment!);
    expect(argv(c)).toEqual([app]);
    expect(c.livenessProbe?.httpGet?.path).toBe('/healthz');
    expect(c.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(c.resources?.requests).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
    expect(ofKind('Service').some((s) => s.metadata.name === app)).toBe(true);
  });

  it('points the gateway at the chat Service', () => {
    expect(ofKind('ConfigMap').find((c) => c.metadata.name === 'ragstream-config')?.data.CHAT_URL).toBe('http://chat:3004');
    const service = ofKind('Service').find((s) => s.metadata.name === 'chat');
    expect(service?.spec.ports[0].port).toBe(3004);
  });

  it('runs NATS as a 3-server JetStream cluster and the stream with 3 replicas', () => {
    const nats = ofKind('StatefulSet').find((s) => s.metadata.name === 'nats');
    expect(nats?.spec.replicas).toBe(3);
    const conf: string = ofKind('ConfigMap').find((c) => c.metadata.name === 'nats-config')?.data['nats.conf'];
    expect(conf).toMatch(/jetstream\s*\{/);
    expect(conf).toMatch(/cluster\s*\{/);
    expect(ofKind('ConfigMap').find((c) => c.metadata.name === 'ragstream-config')?.data.EVENTS_REPLICAS).toBe('3');
  });

  it('provisions with the admin CLI as a Job', () => {
    const jobs = ofKind('Job').map(container).map(argv);
    expect(jobs).toContainEqual(['admin-cli', 'provision']);
  });

  it('takes Postgres from the Secret and exposes the gateway through an Ingress', () => {
    expect(ofKind('Secret').find((s) => s.metadata.name === 'ragstream-secrets')?.stringData.DATABASE_URL).toMatch(/^postgres:\/\//);
    const backends = ofKind('Ingress').flatMap((i) => i.spec.rules.flatMap((r: Doc) => r.http.paths.map((p: Doc) => p.backend.service.name)));
    expect(backends).toEqual(['gateway']);
  });
});
