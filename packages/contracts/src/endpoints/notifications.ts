import { defineEndpoints } from '../api/endpoint.js';

/** The message centre and the mail outbox. */
export const notificationEndpoints = defineEndpoints({});
