import { z } from 'zod';

/** Kinds of uploads the platform accepts, recognised by content (magic bytes), never by name alone. */
export const ACCEPTED_FILE_TYPES = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/msword': ['.doc'],
  'application/vnd.ms-excel': ['.xls'],
  'text/csv': ['.csv'],
  'text/plain': ['.txt'],
} as const;

export const StoredFileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
export type StoredFile = z.infer<typeof StoredFileSchema>;

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
