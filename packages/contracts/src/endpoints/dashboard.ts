import { defineEndpoints } from '../api/endpoint.js';
import { DashboardQuerySchema, DashboardSchema, PublicDashboardQuerySchema, PublicDashboardSchema } from '../dashboard.js';

const tags = ['dashboard'];

/** The command dashboard (驾驶舱), its public view and reference map data. */
export const dashboardEndpoints = defineEndpoints({
  getDashboard: {
    method: 'GET',
    path: '/api/dashboard',
    access: 'indicator:read',
    tags,
    description: 'Every figure of the 驾驶舱 in one payload, city-wide or for one district.',
    query: DashboardQuerySchema,
    success: 200,
    response: DashboardSchema,
  },
  exportDashboard: {
    method: 'GET',
    path: '/api/dashboard/export',
    access: 'indicator:read',
    tags,
    description: 'The dashboard’s tables as one .xlsx workbook.',
    query: DashboardQuerySchema,
    success: 200,
    responseKind: 'file',
  },
  getPublicDashboard: {
    method: 'GET',
    path: '/api/public/dashboard',
    access: 'public',
    tags,
    description: 'City-wide aggregate figures for anyone (rate-limited): no drill-down, nothing that names an enterprise or project.',
    query: PublicDashboardQuerySchema,
    success: 200,
    response: PublicDashboardSchema,
  },
  getDistrictOutlines: {
    method: 'GET',
    path: '/api/reference/guangzhou-districts.geojson',
    access: 'public',
    tags,
    description: 'The district outlines (schematic, MIT-licensed) as GeoJSON, keyed by GB/T 2260 code; the licence is linked.',
    success: 200,
    responseKind: 'file',
  },
  getDistrictOutlinesLicence: {
    method: 'GET',
    path: '/api/reference/guangzhou-districts.LICENSE',
    access: 'public',
    tags,
    description: 'The licence of the district outlines.',
    success: 200,
    responseKind: 'file',
  },
});
