// What other modules may use of factories besides its hooks.ts.
export { FactoryTargetTag } from './FactoryTargetTag';
