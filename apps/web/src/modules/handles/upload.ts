import { API, type HandleBatchResult } from '@suilian/contracts';
import { urlOf } from '../../api/endpoints';
import { ApiError } from '../../api/http';

/**
 * POST a CSV/XLSX batch as multipart with upload progress (fetch has none): `onProgress` gets the
 * share of bytes sent, 0…1; the answer is the per-item result.
 */
export function uploadBatch(
  file: File,
  query: { prefix: string; industryCode?: string },
  csrfToken: string | undefined,
  onProgress: (share: number) => void,
): Promise<HandleBatchResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const endpoint = API.uploadIdentifierBatch;
    xhr.open(endpoint.method, urlOf(endpoint, { query }));
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'network error', null, undefined));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: reported below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = endpoint.response.safeParse(body);
        if (!parsed.success) console.warn(`[contract] ${endpoint.name} response does not match the contract: ${parsed.error.message}`);
        resolve(body as HandleBatchResult);
        return;
      }
      const err = (body as { error?: { code?: unknown; message?: unknown; requestId?: unknown; details?: unknown } } | null)?.error;
      reject(
        new ApiError(
          xhr.status,
          typeof err?.code === 'string' ? err.code : 'UNKNOWN',
          String(err?.message ?? xhr.statusText),
          typeof err?.requestId === 'string' ? err.requestId : null,
          err?.details,
        ),
      );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
