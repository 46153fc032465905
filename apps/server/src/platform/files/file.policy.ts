import { definePolicy } from '../policy/policy.js';

/** A stored file as its policy sees it: the organisation and district of whoever uploaded it. */
export interface UploadOrigin {
  orgId: string;
  districtId: string | null;
}

const scope = { district: 'districtId', organisation: ['orgId'] } as const;

/**
 * Who may do what with stored files: upload with file:upload; read and attach the files uploaded
 * within one's scope. Reading also follows attachments (file.service.ts `addReadRule`): a file on a
 * record the actor may see is readable even when someone outside their scope uploaded it.
 */
export const filePolicy = definePolicy<UploadOrigin, 'upload' | 'read' | 'attach'>('file', {
  upload: { access: 'file:upload' },
  read: { access: 'authenticated', scope },
  attach: { access: 'authenticated', scope },
});
