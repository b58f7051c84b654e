import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UploadRefusedError } from '../../errors.js';
import { receiveUpload } from '../../files/receive-upload.js';
import { ErrorBody, UploadAccepted, UploadQuery } from '../api-schemas.js';
import { analysisLinks } from '../present.js';
import type { ServiceContext } from '../service-context.js';

/** Content types sent with a bundle as the whole request body (curl --data-binary, the web UI). */
export const BUNDLE_CONTENT_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/gzip', 'application/x-gzip', 'application/x-tar', 'application/octet-stream'];

/**
 * POST /api/uploads: a bundle as the request body (query: ticket, label, fileName) or as the
 * `bundle` file of a multipart form (fields before it: ticket, label, fileName). Streamed to
 * the store while hashed; the same content twice is one bundle and one analysis.
 */
export function uploadRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.post<{ Querystring: UploadQuery }>(
    '/api/uploads',
    {
      config: {
        permission: 'upload',
        rateLimit: {
          max: context.settings.uploadsPerMinute,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => request.principal?.tokenId ?? request.ip,
        },
      },
      schema: {
        summary: 'Upload a support bundle (zip or tar.gz) for analysis',
        description:
          'The bundle is the request body (Content-Type application/zip, application/gzip or application/octet-stream), or the `bundle` file of a multipart/form-data request whose `ticket`, `label` and `fileName` fields come before the file. Answers 202 with the analysis id; the same content uploaded again answers with the analysis it already has (`duplicate: true`).',
        tags: ['analyses'],
        querystring: UploadQuery,
        response: { 202: UploadAccepted, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const upload = await uploadSource(request, context.settings.maxUploadBytes);
      let received;
      try {
        received = await receiveUpload(upload.body, context.files.incomingPath(), context.settings.maxUploadBytes);
      } catch (error) {
        if (error instanceof UploadRefusedError) {
          context.log({ level: 'warn', event: error.reason === 'aborted' ? 'upload.aborted' : 'upload.refused', message: `upload refused: ${error.message}`, fields: { reason: error.reason } });
        }
        throw error;
      }
      const ticket = request.query.ticket ?? upload.fields.ticket?.[0] ?? null;
      const labels = [...(request.query.label ?? []), ...(upload.fields.label ?? [])].flatMap(splitLabels).slice(0, 20);
      const fileName = cleanFileName(request.query.fileName ?? upload.fields.fileName?.[0] ?? upload.fileName) ?? `${received.sha256.slice(0, 12)}.${received.format === 'zip' ? 'zip' : 'tar.gz'}`;
      const storedKey = await context.files.adoptBundle(received.path, received.sha256, received.format);
      const recorded = await context.store.recordUpload({
        sha256: received.sha256,
        size: received.size,
        format: received.format,
        storedKey,
        fileName,
        ticket: ticket ? ticket.trim() || null : null,
        labels,
        tokenId: request.principal?.tokenId ?? null,
        receivedAt: new Date().toISOString(),
        newAnalysisId: randomUUID(),
      });
      if (!recorded.duplicate) {
        await context.queue.enqueueAnalysis(recorded.analysisId);
        context.events.publish({ analysisId: recorded.analysisId });
      }
      const analysis = await context.store.getAnalysis(recorded.analysisId);
      context.log({
        level: 'info',
        event: 'upload.accepted',
        message: `upload ${fileName} (${received.size} bytes) → analysis ${recorded.analysisId}${recorded.duplicate ? ' (already known)' : ''}`,
        fields: { analysisId: recorded.analysisId, duplicate: recorded.duplicate, size: received.size },
      });
      return reply.code(202).send({
        analysisId: recorded.analysisId,
        duplicate: recorded.duplicate,
        status: analysis?.status ?? 'queued',
        bundle: { sha256: received.sha256, size: received.size, format: received.format },
        links: analysisLinks(recorded.analysisId),
      });
    },
  );
}

interface UploadSource {
  body: Readable;
  fileName: string | undefined;
  fields: Partial<Record<'ticket' | 'label' | 'fileName', string[]>>;
}

async function uploadSource(request: FastifyRequest, maxBytes: number): Promise<UploadSource> {
  if (!request.isMultipart()) {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!BUNDLE_CONTENT_TYPES.includes(type)) {
      throw new UploadRefusedError('not-a-bundle', `send the bundle as the body with Content-Type ${BUNDLE_CONTENT_TYPES.slice(0, 3).join(', ')}, or as the "bundle" file of a multipart form (got ${type || 'no Content-Type'})`);
    }
    if (!request.body) throw new UploadRefusedError('no-file', `no bundle in the request: send it as the body (Content-Type ${BUNDLE_CONTENT_TYPES.slice(0, 3).join(', ')}) or as the "bundle" file of a form`);
    return { body: request.body as Readable, fileName: undefined, fields: {} };
  }
  // One more byte than the limit, so that receiveUpload (not busboy's silent truncation) refuses it.
  const part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 40, fieldSize: 1024 } });
  if (!part || part.fieldname !== 'bundle') {
    part?.file.resume();
    throw new UploadRefusedError('no-file', 'no "bundle" file in the form');
  }
  const fields: UploadSource['fields'] = {};
  for (const name of ['ticket', 'label', 'fileName'] as const) {
    const field = part.fields[name];
    const values = (Array.isArray(field) ? field : field ? [field] : []).flatMap((value) => ('value' in value && typeof value.value === 'string' ? [value.value] : []));
    if (values.length > 0) fields[name] = values;
  }
  return { body: part.file, fileName: part.filename, fields };
}

/** `a, b` → [a, b]; labels are short words, not paths. */
function splitLabels(value: string): string[] {
  return value
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label.length > 0 && label.length <= 100 && !/[\u0000-\u001f]/.test(label));
}

/**
 * A file name as it may be shown: the last path segment, no control characters, at most 255
 * characters. It is only ever displayed; the stored file is named by its SHA-256.
 */
export function cleanFileName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean && clean !== '.' && clean !== '..' ? clean : undefined;
}
