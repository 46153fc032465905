import { defineEndpoints } from '../api/endpoint.js';

/** Indicators (the plan's targets as data), their values, records and administration. */
export const indicatorEndpoints = defineEndpoints({});
