// What other modules may use of confirmations besides its hooks.ts.
export { ConfirmationActions, ConfirmationStateTag } from './ConfirmationActions';
