// What other modules (the dashboard's target cards and trend chart) may use of indicators besides its hooks.ts.
export { forecastMethodText } from './forecastText';
export { barPercent, INDICATOR_STATUS_TONES, roundFigure, TONE_HEX } from './status';
