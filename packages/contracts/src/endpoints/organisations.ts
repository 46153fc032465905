import { defineEndpoints } from '../api/endpoint.js';

/** The organisation tree: city, districts, enterprises, providers, expert pools. */
export const organisationEndpoints = defineEndpoints({});
