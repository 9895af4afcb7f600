import { routeFor } from './routes';

describe('gateway routing table', () => {
  it.each([
    ['POST', '/v1/chat/completions', 'chat'],
    ['GET', '/v1/conversations/c1/messages?after=3', 'chat'],
    ['GET', '/v1/conversations', 'chat'],
    ['GET', '/v1/models', 'chat'],
    ['GET', '/v1/workspaces/w1/documents', 'query-api'],
    ['HEAD', '/v1/workspaces', 'query-api'],
    ['POST', '/v1/workspaces', 'command-api'],
    ['DELETE', '/v1/workspaces/w1', 'command-api'],
    ['OPTIONS', '/v1/workspaces', 'command-api'],
    ['GET', '/v1/chatter', 'query-api'],
    ['GET', '/v1/conversations-export', 'query-api'],
  ])('%s %s goes to %s', (method, url, upstream) => {
    expect(routeFor(method, url)).toBe(upstream);
  });
});
