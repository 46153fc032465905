import { defineEndpoints } from '../api/endpoint.js';

/** Periodic reporting: forms, data values, validation, approval, configuration, transfers, reminders. */
export const reportingEndpoints = defineEndpoints({});
