import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config';

/**
 * The deployment files (m365agents*.yml, env/, infra/azure.bicep, aad.manifest.json, Dockerfile, ignore files) checked
 * against the app:
 * no Bicep CLI and no Azure here, so these read the files and compare them with src/config.ts and the manifest.
 */

const ROOT = resolve(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const placeholders = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));

/** Settings the app reads but Azure leaves unset, each with the reason. */
const OPTIONAL_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets PORT itself',
  HOST: 'defaults to 0.0.0.0 once BOT_ID is set',
  KNOWLEDGE_DIR: "the default 'knowledge' is deployed",
  EVAL_DEV_SET: 'dev only (npm run eval)',
  DATA_DIR: 'unused with STORAGE=azure',
  COORDINATOR_TOPICS: 'optional topic limits; unset means none',
  SEND_PER_CONVERSATION_PER_SECOND: "defaults are Microsoft's published Teams limits",
  SEND_PER_TENANT_PER_SECOND: "defaults are Microsoft's published Teams limits",
  FORWARDED_QUESTION_DAYS: 'default 90 days',
  RATE_LIMIT_PER_MINUTE: 'default 30 per user and minute',
  BOT_OPENID_METADATA_URL: 'offline tests and sovereign clouds only',
  BOT_TOKEN_ISSUER: 'offline tests and sovereign clouds only',
  TAB_KEYS_URL: 'offline tests and sovereign clouds only',
  KNOWLEDGE_POLL_SECONDS: 'default 10 s',
  KNOWLEDGE_PREVIEW_SET: 'the default tests/eval/project.jsonl is deployed',
};

/** App settings for App Service or an SDK, not for src/config.ts. */
const PLATFORM_SETTINGS: Record<string, string> = {
  WEBSITE_NODE_DEFAULT_VERSION: 'App Service',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service: no build on the server, the deploy step builds',
  WEBSITE_RUN_FROM_PACKAGE: 'App Service: run from the deployed zip',
  AZURE_CLIENT_ID: 'managed identity SDKs (@azure/identity)',
};

/** The keys of EnvSchema in src/config.ts (it is not exported, so read from the source). */
function configSchema(): Map<string, string> {
  const src = read('src/config.ts');
  const start = src.indexOf('const EnvSchema = z.object({');
  const end = src.indexOf('\n});', start);
  expect(start, 'EnvSchema in src/config.ts').toBeGreaterThan(-1);
  const lines = src.slice(start, end).split('\n').slice(1);
  const fields = new Map<string, string>();
  let key = '';
  for (const line of lines) {
    const m = /^ {2}([A-Z][A-Z0-9_]*):(.*)$/.exec(line);
    if (m) fields.set((key = m[1]!), m[2]!);
    else if (key && !/^ {2}\/\*\*/.test(line)) fields.set(key, (fields.get(key) ?? '') + line);
  }
  return fields;
}

function configDefault(key: string): string | undefined {
  return /\.default\('([^']*)'\)/.exec(configSchema().get(key) ?? '')?.[1];
}

const bicep = () => read('infra/azure.bicep');

/** `NAME: value` lines of the app settings objects (from `var appSettings` to the Web App's config resource). */
function bicepAppSettings(): Map<string, string> {
  const text = bicep();
  const start = text.indexOf('var appSettings = {');
  const end = text.indexOf("resource webAppSettings 'Microsoft.Web/sites/config@", start);
  expect(start, 'var appSettings in infra/azure.bicep').toBeGreaterThan(-1);
  expect(end, 'the appsettings config resource after it').toBeGreaterThan(start);
  expect(text.slice(end)).toMatch(/^ {2}properties: union\(appSettings, passwordSetting\)$/m);
  const block = text.slice(start, end);
  return new Map([...block.matchAll(/^\s+([A-Z][A-Z0-9_]*): (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** A Bicep expression as the app would see it: literals and param/var defaults resolved, the rest a stand-in. */
function bicepValue(name: string, expr: string): string {
  const text = bicep();
  const literal = /^'([^'$]*)'$/.exec(expr);
  if (literal) return literal[1]!;
  const ident = /^[a-zA-Z]\w*$/.test(expr)
    ? new RegExp(`^(?:param ${expr} \\w+|var ${expr}) = '([^']*)'$`, 'm').exec(text)
    : null;
  if (ident) return ident[1]!;
  if (/_IDS?$/.test(name)) return '11111111-2222-3333-4444-555555555555';
  if (name === 'BOT_DOMAIN') return 'bot.azurewebsites.net';
  return 'x';
}

function envFile(path: string): Map<string, string> {
  const entries = read(path)
    .split('\n')
    .map((l) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  return new Map(entries.map((m) => [m[1]!, m[2]!.trim()]));
}

type Action = { uses: string; with?: Record<string, unknown>; writeToEnvironmentFile?: Record<string, string> };
type Project = { version: string; provision?: Action[]; deploy?: Action[]; publish?: Action[] };
const project = (file: string) => parse(read(file)) as Project;
const actions = (p: Project) => [...(p.provision ?? []), ...(p.deploy ?? []), ...(p.publish ?? [])];

/** The access_as_user scope id aadApp/update generates (and writes) when the Entra manifest uses it and it is unset. */
const PERMISSION_ID = 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID';

/**
 * Variables an action writes: writeToEnvironmentFile, `::set-teamsfx-env`, arm/deploy's Bicep outputs, and
 * aadApp/update's scope id.
 */
function writes(a: Action): string[] {
  const out = Object.values(a.writeToEnvironmentFile ?? {});
  for (const m of String(a.with?.run ?? '').matchAll(/::set-teamsfx-env (\w+)=/g)) out.push(m[1]!);
  if (a.uses === 'arm/deploy') for (const m of bicep().matchAll(/^output (\w+) /gm)) out.push(m[1]!);
  if (a.uses === 'aadApp/update' && placeholders(read(String(a.with?.manifestPath))).has(PERMISSION_ID))
    out.push(PERMISSION_ID);
  return out;
}

/** Variables a project file's actions write. */
const written = (p: Project) => new Set(actions(p).flatMap(writes));

/** Variables the provision actions before the first `uses` action write (they run in order). */
function writtenBefore(p: Project, uses: string): Set<string> {
  const list = p.provision ?? [];
  const at = list.findIndex((a) => a.uses === uses);
  expect(at, `${uses} in provision`).toBeGreaterThan(-1);
  return new Set(list.slice(0, at).flatMap(writes));
}

const provisionStep = (p: Project, uses: string) => (p.provision ?? []).find((a) => a.uses === uses);

const nonEmpty = (env: Map<string, string>) => new Set([...env].filter(([, v]) => v !== '').map(([k]) => k));
/** Set by the toolkit itself: asked for, generated, or allowed to be empty. */
const TOOLKIT_BUILT_INS = ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX', 'APP_NAME_SUFFIX'];

describe('App settings in infra/azure.bicep', () => {
  it('set every setting the app reads, or the test names why Azure can leave it out', () => {
    const keys = [...configSchema().keys()];
    const settings = bicepAppSettings();
    expect(keys.length).toBeGreaterThan(20);
    const missing = keys.filter((k) => !settings.has(k) && !(k in OPTIONAL_IN_AZURE));
    expect(missing, 'add them to the Bicep app settings or to OPTIONAL_IN_AZURE with a reason').toEqual([]);
    const stale = Object.keys(OPTIONAL_IN_AZURE).filter((k) => !keys.includes(k) || settings.has(k));
    expect(stale, 'OPTIONAL_IN_AZURE entries that are no setting or are set after all').toEqual([]);
  });

  it('set nothing the app does not read (no typos)', () => {
    const keys = new Set(configSchema().keys());
    const unknown = [...bicepAppSettings().keys()].filter((k) => !keys.has(k) && !(k in PLATFORM_SETTINGS));
    expect(unknown).toEqual([]);
  });

  it('make a configuration the app accepts: production, Azure storage, managed identity without a secret', () => {
    const settings = bicepAppSettings();
    const msi = Object.fromEntries(
      [...settings].filter(([k]) => k !== 'BOT_PASSWORD').map(([k, v]) => [k, bicepValue(k, v)]),
    );
    expect(bicep()).toMatch(/^param botType string = 'UserAssignedMSI'$/m);
    const config = loadConfig(msi);
    expect(config).toMatchObject({ NODE_ENV: 'production', STORAGE: 'azure', BOT_TYPE: 'UserAssignedMSI' });
    expect(config.localMode).toBe(false);
    expect(settings.get('AZURE_STORAGE_CONNECTION_STRING')).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{/);
    expect(settings.get('BOT_PASSWORD'), 'the secret only as a Key Vault reference').toMatch(
      /^'@Microsoft\.KeyVault\(SecretUri=\$\{/,
    );
  });
});

describe("TAB_APP_ID (the tabs' sign-in app registration)", () => {
  it('is an app setting from the tabAppId parameter, which provision fills before arm/deploy', () => {
    expect(bicepAppSettings().get('TAB_APP_ID')).toBe('tabAppId');
    expect(bicep()).toMatch(/^param tabAppId string( = '')?$/m);
    const params = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: string }> };
    expect(params.parameters.tabAppId?.value).toBe('${{TAB_APP_ID}}');
    expect(writtenBefore(project('m365agents.yml'), 'arm/deploy').has('TAB_APP_ID')).toBe(true);
  });

  it('reaches the local bot through .localConfigs', () => {
    const local = project('m365agents.local.yml');
    const configs = local.deploy?.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')?.with as
      | { target: string; envs: Record<string, unknown> }
      | undefined;
    expect(configs?.target).toBe('./.localConfigs');
    expect(configs?.envs.TAB_APP_ID).toBe('${{TAB_APP_ID}}');
    expect(written(local).has('TAB_APP_ID')).toBe(true);
  });
});

describe('Manifest placeholders', () => {
  const manifest = placeholders(read('manifest/manifest.template.json'));

  it('are all produced for dev by env/.env.dev, an action in m365agents.yml or a Bicep output', () => {
    expect([...manifest].sort()).toEqual(expect.arrayContaining(['APP_ID', 'BOT_DOMAIN', 'BOT_ID', 'TAB_APP_ID']));
    const dev = project('m365agents.yml');
    const produced = new Set([...nonEmpty(envFile('env/.env.dev')), ...writtenBefore(dev, 'teamsApp/zipAppPackage')]);
    expect([...manifest].filter((n) => !produced.has(n))).toEqual([]);
  });

  it('are all produced for local debugging, the tunnel host aside (declared in env/.env.local)', () => {
    const local = envFile('env/.env.local');
    const produced = new Set([
      ...nonEmpty(local),
      ...writtenBefore(project('m365agents.local.yml'), 'teamsApp/zipAppPackage'),
    ]);
    const tunnel = ['BOT_DOMAIN', 'BOT_ENDPOINT'];
    for (const name of tunnel) expect(local.has(name), `${name} in env/.env.local`).toBe(true);
    expect([...manifest].filter((n) => !produced.has(n) && !tunnel.includes(n))).toEqual([]);
  });

  it('and those of the project files and the ARM parameters resolve too (empty ones stop provision)', () => {
    const dev = project('m365agents.yml');
    const devProduced = new Set([...nonEmpty(envFile('env/.env.dev')), ...written(dev), ...TOOLKIT_BUILT_INS]);
    const used = new Set([
      ...placeholders(read('m365agents.yml')),
      ...placeholders(read('infra/azure.parameters.json')),
    ]);
    expect([...used].filter((n) => !devProduced.has(n))).toEqual([]);
    const params = placeholders(read('infra/azure.parameters.json'));
    const beforeArm = new Set([...nonEmpty(envFile('env/.env.dev')), ...writtenBefore(dev, 'arm/deploy')]);
    expect([...params].filter((n) => !beforeArm.has(n) && !TOOLKIT_BUILT_INS.includes(n))).toEqual([]);
    const local = project('m365agents.local.yml');
    const localProduced = new Set([...envFile('env/.env.local').keys(), ...written(local)]);
    expect([...placeholders(read('m365agents.local.yml'))].filter((n) => !localProduced.has(n))).toEqual([]);
  });
});

describe('Tab sign-in: aad.manifest.json and its actions', () => {
  type Scope = { id: string; value: string; type: string; isEnabled: boolean } & Record<string, unknown>;
  type EntraManifest = {
    id: string;
    appId: string;
    displayName: string;
    signInAudience: string;
    identifierUris: string[];
    api: {
      requestedAccessTokenVersion: number;
      oauth2PermissionScopes: Scope[];
      preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
    };
  } & Record<string, unknown>;
  const entra = () => JSON.parse(read('aad.manifest.json')) as EntraManifest;
  const teams = JSON.parse(read('manifest/manifest.template.json')) as {
    webApplicationInfo: { id: string; resource: string };
  };
  /** Teams desktop/mobile and Teams web: the clients that call getAuthToken. */
  const TEAMS_CLIENTS = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];
  const PROJECTS = ['m365agents.yml', 'm365agents.local.yml'];

  it("exposes access_as_user on api://${{BOT_DOMAIN}}/${{TAB_APP_ID}}, the Teams manifest's webApplicationInfo", () => {
    const m = entra();
    expect(m.identifierUris).toEqual(['api://${{BOT_DOMAIN}}/${{TAB_APP_ID}}']);
    expect(teams.webApplicationInfo).toEqual({ id: m.appId, resource: m.identifierUris[0] });
    expect(m.appId).toBe('${{TAB_APP_ID}}');
    // The toolkit's (Microsoft Graph) manifest format; the legacy name of this field is accessTokenAcceptedVersion.
    expect(m.api.requestedAccessTokenVersion).toBe(2);
    expect(m.signInAudience).toBe('AzureADMyOrg');
    const scopes = m.api.oauth2PermissionScopes;
    expect(scopes.map((s) => [s.value, s.type, s.isEnabled, s.id])).toEqual([
      ['access_as_user', 'User', true, `\${{${PERMISSION_ID}}}`],
    ]);
    for (const key of ['adminConsentDisplayName', 'adminConsentDescription', 'userConsentDisplayName'])
      expect(String(scopes[0]![key] ?? ''), key).not.toBe('');
  });

  it('pre-authorises Teams desktop/mobile and Teams web for that scope', () => {
    const m = entra();
    const scope = m.api.oauth2PermissionScopes.find((s) => s.value === 'access_as_user')!.id;
    for (const client of TEAMS_CLIENTS)
      expect(m.api.preAuthorizedApplications.find((a) => a.appId === client)?.delegatedPermissionIds, client).toEqual([
        scope,
      ]);
  });

  it('needs no secret and no redirect: getAuthToken only', () => {
    const m = entra();
    for (const key of ['passwordCredentials', 'keyCredentials']) expect(m, key).not.toHaveProperty(key);
    const redirects = ['web', 'spa', 'publicClient'].flatMap(
      (k) => (m[k] as { redirectUris?: string[] } | undefined)?.redirectUris ?? [],
    );
    expect(redirects).toEqual([]);
    for (const file of PROJECTS) {
      const create = provisionStep(project(file), 'aadApp/create');
      expect(create?.with, file).toMatchObject({ generateClientSecret: false, signInAudience: 'AzureADMyOrg' });
      expect(create?.writeToEnvironmentFile, file).not.toHaveProperty('clientSecret');
    }
  });

  it('is applied by aadApp/update to the app aadApp/create made, once every placeholder in it is written', () => {
    const m = entra();
    for (const file of PROJECTS) {
      const p = project(file);
      const create = provisionStep(p, 'aadApp/create')!;
      expect(create.writeToEnvironmentFile, file).toMatchObject({ clientId: 'TAB_APP_ID' });
      expect(`\${{${create.writeToEnvironmentFile!.objectId}}}`, file).toBe(m.id);
      // aadApp/update renames the app to the manifest's displayName.
      expect(create.with?.name, file).toBe(m.displayName);
      expect(provisionStep(p, 'aadApp/update')?.with, file).toEqual({
        manifestPath: './aad.manifest.json',
        outputFilePath: './build/aad.manifest.${{TEAMSFX_ENV}}.json',
      });
      const env = envFile(file === 'm365agents.yml' ? 'env/.env.dev' : 'env/.env.local');
      // Empty values stop aadApp/update, except APP_NAME_SUFFIX; the scope id is generated when unset.
      const known = new Set([...nonEmpty(env), ...writtenBefore(p, 'aadApp/update'), 'APP_NAME_SUFFIX', PERMISSION_ID]);
      // Locally the tunnel host is set by hand (or by VS Code) before provision.
      if (file !== 'm365agents.yml') known.add('BOT_DOMAIN');
      expect(
        [...placeholders(read('aad.manifest.json'))].filter((n) => !known.has(n)),
        file,
      ).toEqual([]);
      expect(env.has(PERMISSION_ID), `${PERMISSION_ID} declared in the env file`).toBe(true);
    }
    // In Azure, BOT_DOMAIN is a Bicep output: the identifier URI can only be set after arm/deploy.
    expect(writtenBefore(project('m365agents.yml'), 'aadApp/update').has('BOT_DOMAIN')).toBe(true);
  });
});

describe('Storage names', () => {
  it("are the app's defaults for the blob container and the queue", () => {
    const text = bicep();
    const container = /^var storageContainerName = '([^']+)'$/m.exec(text)?.[1];
    const queue = /^var storageQueueName = '([^']+)'$/m.exec(text)?.[1];
    expect(container).toBe(configDefault('AZURE_STORAGE_CONTAINER'));
    expect(queue).toBe(configDefault('AZURE_STORAGE_QUEUE'));
    expect(container).toBe('schulabsentismus');
    expect(text).toMatch(/containers@[\w-]+' = \{\n\s+parent: blobService\n\s+name: storageContainerName\n/);
    expect(text).toMatch(/queues@[\w-]+' = \{\n\s+parent: queueService\n\s+name: storageQueueName\n/);
    const settings = bicepAppSettings();
    expect(settings.get('AZURE_STORAGE_CONTAINER')).toBe('storageContainerName');
    expect(settings.get('AZURE_STORAGE_QUEUE')).toBe('storageQueueName');
  });
});

describe('Container image', () => {
  const ignored = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('.dockerignore keeps tests, data, .env files and SQLite files out of the build context', () => {
    for (const pattern of ['tests', 'data', '.env', '.env.*', 'node_modules', '.localConfigs'])
      expect(ignored, pattern).toContain(pattern);
    expect(ignored.some((p) => p.includes('*.sqlite'))).toBe(true);
    // The one file taken back from tests/: the knowledge preview's questions.
    expect(ignored.filter((p) => p.startsWith('!'))).toEqual([`!${configDefault('KNOWLEDGE_PREVIEW_SET')}`]);
  });

  it("the Dockerfile's runtime stage runs as non-root, checks /healthz and carries what the app reads", () => {
    const stages = read('Dockerfile').split(/^FROM /m);
    const runtime = stages[stages.length - 1]!;
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const user = /^USER (\S+)$/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(runtime).toMatch(/^CMD \["node", "--max-old-space-size=224", "dist\/index\.js"\]$/m);
    expect(runtime).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    expect(runtime).toContain(`COPY ${configDefault('KNOWLEDGE_DIR')} ./${configDefault('KNOWLEDGE_DIR')}`);
    expect(runtime).toContain(`./${configDefault('KNOWLEDGE_PREVIEW_SET')}`);
  });
});

describe('Agents Toolkit project', () => {
  it('m365agents.yml provisions, deploys and publishes, with a managed identity and no bot secret', () => {
    const text = read('m365agents.yml');
    const p = project('m365agents.yml');
    const schema =
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/(v1\.\d+)\/yaml\.schema\.json$/m;
    expect(p.version).toBe(schema.exec(text)?.[1]);
    for (const stage of ['provision', 'deploy', 'publish'] as const) expect(p[stage]?.length, stage).toBeGreaterThan(0);
    const uses = (list?: Action[]) => (list ?? []).map((a) => a.uses);
    expect(uses(p.provision)).toEqual(
      expect.arrayContaining(['teamsApp/create', 'arm/deploy', 'teamsApp/zipAppPackage', 'teamsApp/update']),
    );
    expect(actions(p).map((a) => a.uses)).not.toContain('botAadApp/create');
    expect(uses(p.publish)).toContain('teamsApp/publishAppPackage');
    const deploy = p.deploy!;
    expect(deploy.map((a) => `${a.uses} ${String(a.with?.args ?? '')}`.trim())).toEqual([
      'cli/runNpmCommand ci',
      'cli/runNpmCommand run build',
      'azureAppService/zipDeploy',
    ]);
    expect(deploy[2]!.with).toMatchObject({
      artifactFolder: '.',
      ignoreFile: '.webappignore',
      resourceId: '${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
    const arm = p.provision!.find((a) => a.uses === 'arm/deploy')!.with as { templates: { path: string }[] };
    for (const t of arm.templates) expect(existsSync(join(ROOT, t.path)), t.path).toBe(true);
  });

  it('.webappignore uploads dist, node_modules and knowledge, and anchors folders so node_modules stays whole', () => {
    const lines = read('.webappignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const needed of ['dist', 'node_modules', 'knowledge', 'package.json'])
      expect(
        lines.filter((l) => l.replace(/^\//, '').replace(/\/$/, '') === needed),
        needed,
      ).toEqual([]);
    for (const pattern of ['/src', '/data', '/env', '/tests/*', `!/${configDefault('KNOWLEDGE_PREVIEW_SET')}`])
      expect(lines, pattern).toContain(pattern);
    // An unanchored folder name (e.g. "build") would also drop node_modules/better-sqlite3/build.
    expect(lines.filter((l) => !l.startsWith('/') && !l.startsWith('!') && !l.startsWith('*'))).toEqual([]);
  });

  it('commits no secret: env files hold no PASSWORD/SECRET value, and the .user files are gitignored', () => {
    const committed = readdirSync(join(ROOT, 'env')).filter((f) => f.startsWith('.env.') && !f.endsWith('.user'));
    expect(committed).toEqual(expect.arrayContaining(['.env.dev', '.env.local']));
    for (const file of committed) {
      const leaks = read(`env/${file}`)
        .split('\n')
        .filter((l) => /^\s*[A-Z0-9_]*(PASSWORD|SECRET)[A-Z0-9_]*\s*=\s*\S/i.test(l));
      expect(leaks, file).toEqual([]);
    }
    const gitignore = read('.gitignore').split('\n');
    expect(gitignore).toEqual(expect.arrayContaining(['env/.env.*.user', '.localConfigs']));
  });
});
