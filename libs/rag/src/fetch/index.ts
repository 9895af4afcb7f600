export { classifyAddress, type AddressClass } from './address.classifier';
export { DEFAULT_ALLOWED_CONTENT_TYPES } from './content-type.policy';
export { FetchError, type FetchErrorCode } from './fetch.error';
export type { FetchedResource, FetchOptions } from './fetch-options';
export { fetchUrl } from './fetch-url';
