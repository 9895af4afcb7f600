import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress } from './address.classifier';
import { type AllowList, normalizeHost } from './allow-list';
import { FetchError } from './fetch.error';

/** The error refusing a host's address, or undefined when the address is public or allow-listed. */
export function refusal(hostname: string, address: string, allowList: AllowList): FetchError | undefined {
  const kind = classifyAddress(address);
  if (kind === 'public' || allowList.allowsHost(hostname) || allowList.allowsAddress(address)) return undefined;
  const shown = normalizeHost(hostname) === address ? address : `${hostname} (${address})`;
  return new FetchError('URL.BLOCKED_ADDRESS', `refused to connect to ${shown}: ${kind} address`);
}

/**
 * A DNS lookup for http.request that drops refused addresses. The socket connects to what this
 * returns, so the address checked is the address used: a rebinding DNS answer cannot slip in.
 */
export function guardedLookup(allowList: AllowList): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const permitted = addresses.filter((entry) => !refusal(hostname, entry.address, allowList));
      const [first] = permitted;
      if (!first) {
        const refused = refusal(hostname, addresses[0]?.address ?? '', allowList);
        return callback(refused ?? new FetchError('URL.UNREACHABLE', `${hostname} has no address`), '', 0);
      }
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
      if (options.all) return callback(null, permitted);
      callback(null, first.address, first.family);
    });
  };
}
