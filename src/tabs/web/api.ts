import { app, authentication } from '@microsoft/teams-js';

let inTeams: Promise<boolean> | undefined;

/** Inside Teams the page gets an SSO token; as a plain web page it runs without one. */
export function teamsHost(): Promise<boolean> {
  inTeams ??= Promise.race([
    app.initialize().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1500)),
  ]);
  return inTeams;
}

export async function headers(): Promise<Record<string, string>> {
  if (!(await teamsHost())) return {};
  try {
    return { authorization: `Bearer ${await authentication.getAuthToken()}` };
  } catch {
    return {};
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`/api/tab/${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(await headers()), ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(res.status, body.error ?? `Fehler ${res.status}`);
  }
  return (res.headers.get('content-type') ?? '').includes('json')
    ? ((await res.json()) as T)
    : ((await res.text()) as T);
}
