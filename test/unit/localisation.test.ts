import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (...segments: string[]) => JSON.parse(fs.readFileSync(path.join(ROOT, ...segments), 'utf8')) as Record<string, unknown>;

/** Every `%key%` the manifest uses. */
function manifestKeys(): string[] {
  const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  return [...new Set([...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!))].sort();
}

/** Every string literal passed to vscode.l10n.t in src/. */
function sourceStrings(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.ts')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs)) {
          found.add(m[2]!.replace(/\\(['"`\\])/g, '$1'));
        }
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return [...found].sort();
}

suite('localisation', () => {
  for (const locale of ['', '.zh-cn', '.zh-tw']) {
    test(`package.nls${locale}.json has every manifest key`, () => {
      const bundle = readJson(`package.nls${locale}.json`);
      assert.deepStrictEqual(manifestKeys().filter((k) => typeof bundle[k] !== 'string'), []);
    });
  }

  for (const locale of ['zh-cn', 'zh-tw']) {
    test(`l10n/bundle.l10n.${locale}.json translates every string in src/`, () => {
      const bundle = readJson('l10n', `bundle.l10n.${locale}.json`);
      const strings = sourceStrings();
      assert.ok(strings.length > 20, `found only ${strings.length} strings`);
      assert.deepStrictEqual(strings.filter((s) => typeof bundle[s] !== 'string'), []);
    });
  }
});
