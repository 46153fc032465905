/** What other console modules use of the sanction register: the reviewers' banner. */
export { SanctionBanner } from './SanctionBanner';
