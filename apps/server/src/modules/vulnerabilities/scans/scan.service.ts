import type { Scan, ScanImportQuery } from '@suilian/contracts';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import type { UploadedFile } from '../../../platform/tabular/http.js';
import type { NotificationService } from '../../notifications/index.js';
import { createAdvisoryRepo } from '../advisory.repo.js';
import { assetPolicy } from '../assets/asset.policy.js';
import { createAssetRepo } from '../assets/asset.repo.js';
import { resolveEnterprise } from '../assets/asset.service.js';
import { recordSightings, type Sighting } from '../findings/detect.js';
import { createFindingRepo } from '../findings/finding.repo.js';
import { type AliasIndex, createAliasIndex, normaliseProduct, normaliseVendor } from '../logic/index.js';
import type { MatchingService } from '../matching/matching.service.js';
import { parseScanFile, type ScanLine } from './scan.parse.js';
import { createScanRepo, type ScanRow } from './scan.repo.js';

export interface ScanServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  matching: Pick<MatchingService, 'matchAssets'>;
  notifications: Pick<NotificationService, 'notify'>;
}

/** One asset per host, vendor (through the alias table) and product. */
function lineKeyWith(aliases: AliasIndex) {
  return (host: string, vendor: string, product: string) =>
    `${host.toLowerCase()}\u0000${normaliseVendor(vendor, aliases).key}\u0000${normaliseProduct(product, vendor)}`;
}

/**
 * Scan results reconciled like DefectDojo's re-import (issue #5 item 5): each line finds its asset
 * by host, vendor and product (or creates it; a changed version updates it), the assets are
 * re-matched, and the findings the scan implies are compared with those last reported under the
 * same scan scope: new, unchanged, closed (absent now), reactivated (closed before, seen again).
 * One transaction with its audit entry.
 */
export function createScanService(deps: ScanServiceDeps) {
  return {
    async import(actor: Actor, query: ScanImportQuery, upload: () => Promise<UploadedFile>): Promise<Scan> {
      assetPolicy.authorize(actor, 'write');
      const enterprise = await resolveEnterprise(deps.db, actor, query.enterpriseId);
      const file = await upload();
      const { format, lines } = parseScanFile(file);
      const scanKey = `${enterprise.id}:${query.name}`;
      const by = actor.displayName ?? actor.name;
      return deps.db.transaction(async (tx) => {
        const now = deps.clock.now();
        const assets = createAssetRepo(tx);
        const aliases = createAliasIndex((await createAdvisoryRepo(tx).aliases()).map((a) => ({ canonical: a.canonical, names: a.names })));
        const lineKey = lineKeyWith(aliases);
        const known = new Map(
          (await assets.byHosts(enterprise.id, [...new Set(lines.map((l) => l.host))])).map((a) => [
            lineKey(a.host ?? '', a.vendor, a.product),
            a,
          ]),
        );
        const assetOf = new Map<string, string>();
        const touched = new Set<string>();
        const fresh: ScanLine[] = [];
        for (const line of lines) {
          const key = lineKey(line.host, line.vendor, line.product);
          if (assetOf.has(key)) continue;
          const a = known.get(key);
          if (!a) {
            fresh.push(line);
            assetOf.set(key, '');
            continue;
          }
          assetOf.set(key, a.id);
          if ((line.version && line.version !== a.firmwareVersion) || (line.model && !a.model)) {
            await assets.update(a.id, a.version, {
              ...(line.version ? { firmwareVersion: line.version } : {}),
              ...(line.model && !a.model ? { model: line.model } : {}),
              updatedAt: now,
            });
          }
          touched.add(a.id);
        }
        const created = await assets.insert(
          fresh.map((l) => ({
            enterpriseId: enterprise.id,
            districtId: enterprise.districtId,
            vendor: l.vendor,
            product: l.product,
            model: l.model,
            firmwareVersion: l.version,
            host: l.host,
            zone: 'OT' as const,
            criticality: 'medium' as const,
            createdAt: now,
            updatedAt: now,
          })),
        );
        for (const a of created) {
          assetOf.set(lineKey(a.host ?? '', a.vendor, a.product), a.id);
          touched.add(a.id);
        }

        const seen: Sighting[] = [];
        await deps.matching.matchAssets(tx, [...touched], by, { recordFindings: false, collect: seen });
        const before = await createScanRepo(tx).openInScope(scanKey);
        const outcome = await recordSightings(tx, seen, {
          now,
          origin: 'scan',
          scanKey,
          by,
          note: `scan ${query.name}: ${file.name}`,
          announce: deps.notifications,
        });
        const seenKeys = new Set(seen.map((s) => `${s.asset.id}:${s.vulnerabilityId}`));
        const absent = before.filter((f) => !seenKeys.has(`${f.assetId}:${f.vulnerabilityId}`));
        const findings = createFindingRepo(tx);
        for (const f of absent) {
          const updated = await findings.update(f.id, f.version, {
            state: 'verified_closed',
            closedAt: now,
            verifiedAt: now,
            updatedAt: now,
          });
          if (updated)
            await findings.insertEvents([
              {
                findingId: f.id,
                fromState: f.state,
                toState: 'verified_closed',
                action: 'close_absent',
                actorId: actor.userId,
                actorName: by,
                note: `absent from scan ${query.name}`,
                at: now,
              },
            ]);
        }
        const counts = {
          new: outcome.created.length,
          unchanged: outcome.unchanged.length,
          closed: absent.length,
          reactivated: outcome.reopened.length,
          rows: lines.length,
          assetsCreated: created.length,
        };
        const scan = await createScanRepo(tx).insert({
          enterpriseId: enterprise.id,
          districtId: enterprise.districtId,
          name: query.name,
          format,
          fileName: file.name,
          counts,
          createdById: actor.userId,
          createdAt: now,
        });
        await createScanRepo(tx).insertResults(
          lines.map((l) => ({
            scanId: scan.id,
            row: l.row,
            host: l.host,
            vendor: l.vendor,
            product: l.product,
            model: l.model,
            firmwareVersion: l.version,
            assetId: assetOf.get(lineKey(l.host, l.vendor, l.product)) ?? '',
          })),
        );
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.scan_import',
          entityType: 'vuln_scan',
          entityId: scan.id,
          after: { name: query.name, file: file.name, enterpriseId: enterprise.id, counts, closed: absent.map((f) => f.id) },
        });
        return toScan(scan, enterprise.name);
      });
    },

    async list(actor: Actor, page: number, pageSize: number): Promise<{ items: Scan[]; total: number }> {
      const result = await createScanRepo(deps.db).findPage(assetPolicy.reach(actor, 'read'), page, pageSize);
      return { items: result.items.map((r) => toScan(r.scan, r.enterpriseName)), total: result.total };
    },
  };
}

export type ScanService = ReturnType<typeof createScanService>;

function toScan(s: ScanRow, enterpriseName: string): Scan {
  const { rows, assetsCreated, ...counts } = s.counts;
  return {
    id: s.id,
    enterpriseId: s.enterpriseId,
    enterpriseName,
    name: s.name,
    format: s.format,
    fileName: s.fileName,
    rows,
    assetsCreated,
    counts,
    createdAt: s.createdAt.toISOString(),
  };
}
