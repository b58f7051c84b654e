import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken, startService, type RunningService, type ServiceOptions, type TokenRole } from '../../src/index.js';
import { threadUrl } from './built-server.js';
import { LogRecorder } from './log-recorder.js';
import { waitFor } from './wait-for.js';

export interface TestService {
  service: RunningService;
  url: string;
  dataDir: string;
  logs: LogRecorder;
  /** Secrets of one token per role. */
  tokens: Record<TokenRole, string>;
  /** fetch against the service, as `role` (default admin), or without a token (`null`). */
  request(path: string, init?: RequestInit & { as?: TokenRole | null }): Promise<Response>;
  upload(bytes: Uint8Array, query?: string, as?: TokenRole | null): Promise<{ status: number; body: UploadAnswer }>;
  /** Waits until the analysis is done or error, and returns it. */
  finished(analysisId: string, timeoutMs?: number): Promise<AnalysisJson>;
  close(): Promise<void>;
}

export interface UploadAnswer {
  analysisId: string;
  duplicate: boolean;
  status: string;
  error?: { code: string; message: string };
}

export type AnalysisJson = {
  id: string;
  status: string;
  attempts: number;
  summary: { headline: string | null; fail: number } | null;
  error: { code: string; message: string } | null;
  cluster: { id: string | null; source: string | null; evidence: string } | null;
  [key: string]: unknown;
};

/** An embedded service on a free port, in a folder of its own, with a token of each role. */
export async function startTestService(options: Partial<ServiceOptions> & { dataDir?: string } = {}): Promise<TestService> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bt-service-'));
  const logs = new LogRecorder();
  const service = await startService({ backend: { kind: 'embedded', dataDir }, port: 0, threadUrl, analysisThreads: 2, log: logs.log, ...options });
  const tokens = {} as Record<TokenRole, string>;
  for (const role of ['reader', 'uploader', 'admin'] as const) tokens[role] = (await issueToken(service.store, `test-${role}`, role)).secret;
  return wrapService(service, dataDir, logs, tokens, !options.dataDir);
}

export function wrapService(service: RunningService, dataDir: string, logs: LogRecorder, tokens: Record<TokenRole, string>, ownsFolder: boolean): TestService {
  const request = (path: string, init: RequestInit & { as?: TokenRole | null } = {}) => {
    const { as = 'admin', ...rest } = init;
    const headers = new Headers(rest.headers);
    if (as) headers.set('authorization', `Bearer ${tokens[as]}`);
    return fetch(`${service.url}${path}`, { ...rest, headers });
  };
  return {
    service,
    url: service.url,
    dataDir,
    logs,
    tokens,
    request,
    async upload(bytes, query = '', as = 'uploader') {
      const response = await request(`/api/uploads${query}`, { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' }, as });
      return { status: response.status, body: (await response.json()) as UploadAnswer };
    },
    finished: (analysisId, timeoutMs = 120_000) =>
      waitFor(
        `analysis ${analysisId} to finish`,
        async () => {
          const analysis = (await (await request(`/api/analyses/${analysisId}`)).json()) as AnalysisJson;
          return analysis.status === 'done' || analysis.status === 'error' ? analysis : undefined;
        },
        timeoutMs,
      ),
    async close() {
      await service.close();
      if (ownsFolder) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
