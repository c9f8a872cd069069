import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** Builds build/appPackage.zip (manifest.json, color.png, outline.png) from manifest/manifest.template.json. */

const ROOT = resolve(__dirname, '..');
export const TEMPLATE_PATH = join(ROOT, 'manifest', 'manifest.template.json');
export const ICON_DIR = join(ROOT, 'manifest');
export const OUT_FILE = join(ROOT, 'build', 'appPackage.zip');

export const PLACEHOLDERS = ['BOT_ID', 'APP_ID', 'TAB_APP_ID', 'BOT_DOMAIN', 'APP_VERSION'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];
export type ManifestValues = Record<PlaceholderName, string>;

export const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';
export const ICONS = { color: { file: 'color.png', size: 192 }, outline: { file: 'outline.png', size: 32 } } as const;

type PackageErrorCode = 'PACKAGE_ENV_INVALID' | 'TEMPLATE_INVALID' | 'MANIFEST_INVALID' | 'ICON_INVALID';

/** Every packaging failure: a code, a sentence, and all offending items at once. */
export class PackageError extends Error {
  constructor(
    readonly code: PackageErrorCode,
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(details.length > 0 ? `${message}\n${details.map((d) => `  - ${d}`).join('\n')}` : message);
    this.name = 'PackageError';
  }
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const HOST =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Parses the template and replaces every ${{NAME}} in its strings; throws naming each missing value. */
export function fillManifest(template: string, values: Readonly<Record<string, string | undefined>>): AppManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch (err) {
    throw new PackageError('TEMPLATE_INVALID', `The manifest template is not valid JSON: ${(err as Error).message}`);
  }
  const missing = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        const value = values[name];
        if (value === undefined || value === '') missing.add(name);
        return value || whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return node;
  };
  const filled = fill(parsed);
  if (missing.size > 0) {
    throw new PackageError(
      'TEMPLATE_INVALID',
      'The manifest template uses placeholders without a value:',
      [...missing].sort().map((name) => `\${{${name}}} has no value`),
    );
  }
  if (JSON.stringify(filled).includes('${{')) {
    throw new PackageError('TEMPLATE_INVALID', 'The manifest template has a malformed "${{" placeholder.');
  }
  return filled as AppManifest;
}

/** Schema errors of the manifest, checked offline against the schema bundled with @microsoft/app-manifest. */
export async function validateManifest(manifest: AppManifest): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest);
}

/** Problems with the two icons: size, and for the outline only white or fully transparent pixels. */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const read = (name: string, buf: Buffer): PNG | undefined => {
    try {
      return PNG.sync.read(buf);
    } catch (err) {
      problems.push(`${name}: not a readable PNG (${(err as Error).message})`);
      return undefined;
    }
  };
  for (const [icon, png] of [
    [ICONS.color, read(ICONS.color.file, color)],
    [ICONS.outline, read(ICONS.outline.file, outline)],
  ] as const) {
    if (png && (png.width !== icon.size || png.height !== icon.size)) {
      problems.push(`${icon.file}: ${png.width}×${png.height}, must be ${icon.size}×${icon.size}`);
    }
  }
  const png = read(ICONS.outline.file, outline);
  if (png) {
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
    }
    const pixels = png.width * png.height;
    if (transparent + white !== pixels) {
      problems.push(`${ICONS.outline.file}: ${pixels - transparent - white} pixels are neither white nor transparent`);
    }
    if (transparent === 0 || white === 0) {
      problems.push(`${ICONS.outline.file}: needs a white glyph on a transparent background`);
    }
  }
  return problems;
}

export type ResolvedValues = { ok: true; values: ManifestValues } | { ok: false; problems: string[] };

/** Reads the placeholder values from env; with allowPlaceholder, missing ids and domain get dummies. */
export function resolveValues(
  env: Readonly<Record<string, string | undefined>>,
  options: { allowPlaceholder: boolean; packageVersion: string },
): ResolvedValues {
  const problems: string[] = [];
  const get = (name: string) => env[name]?.trim() || undefined;
  const hint = 'or pass --allow-placeholder to build a package for validation only';

  let botId = get('BOT_ID');
  if (!botId) {
    if (options.allowPlaceholder) botId = PLACEHOLDER_GUID;
    else problems.push(`BOT_ID is not set: the Microsoft App ID of the Azure Bot (a GUID). Set it, ${hint}.`);
  } else if (!GUID.test(botId)) problems.push(`BOT_ID "${botId}" is not a GUID.`);

  const appId = get('APP_ID') ?? botId ?? '';
  if (get('APP_ID') && !GUID.test(appId)) problems.push(`APP_ID "${appId}" is not a GUID.`);
  // The tabs' sign-in app (its own registration when the bot is a managed identity), else the bot's.
  const tabAppId = get('TAB_APP_ID') ?? botId ?? '';
  if (get('TAB_APP_ID') && !GUID.test(tabAppId)) problems.push(`TAB_APP_ID "${tabAppId}" is not a GUID.`);

  let domain = get('BOT_DOMAIN');
  const endpoint = get('BOT_ENDPOINT');
  if (domain) {
    if (!HOST.test(domain)) problems.push(`BOT_DOMAIN "${domain}" must be a bare host name such as bot.example.org.`);
  } else if (endpoint) {
    try {
      domain = new URL(endpoint).hostname;
    } catch {
      problems.push(`BOT_ENDPOINT "${endpoint}" is not a URL such as https://bot.example.org/api/messages.`);
    }
  } else if (options.allowPlaceholder) domain = 'localhost';
  else
    problems.push(`BOT_DOMAIN is not set: the public host name of the bot endpoint. Set it or BOT_ENDPOINT, ${hint}.`);

  const version = get('APP_VERSION') ?? options.packageVersion;
  if (!SEMVER.test(version)) problems.push(`APP_VERSION "${version}" must be a version like 1.2.3.`);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: { BOT_ID: botId!, APP_ID: appId, TAB_APP_ID: tabAppId, BOT_DOMAIN: domain!, APP_VERSION: version },
  };
}

export interface BuildOptions {
  values: ManifestValues;
  templatePath?: string;
  iconDir?: string;
  outFile?: string;
}

/** Fills, validates and zips the app package; throws a PackageError listing every problem. */
export async function buildPackage(options: BuildOptions): Promise<{ outFile: string; manifest: AppManifest }> {
  const { values, templatePath = TEMPLATE_PATH, iconDir = ICON_DIR, outFile = OUT_FILE } = options;
  const manifest = fillManifest(readFileSync(templatePath, 'utf8'), values);

  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    throw new PackageError('MANIFEST_INVALID', `The filled manifest fails schema ${manifest.$schema}:`, errors);
  }
  const icons = (manifest as { icons?: { color?: string; outline?: string } }).icons;
  if (icons?.color !== ICONS.color.file || icons?.outline !== ICONS.outline.file) {
    throw new PackageError(
      'MANIFEST_INVALID',
      `The manifest must name the icons ${ICONS.color.file} and ${ICONS.outline.file}.`,
    );
  }
  const missing = [ICONS.color.file, ICONS.outline.file].filter((f) => !existsSync(join(iconDir, f)));
  if (missing.length > 0) {
    throw new PackageError('ICON_INVALID', `Icons missing in ${iconDir} (run npm run icons):`, missing);
  }
  const color = readFileSync(join(iconDir, ICONS.color.file));
  const outline = readFileSync(join(iconDir, ICONS.outline.file));
  const iconProblems = checkIcons(color, outline);
  if (iconProblems.length > 0)
    throw new PackageError('ICON_INVALID', 'The icons do not meet Teams rules:', iconProblems);

  // A fixed date keeps the zip byte-for-byte reproducible.
  const date = new Date(Date.UTC(2024, 0, 1));
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  zip.file(ICONS.color.file, color, { date });
  zip.file(ICONS.outline.file, outline, { date });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, content);
  return { outFile, manifest };
}

async function main(argv: readonly string[]): Promise<number> {
  const allowPlaceholder = argv.includes('--allow-placeholder');
  const packageVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const resolved = resolveValues(process.env, { allowPlaceholder, packageVersion });
  if (!resolved.ok) {
    throw new PackageError('PACKAGE_ENV_INVALID', 'Cannot fill the manifest template:', resolved.problems);
  }
  const { outFile, manifest } = await buildPackage({ values: resolved.values });
  process.stdout.write(`✓ ${relative(process.cwd(), outFile)} (manifest ${manifest.manifestVersion})\n`);
  for (const name of PLACEHOLDERS) process.stdout.write(`  ${name.padEnd(11)} = ${resolved.values[name]}\n`);
  if (resolved.values.BOT_ID === PLACEHOLDER_GUID) {
    process.stderr.write('! Placeholder bot id: this package is for validation only, not for upload to Teams.\n');
  }
  return 0;
}

if (resolve(process.argv[1] ?? '') === __filename) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      const text = err instanceof PackageError ? `[${err.code}] ${err.message}` : String((err as Error)?.stack ?? err);
      process.stderr.write(`✗ ${text}\n`);
      process.exitCode = 1;
    },
  );
}
