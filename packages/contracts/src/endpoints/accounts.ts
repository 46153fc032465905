import { defineEndpoints } from '../api/endpoint.js';

/** Login, sessions, the password, accounts and API tokens. */
export const accountEndpoints = defineEndpoints({});
