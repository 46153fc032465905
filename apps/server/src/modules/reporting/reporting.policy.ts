import { definePolicy } from '../../platform/policy/policy.js';

/** A district's form for one data set and period (its values, workflow and lock exceptions), as its policy sees it. */
export interface DistrictForm {
  /** The district the form belongs to (the organisation that reports). */
  districtId: string;
}

export type FormAction = 'read' | 'enter' | 'approve' | 'accept';

const ofTheDistrict = { district: 'districtId', organisation: [] } as const;

/**
 * Who may do what with district forms: city users reach every district's, district officers their
 * own district's, organisations none. Reading needs report:read, entering values report:enter,
 * approving report:approve, accepting (and granting lock exceptions) report:accept. `district`
 * names a form out of reach in 404 answers, as if the district did not exist.
 */
export const formPolicy = definePolicy<DistrictForm, FormAction>('district', {
  read: { access: 'report:read', scope: ofTheDistrict },
  enter: { access: 'report:enter', scope: ofTheDistrict },
  approve: { access: 'report:approve', scope: ofTheDistrict },
  accept: { access: 'report:accept', scope: ofTheDistrict },
});

/** 报送配置 (data elements, data sets, validation rules): read with report:read, changed with report:configure. */
export const reportingConfigPolicy = definePolicy<never, 'read' | 'configure'>('reporting configuration', {
  read: { access: 'report:read' },
  configure: { access: 'report:configure' },
});

/** What a reminder run covers, as its policy sees it: one district, or every district (null). */
export interface ReminderCoverage {
  districtId: string | null;
}

/** A reminder run goes through every district: it lies in none of them. */
export const EVERY_DISTRICT: ReminderCoverage = { districtId: null };

/** Running the reminders by hand needs report:accept and an actor who reaches every district (the city). */
export const reminderRunPolicy = definePolicy<ReminderCoverage, 'run'>('reporting reminders', {
  run: { access: 'report:accept', scope: { district: 'districtId', organisation: [] } },
});
