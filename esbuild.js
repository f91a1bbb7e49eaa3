// Bundles the extension for Node (dist/) and, once it exists, the webview code for the browser (media/).
const esbuild = require('esbuild');
const { buildDictionary } = require('./scripts/buildDictionary');
const { buildWordFrequency } = require('./scripts/buildWordFrequency');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Problem-matcher lines, so VS Code's `$esbuild-watch` understands watch builds. */
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Large libraries loaded on first use go into files of their own, which the extension requires only
 * when it needs them: activation never parses opencc-js (1.2 MB of dictionaries), pinyin-pro,
 * to-jyutping (its Cantonese dictionary), jieba-wasm, whose 4 MB of WebAssembly it reads from
 * beside its bundle (copied there by `copyJiebaWasm`), or unpdf (pdf.js, 1.6 MB).
 */
const LAZY_MODULES = { 'opencc-js': 'opencc.js', 'pinyin-pro': 'pinyin.js', 'to-jyutping': 'jyutping.js', 'jieba-wasm': 'jieba.js', unpdf: 'pdf.js' };
const lazyModulesAsSeparateFiles = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({ filter: /^(opencc-js|pinyin-pro|to-jyutping|jieba-wasm|unpdf)$/ }, (args) => ({ path: `./${LAZY_MODULES[args.path]}`, external: true }));
  },
};

/** src/core is plain TypeScript, unit-tested without an editor: the build fails if it imports vscode. */
const coreStaysPlain = {
  name: 'core-stays-plain',
  setup(build) {
    const core = path.join(__dirname, 'src', 'core') + path.sep;
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.importer.startsWith(core)
        ? { errors: [{ text: `${path.relative(__dirname, args.importer)} imports vscode: src/core must stay free of it` }] }
        : undefined,
    );
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Keep Chinese as UTF-8: escaping it as \uXXXX would double the size of the dictionaries.
  charset: 'utf8',
  logLevel: 'silent',
  plugins: watch ? [watchReporter] : [],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // jsonc-parser's UMD build requires its parts dynamically; its ES module build bundles cleanly.
    mainFields: ['module', 'main'],
    plugins: [...common.plugins, coreStaysPlain, lazyModulesAsSeparateFiles],
  },
  ...Object.entries(LAZY_MODULES).map(([name, file]) => ({
    ...common,
    entryPoints: [require.resolve(name)],
    outfile: `dist/${file}`,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: false,
  })),
];

// Webview code (DOM tsconfig in src/webview/) is bundled for the browser into media/.
const webviewEntry = path.join(__dirname, 'src', 'webview', 'main.ts');
if (fs.existsSync(webviewEntry)) {
  builds.push({
    ...common,
    entryPoints: [webviewEntry],
    outfile: 'media/reader.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    tsconfig: 'src/webview/tsconfig.json',
  });
}

/** jieba-wasm's Node build reads `jieba_rs_wasm_bg.wasm` from beside itself: put it beside dist/jieba.js. */
function copyJiebaWasm() {
  const wasm = path.join(path.dirname(require.resolve('jieba-wasm')), 'jieba_rs_wasm_bg.wasm');
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  fs.copyFileSync(wasm, path.join(__dirname, 'dist', 'jieba_rs_wasm_bg.wasm'));
}

async function main() {
  // CC-CEDICT as a tab-separated file the extension loads on first use (a dictionary hover, readings, or overlapping glossary terms).
  buildDictionary();
  // jieba's word frequencies, for the learner's reading level (how common the new words are).
  buildWordFrequency();
  copyJiebaWasm();
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

main().catch((error) => {
  for (const { text, location } of error.errors ?? []) {
    console.error(`✘ [ERROR] ${text}${location ? ` (${location.file}:${location.line})` : ''}`);
  }
  if (!error.errors) console.error(error);
  process.exit(1);
});
