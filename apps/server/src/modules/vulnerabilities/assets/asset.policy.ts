import { definePolicy } from '../../../platform/policy/policy.js';

/** An asset (or a scan of assets) as its policy sees it: the enterprise that keeps it and that enterprise's district. */
export interface AssetOwner {
  enterpriseId: string;
  districtId: string | null;
}

const scope = { district: 'districtId', organisation: ['enterpriseId'] } as const;

/** Who may see and keep assets and scans: asset:read / asset:write, for the owning enterprise and its district. */
export const assetPolicy = definePolicy<AssetOwner, 'read' | 'write'>('asset', {
  read: { access: 'asset:read', scope },
  write: { access: 'asset:write', scope },
});
