import { BlockList, isIP } from 'node:net';

/** What kind of network an IP address belongs to; only `public` is fetched without an allow-list entry. */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'multicast'
  | 'reserved';

// Checked in this order, so the narrow ::/128 and ::1 win over the wider ::/96 below them.
const RANGES: readonly [Exclude<AddressClass, 'public'>, readonly string[]][] = [
  ['unspecified', ['0.0.0.0/8', '::/128']],
  ['loopback', ['127.0.0.0/8', '::1/128']],
  ['private', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7', 'fec0::/10']],
  // Includes 169.254.169.254, the cloud metadata endpoint.
  ['link-local', ['169.254.0.0/16', 'fe80::/10']],
  // Carrier-grade NAT: not the public internet, often the provider's own network.
  ['shared', ['100.64.0.0/10']],
  ['multicast', ['224.0.0.0/4', 'ff00::/8']],
  [
    'reserved',
    [
      '192.0.0.0/24', '192.0.2.0/24', '192.88.99.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24',
      '240.0.0.0/4',
      // IPv4-compatible, NAT64 local-use, discard, IETF/Teredo, documentation, 6to4: none is a plain public host.
      '::/96', '64:ff9b:1::/48', '100::/64', '2001::/23', '2001:db8::/32', '2002::/16', '3fff::/20',
    ],
  ],
];

// An IPv4 rule also matches the IPv4-mapped IPv6 form (::ffff:10.0.0.1), which BlockList handles.
const LISTS = RANGES.map(([kind, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network, prefix] = cidr.split('/');
    list.addSubnet(network, Number(prefix), isIP(network) === 4 ? 'ipv4' : 'ipv6');
  }
  return [kind, list] as const;
});

/** Classifies an IP address literal; anything that is not a valid address counts as reserved. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 0) return 'reserved';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find(([, list]) => list.check(address, type))?.[0] ?? 'public';
}
