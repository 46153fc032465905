import { IndicatorAllocationsSchema, SetAllocationsSchema } from '../allocations.js';
import { defineEndpoints } from '../api/endpoint.js';
import { IndicatorCodeParamsSchema } from '../indicators.js';

const tags = ['indicators'];

/** 目标分解 (issue #12 item 5): each plan target allocated to the districts, versioned. */
export const allocationEndpoints = defineEndpoints({
  getIndicatorAllocations: {
    method: 'GET',
    path: '/api/indicators/:code/allocations',
    access: 'indicator:read',
    tags,
    description: 'Each district’s allocation of the target (null: 未分解) and every version with who set it and when.',
    params: IndicatorCodeParamsSchema,
    success: 200,
    response: IndicatorAllocationsSchema,
  },
  setIndicatorAllocations: {
    method: 'PUT',
    path: '/api/indicators/:code/allocations',
    access: 'indicator:manage',
    tags,
    description: 'Sets the listed districts’ allocations (share in percent or absolute; null removes one) as a new version.',
    params: IndicatorCodeParamsSchema,
    body: SetAllocationsSchema,
    success: 200,
    response: IndicatorAllocationsSchema,
  },
});
