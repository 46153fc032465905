// The package ships JavaScript with JSDoc only; these are the two entry points the importer uses.
declare module '@secvisogram/csaf-validator-lib/validate.js' {
  interface ValidationMessage {
    instancePath: string;
    message: string;
  }
  interface TestResult {
    name: string;
    isValid: boolean;
    errors: ValidationMessage[];
    warnings: ValidationMessage[];
    infos: ValidationMessage[];
  }
  type DocumentTest = (doc: unknown) => unknown;
  export default function validate(tests: DocumentTest[], doc: unknown): Promise<{ isValid: boolean; tests: TestResult[] }>;
}
declare module '@secvisogram/csaf-validator-lib/basic.js' {
  const tests: Record<string, (doc: unknown) => unknown>;
  export = tests;
}
