import { definePolicy } from '../../platform/policy/policy.js';

/** What a progress report covers, as its policy sees it: a district, or the whole city (null). */
export interface ReportCoverage {
  districtId: string | null;
}

/** A quarterly progress report covers the whole city: it lies in no district. */
export const WHOLE_CITY: ReportCoverage = { districtId: null };

/**
 * Who may do what with progress reports: report:read reads the kept reports (they are city-wide
 * documents, read by every holder); progress_report:generate generates one, and only actors who
 * reach the whole city may, since a district officer does not reach figures outside its district.
 */
export const progressReportPolicy = definePolicy<ReportCoverage, 'read' | 'generate'>('progress report', {
  read: { access: 'report:read' },
  generate: { access: 'progress_report:generate', scope: { district: 'districtId', organisation: [] } },
});
