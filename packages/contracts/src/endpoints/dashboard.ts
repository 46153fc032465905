import { defineEndpoints } from '../api/endpoint.js';

/** The command dashboard (驾驶舱), its public view and reference map data. */
export const dashboardEndpoints = defineEndpoints({});
