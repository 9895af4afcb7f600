import { BlockList, isIP } from 'node:net';

/** Hosts and networks an operator trusts despite their address class (an internal wiki, a test server). */
export class AllowList {
  private readonly hosts = new Set<string>();
  // BlockList is Node's CIDR matcher; here it holds allowed ranges, not blocked ones.
  private readonly networks = new BlockList();

  /** Entries are hostnames, IP addresses or CIDRs ("10.1.0.0/16", "fd00::/8"). */
  constructor(entries: readonly string[] = []) {
    for (const entry of entries) this.add(entry.trim().toLowerCase());
  }

  allowsHost(hostname: string): boolean {
    return this.hosts.has(normalizeHost(hostname));
  }

  allowsAddress(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.networks.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }

  private add(entry: string): void {
    const [network, prefix] = entry.split('/');
    const address = normalizeHost(network);
    const family = isIP(address);
    if (family === 0) {
      this.hosts.add(address);
      return;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) return this.networks.addAddress(address, type);
    const bits = Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
      throw new TypeError(`invalid allow-list entry "${entry}"`);
    }
    this.networks.addSubnet(address, bits, type);
  }
}

/** Hostname as compared: lower case, no IPv6 brackets, no trailing root dot. */
export function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}
