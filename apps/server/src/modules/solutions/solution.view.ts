import type { PublicSolution, Solution, SolutionAction } from '@suilian/contracts';
import type { SolutionWithProvider } from './solution.repo.js';

/** Code names for presenting solutions: industry and scenario code → Chinese name. */
export type CodeNames = { industry: Map<string, string>; scenario: Map<string, string> };

const named = (codes: readonly string[], names: Map<string, string>) => codes.map((code) => ({ code, name: names.get(code) ?? code }));

/** A solution row as the API answers it to a logged-in caller. */
export function toSolution(row: SolutionWithProvider, names: CodeNames, actions: SolutionAction[], editable: boolean): Solution {
  const s = row.solution;
  return {
    id: s.id,
    providerId: s.providerId,
    providerName: row.providerName,
    providerDistrictId: row.providerDistrictId,
    title: s.title,
    summary: s.summary,
    industries: named(s.industries, names.industry),
    scenarios: named(s.scenarios, names.scenario),
    capabilities: s.capabilities,
    priceBand: s.priceBand,
    deploymentWeeks: s.deploymentWeeks,
    deliveryModel: s.deliveryModel,
    references: s.references,
    certifications: s.certifications,
    contacts: s.contacts,
    state: s.state,
    reviewComment: s.reviewComment,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    actions,
    editable,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** What anyone may read of a published solution: no contacts, no reference details. */
export function toPublicSolution(row: SolutionWithProvider, names: CodeNames): PublicSolution {
  const s = row.solution;
  return {
    id: s.id,
    providerName: row.providerName,
    title: s.title,
    summary: s.summary,
    industries: named(s.industries, names.industry),
    scenarios: named(s.scenarios, names.scenario),
    capabilities: s.capabilities,
    priceBand: s.priceBand,
    deploymentWeeks: s.deploymentWeeks,
    deliveryModel: s.deliveryModel,
    certifications: s.certifications,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    referenceCount: s.references.length,
  };
}
