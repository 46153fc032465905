import { defineEndpoints } from '../api/endpoint.js';

/** Quarterly progress reports: generation, HTML and PDF. */
export const progressReportEndpoints = defineEndpoints({});
