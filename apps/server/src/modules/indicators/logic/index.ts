/**
 * Pure indicator logic (issue #4 item 3): the milestone path, pace against it, and forecasts from
 * the recent trend. No database, no HTTP. Formulas, periods and aggregation of reported values live
 * in reporting/logic, which indicators reach through the reporting module's index.
 */
export { dateOfDay, dayNumber } from './calendar-days.js';
export { fitLine, type Line } from './fit-line.js';
export { DEFAULT_TREND_MONTHS, forecastAt, forecastReachDate } from './forecast.js';
export { assessPace, statusOf } from './pace.js';
export { createPlan, DEFAULT_THRESHOLDS, expectedAt, type PacePlan, PlanError } from './plan.js';
