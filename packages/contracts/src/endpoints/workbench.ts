import { defineEndpoints } from '../api/endpoint.js';
import { WorkbenchSchema } from '../workbench.js';

const tags = ['workbench'];

/** 工作台: the caller's own work. */
export const workbenchEndpoints = defineEndpoints({
  getWorkbench: {
    method: 'GET',
    path: '/api/workbench',
    access: 'authenticated',
    tags,
    summary:
      "The caller's to-dos by kind (count, oldest waiting days, link), latest notifications and, for city and district users, the cockpit summary",
    success: 200,
    response: WorkbenchSchema,
  },
});
