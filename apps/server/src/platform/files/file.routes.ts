import { API, MAX_UPLOAD_BYTES } from '@suilian/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';
import { serveEndpoint } from '../http/endpoint-route.js';
import type { FileService } from './file.service.js';

/** The one part named `file` of a multipart upload, read up to MAX_UPLOAD_BYTES. */
async function readFilePart(request: FastifyRequest): Promise<{ name: string; content: Buffer }> {
  if (!request.isMultipart())
    throw fieldError('VALIDATION_FAILED', 'file', 'multipart', 'send the file as multipart/form-data in a part named file');
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') throw fieldError('VALIDATION_FAILED', 'file', 'required', 'send the file in a part named file');
  return { name: part.filename, content: await part.toBuffer() };
}

/** Stored files: upload (content sniffed) and download within reach. */
export function registerFileRoutes(app: FastifyInstance, files: FileService) {
  serveEndpoint(app, API.uploadFile, async (request) => {
    const actor = actorOf(request);
    const { name, content } = await readFilePart(request as unknown as FastifyRequest);
    return files.upload(actor, name, content);
  });

  serveEndpoint(app, API.downloadFile, async (request, reply) => {
    const { file, stream } = await files.open(actorOf(request), request.params.id);
    reply.header('content-type', file.mediaType);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(stream);
  });
}
