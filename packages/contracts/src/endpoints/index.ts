import type { Endpoint } from '../api/endpoint.js';
import { factoryEndpoints } from './factories.js';

export { factoryEndpoints } from './factories.js';

/**
 * The API catalogue: every endpoint the server serves, by name. A route the server registers
 * that is not here fails the catalogue test (apps/server/src/platform/http/catalogue.int.test.ts).
 */
export const API = {
  ...factoryEndpoints,
} as const;

/** The catalogue as a list (generated checks iterate it). */
export const ALL_ENDPOINTS: readonly Endpoint[] = Object.values(API);
