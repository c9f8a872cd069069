import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { drawColorIcon, drawOutlineIcon } from '../../../scripts/make-icons';
import {
  PLACEHOLDER_GUID,
  buildPackage,
  checkIcons,
  fillManifest,
  resolveValues,
  validateManifest,
  type ManifestValues,
} from '../../../scripts/package-app';

const MANIFEST_DIR = resolve(__dirname, '../../../manifest');
const TEMPLATE = readFileSync(join(MANIFEST_DIR, 'manifest.template.json'), 'utf8');
const VALUES: ManifestValues = {
  BOT_ID: '11111111-2222-3333-4444-555555555555',
  APP_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  TAB_APP_ID: '77777777-8888-9999-aaaa-bbbbbbbbbbbb',
  BOT_DOMAIN: 'bot.example.org',
  APP_VERSION: '1.2.3',
};
const REQUIRED_COMMANDS = ['Hilfe', 'Was tun?', 'Kontakt', 'Liste aller Stellen', 'Abonnieren', 'Meine Abos'];

interface Command {
  title: string;
  description?: string;
}
/** The parts of the filled manifest these tests look at. */
interface Filled {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  localizationInfo?: { defaultLanguageTag: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Command[] }> }>;
  composeExtensions: Array<{
    botId: string;
    commands: Array<{ id: string; type: string; initialRun: boolean; parameters: Array<{ name: string }> }>;
  }>;
  validDomains: string[];
}
const filled = () => fillManifest(TEMPLATE, VALUES) as unknown as Filled;

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  temp.push(dir);
  return dir;
}

describe('When filling the manifest template', () => {
  it('validates offline against the bundled schema with zero errors', async () => {
    expect(await validateManifest(fillManifest(TEMPLATE, VALUES))).toEqual([]);
  });

  it('uses schema 1.19 or newer, bundled with @microsoft/app-manifest', () => {
    const m = filled();
    const [major, minor] = m.manifestVersion.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(m.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    const pkg = dirname(require.resolve('@microsoft/app-manifest/package.json'));
    expect(
      existsSync(join(pkg, 'build/json-schemas/teams', `v${m.manifestVersion}`, 'MicrosoftTeams.schema.json')),
    ).toBe(true);
  });

  it('fills ids, version, language and valid domains', () => {
    const m = filled();
    expect(m.id).toBe(VALUES.APP_ID);
    expect(m.version).toBe(VALUES.APP_VERSION);
    expect(m.localizationInfo?.defaultLanguageTag).toBe('de-de');
    expect(m.validDomains).toEqual([VALUES.BOT_DOMAIN]);
    expect(JSON.stringify(m)).not.toContain('${{');
  });

  it('offers the bot in personal, team and group chat with German commands in every scope', () => {
    const [bot, ...more] = filled().bots;
    expect(more).toHaveLength(0);
    expect(bot?.botId).toBe(VALUES.BOT_ID);
    expect(bot?.scopes).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
    for (const scope of ['personal', 'team', 'groupChat']) {
      const list = bot?.commandLists.find((l) => l.scopes.includes(scope));
      expect(
        list?.commands.map((c) => c.title),
        scope,
      ).toEqual(expect.arrayContaining(REQUIRED_COMMANDS));
      expect(list?.commands.length).toBeLessThanOrEqual(10);
      for (const c of list?.commands ?? []) {
        expect(c.title.length, c.title).toBeLessThanOrEqual(32);
        expect(c.description?.length ?? 0, c.title).toBeLessThanOrEqual(128);
      }
    }
  });

  it('has exactly one search message extension with the command searchKnowledge', () => {
    const extensions = filled().composeExtensions;
    expect(extensions).toHaveLength(1);
    const [ext] = extensions;
    expect(ext?.botId).toBe(VALUES.BOT_ID);
    expect(ext?.commands.map((c) => c.id)).toEqual(['searchKnowledge']);
    expect(ext?.commands[0]).toMatchObject({ type: 'query', initialRun: true, parameters: [{ name: 'query' }] });
  });

  it('names every placeholder that has no value', () => {
    const partial = { BOT_ID: VALUES.BOT_ID, APP_VERSION: VALUES.APP_VERSION, BOT_DOMAIN: '' };
    expect(() => fillManifest(TEMPLATE, partial)).toThrow(/placeholders without a value[\s\S]*APP_ID[\s\S]*BOT_DOMAIN/);
    expect(() => fillManifest(TEMPLATE, partial)).toThrow(expect.objectContaining({ code: 'TEMPLATE_INVALID' }));
  });

  it('keeps values inside JSON strings, whatever they contain', () => {
    const m = fillManifest(TEMPLATE, { ...VALUES, BOT_DOMAIN: 'evil", "x": "y' }) as unknown as Filled;
    expect(m.validDomains).toEqual(['evil", "x": "y']);
  });

  it('reports schema errors, e.g. a bot id that is not a GUID', async () => {
    const errors = await validateManifest(fillManifest(TEMPLATE, { ...VALUES, BOT_ID: 'not-a-guid' }));
    expect(errors.some((e) => e.startsWith('/bots/0/botId'))).toBe(true);
  });
});

describe('When resolving placeholder values from the environment', () => {
  const options = { allowPlaceholder: false, packageVersion: '0.1.0' };

  it('requires BOT_ID and a domain for a real package, listing both', () => {
    const result = resolveValues({}, options);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringContaining('BOT_ID is not set'),
      expect.stringContaining('BOT_DOMAIN is not set'),
    ]);
  });

  it('uses the zero GUID and localhost with --allow-placeholder', () => {
    expect(resolveValues({}, { ...options, allowPlaceholder: true })).toEqual({
      ok: true,
      values: {
        BOT_ID: PLACEHOLDER_GUID,
        APP_ID: PLACEHOLDER_GUID,
        TAB_APP_ID: PLACEHOLDER_GUID,
        BOT_DOMAIN: 'localhost',
        APP_VERSION: '0.1.0',
      },
    });
  });

  it('signs the tabs in against TAB_APP_ID when the bot is a managed identity (its own registration)', () => {
    const m = fillManifest(TEMPLATE, VALUES) as unknown as { webApplicationInfo: { id: string; resource: string } };
    expect(m.webApplicationInfo).toEqual({
      id: VALUES.TAB_APP_ID,
      resource: `api://${VALUES.BOT_DOMAIN}/${VALUES.TAB_APP_ID}`,
    });
    const own = resolveValues(
      { BOT_ID: VALUES.BOT_ID, TAB_APP_ID: VALUES.TAB_APP_ID, BOT_DOMAIN: 'b.example.org' },
      options,
    );
    expect(own.ok && own.values.TAB_APP_ID).toBe(VALUES.TAB_APP_ID);
    const bad = resolveValues({ BOT_ID: VALUES.BOT_ID, TAB_APP_ID: 'x', BOT_DOMAIN: 'b.example.org' }, options);
    expect(bad.ok ? [] : bad.problems).toEqual([expect.stringContaining('TAB_APP_ID "x" is not a GUID')]);
  });

  it('defaults APP_ID to BOT_ID and derives the domain from BOT_ENDPOINT', () => {
    const result = resolveValues(
      { BOT_ID: VALUES.BOT_ID, BOT_ENDPOINT: 'https://mybot.example.org/api/messages' },
      options,
    );
    expect(result).toEqual({
      ok: true,
      values: {
        BOT_ID: VALUES.BOT_ID,
        APP_ID: VALUES.BOT_ID,
        TAB_APP_ID: VALUES.BOT_ID,
        BOT_DOMAIN: 'mybot.example.org',
        APP_VERSION: '0.1.0',
      },
    });
  });

  it('rejects malformed values', () => {
    const result = resolveValues(
      { BOT_ID: 'abc', APP_ID: 'def', BOT_DOMAIN: 'https://bot.example.org/', APP_VERSION: '1.0' },
      options,
    );
    expect(result.ok ? [] : result.problems.map((p) => p.split(' ')[0])).toEqual([
      'BOT_ID',
      'APP_ID',
      'BOT_DOMAIN',
      'APP_VERSION',
    ]);
  });
});

describe('When checking the committed icons', () => {
  const color = readFileSync(join(MANIFEST_DIR, 'color.png'));
  const outline = readFileSync(join(MANIFEST_DIR, 'outline.png'));

  it('has an opaque 192×192 colour icon', () => {
    const png = PNG.sync.read(color);
    expect([png.width, png.height]).toEqual([192, 192]);
    const alphas = new Set(png.data.filter((_, i) => i % 4 === 3));
    expect([...alphas]).toEqual([255]);
  });

  it('has a 32×32 outline icon of white and fully transparent pixels only', () => {
    const png = PNG.sync.read(outline);
    expect([png.width, png.height]).toEqual([32, 32]);
    const kinds = new Set<string>();
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = png.data.subarray(i, i + 4);
      kinds.add(a === 0 ? 'transparent' : r === 255 && g === 255 && b === 255 && a === 255 ? 'white' : 'other');
    }
    expect([...kinds].sort()).toEqual(['transparent', 'white']);
  });

  it('matches what npm run icons draws', () => {
    expect(PNG.sync.read(color).data.equals(drawColorIcon().data)).toBe(true);
    expect(PNG.sync.read(outline).data.equals(drawOutlineIcon().data)).toBe(true);
  });

  it('passes the package check, which rejects a coloured outline and wrong sizes', () => {
    expect(checkIcons(color, outline)).toEqual([]);
    const tinted = drawOutlineIcon();
    tinted.data[tinted.data.findIndex((_, i) => i % 4 === 3 && tinted.data[i] === 255) - 1] = 0;
    expect(checkIcons(color, PNG.sync.write(tinted))).toEqual([expect.stringMatching(/outline.png: 1 pixels/)]);
    expect(checkIcons(outline, color)).toEqual([
      'color.png: 32×32, must be 192×192',
      'outline.png: 192×192, must be 32×32',
      expect.stringContaining('neither white nor transparent'),
      expect.stringContaining('transparent background'),
    ]);
  });
});

describe('When building the app package', () => {
  it('writes a zip with exactly manifest.json, color.png and outline.png and no placeholders left', async () => {
    const outFile = join(tempDir(), 'appPackage.zip');
    await buildPackage({ values: VALUES, outFile });
    const zip = await JSZip.loadAsync(readFileSync(outFile));
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(names.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    for (const name of names) {
      const bytes = await zip.file(name)!.async('nodebuffer');
      expect(bytes.toString('latin1'), name).not.toContain('${{');
    }
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Filled;
    expect(manifest.bots[0]?.botId).toBe(VALUES.BOT_ID);
    expect(manifest.validDomains).toEqual([VALUES.BOT_DOMAIN]);
    expect(await validateManifest(manifest as never)).toEqual([]);
  });

  it('refuses a template with a placeholder it cannot fill, writing nothing', async () => {
    const dir = tempDir();
    const templatePath = join(dir, 'manifest.template.json');
    writeFileSync(templatePath, TEMPLATE.replace('"Schulabsentismus-Bot Dortmund"', '"${{APP_NAME}}"'));
    const outFile = join(dir, 'appPackage.zip');
    await expect(buildPackage({ values: VALUES, templatePath, outFile })).rejects.toThrow(
      /\$\{\{APP_NAME\}\} has no value/,
    );
    expect(existsSync(outFile)).toBe(false);
  });

  it('refuses icons that break the Teams rules', async () => {
    const dir = tempDir();
    cpSync(MANIFEST_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'outline.png'), readFileSync(join(MANIFEST_DIR, 'color.png')));
    await expect(buildPackage({ values: VALUES, iconDir: dir, outFile: join(dir, 'a.zip') })).rejects.toMatchObject({
      code: 'ICON_INVALID',
    });
  });
});
