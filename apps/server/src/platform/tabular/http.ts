import type { FastifyReply, FastifyRequest } from 'fastify';
import { fieldError } from '../errors.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The one file of a multipart/form-data upload, in a part named `file`. */
export async function readUploadedFile(request: FastifyRequest): Promise<{ name: string; content: Buffer }> {
  if (!request.isMultipart())
    throw fieldError('VALIDATION_FAILED', 'file', 'multipart', 'send the file as multipart/form-data in a part named file');
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw fieldError('VALIDATION_FAILED', 'file', 'required', 'send the file in a part named file');
  return { name: part.filename, content: await part.toBuffer() };
}

/** Sends an .xlsx as a download named `fileName`. */
export function sendWorkbook(reply: FastifyReply, fileName: string, content: Buffer) {
  return reply
    .header('content-type', XLSX_MEDIA_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(content);
}
