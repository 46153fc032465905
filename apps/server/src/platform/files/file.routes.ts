import { IdParamsSchema, MAX_UPLOAD_BYTES, StoredFileSchema } from '@suilian/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fieldError } from '../errors.js';
import { actorOf } from '../http/auth-hook.js';
import type { FileService } from './file.service.js';

export function registerFileRoutes(app: FastifyInstance, files: FileService) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['files'];

  // multipart/form-data with one part named `file`.
  r.post('/api/files', {
    schema: { tags, consumes: ['multipart/form-data'], response: { 201: StoredFileSchema } },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart())
        throw fieldError('VALIDATION_FAILED', 'file', 'multipart', 'send the file as multipart/form-data in a part named file');
      const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!part || part.fieldname !== 'file')
        throw fieldError('VALIDATION_FAILED', 'file', 'required', 'send the file in a part named file');
      const content = await part.toBuffer();
      return reply.status(201).send(await files.upload(actor, part.filename, content));
    },
  });

  r.get('/api/files/:id', {
    schema: { tags, params: IdParamsSchema },
    handler: async (request, reply) => {
      const { file, stream } = await files.open(actorOf(request), request.params.id);
      reply.header('content-type', file.mediaType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(stream);
    },
  });
}
