import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { vulnAdvisory, vulnAdvisoryVulnerability, vulnerability } from '../advisory.table.js';
import { vulnNotice, vulnNoticeRecipient, vulnNoticeVulnerability } from '../notice.table.js';

/** What the finding detail tells the enterprise to do: the vulnerability, its advisories' documents, the notices sent about it. */
export function createGuidanceRepo(db: DbOrTx) {
  return {
    async vulnerabilityOf(id: string) {
      const [row] = await db
        .select({
          key: vulnerability.key,
          cve: vulnerability.cve,
          description: vulnerability.description,
          baseScore: vulnerability.baseScore,
          grade: vulnerability.grade,
          details: vulnerability.details,
        })
        .from(vulnerability)
        .where(eq(vulnerability.id, id));
      return row ?? null;
    },

    /** The CSAF documents (as imported) of the advisories that speak of the vulnerability. */
    async advisoriesOf(vulnerabilityId: string) {
      return db
        .select({ trackingId: vulnAdvisory.trackingId, source: vulnAdvisory.source, document: vulnAdvisory.document })
        .from(vulnAdvisoryVulnerability)
        .innerJoin(vulnAdvisory, eq(vulnAdvisory.id, vulnAdvisoryVulnerability.advisoryId))
        .where(eq(vulnAdvisoryVulnerability.vulnerabilityId, vulnerabilityId));
    },

    /** Published notices about the vulnerability sent to the enterprise (the ones that concern this finding). */
    async noticesFor(vulnerabilityId: string, enterpriseId: string) {
      return db
        .select({ id: vulnNotice.id, title: vulnNotice.title, publishedAt: vulnNotice.publishedAt })
        .from(vulnNoticeVulnerability)
        .innerJoin(vulnNotice, eq(vulnNotice.id, vulnNoticeVulnerability.noticeId))
        .innerJoin(
          vulnNoticeRecipient,
          and(eq(vulnNoticeRecipient.noticeId, vulnNotice.id), eq(vulnNoticeRecipient.enterpriseId, enterpriseId)),
        )
        .where(
          and(
            eq(vulnNoticeVulnerability.vulnerabilityId, vulnerabilityId),
            eq(vulnNotice.status, 'published'),
            isNotNull(vulnNotice.publishedAt),
          ),
        )
        .orderBy(desc(vulnNotice.publishedAt));
    },
  };
}
