import { AllowList } from './allow-list';

describe('AllowList', () => {
  const list = new AllowList(['wiki.internal.', '127.0.0.1', '10.1.0.0/16', 'FD00::/8']);

  it('matches hostnames exactly, ignoring case and the root dot', () => {
    expect(list.allowsHost('WIKI.internal')).toBe(true);
    expect(list.allowsHost('other.internal')).toBe(false);
  });

  it('matches addresses and CIDRs, including IPv4-mapped IPv6', () => {
    expect(list.allowsAddress('127.0.0.1')).toBe(true);
    expect(list.allowsAddress('::ffff:127.0.0.1')).toBe(true);
    expect(list.allowsAddress('10.1.200.3')).toBe(true);
    expect(list.allowsAddress('10.2.0.1')).toBe(false);
    expect(list.allowsAddress('fd00::5')).toBe(true);
    expect(list.allowsAddress('wiki.internal')).toBe(false);
  });

  it('rejects a malformed CIDR at construction', () => {
    expect(() => new AllowList(['10.0.0.0/33'])).toThrow('invalid allow-list entry "10.0.0.0/33"');
  });
});
