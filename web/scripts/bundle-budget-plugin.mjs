// Holds the first page to a size budget at build time: the script and stylesheet a visitor's browser
// must fetch before the sign-in page shows (the entry chunk, what it imports, the sign-in page's
// chunk and its imports) and before a signed-in page's frame shows (the entry, the household layout
// and the households list). Sizes are brotli-compressed, as MapStaticAssets serves them; the build
// fails when a budget is exceeded and prints the sizes either way (docs/web.md, "Bundle budget").
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * KiB, compressed with brotli: issue 23's budgets. The signed-in shell is what any signed-in page
 * needs before its own chunk: the entry, the query layout route, the header's signed-in links, the
 * household layout and the households list (docs/web.md, "Bundle budget").
 */
export const budgets = {
  'sign-in page': { kib: 100, roots: ['index.html', 'src/auth/SignInPage.tsx'] },
  'signed-in shell': {
    kib: 150,
    roots: ['index.html', 'src/query/QueryRoot.tsx', 'src/components/SignedInNav.tsx', 'src/household/HouseholdLayout.tsx', 'src/pages/HouseholdsPage.tsx'],
  },
};

/** @returns {import('vite').Plugin} */
export function bundleBudget() {
  return {
    name: 'glidepath-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      /** @param {string} root */
      const chunkOf = (root) => {
        const ends = (/** @type {string | null} */ id) => Boolean(id?.replace(/\\/g, '/').endsWith(root));
        // A page also imported statically by another page is in a shared chunk with no facade of its own.
        const found = chunks.find((c) => ends(c.facadeModuleId)) ?? chunks.find((c) => c.moduleIds.some(ends));
        if (!found) throw new Error(`bundle budget: no chunk holds ${root}`);
        return found;
      };
      /** @param {string} file */
      const size = (file) => {
        const item = bundle[file];
        const bytes = Buffer.from(item?.type === 'chunk' ? item.code : item?.type === 'asset' ? item.source : '');
        return { raw: bytes.length, br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, gz: gzipSync(bytes, { level: 9 }).length };
      };
      const over = [];
      for (const [name, { kib, roots }] of Object.entries(budgets)) {
        // A chunk's static imports load with it (modulepreload); dynamic imports do not.
        const files = new Set();
        const visit = (/** @type {string} */ file) => {
          if (files.has(file)) return;
          files.add(file);
          const c = bundle[file];
          if (c?.type !== 'chunk') return;
          for (const css of c.viteMetadata?.importedCss ?? []) files.add(css);
          for (const i of c.imports) visit(i);
        };
        for (const root of roots) visit(chunkOf(root).fileName);
        const total = [...files].map(size).reduce((a, s) => ({ raw: a.raw + s.raw, br: a.br + s.br, gz: a.gz + s.gz }), { raw: 0, br: 0, gz: 0 });
        const line = `${name}: ${(total.br / 1024).toFixed(1)} KiB brotli (${(total.gz / 1024).toFixed(1)} KiB gzip, ${(total.raw / 1024).toFixed(1)} KiB raw) in ${files.size} files; budget ${kib} KiB brotli`;
        console.log(`bundle budget: ${line}`);
        for (const f of files) console.log(`  ${f} ${(size(f).br / 1024).toFixed(1)} KiB`);
        if (total.br > kib * 1024) over.push(`${line}\n  ${[...files].join('\n  ')}`);
      }
      if (over.length > 0 && !process.env.GLIDEPATH_BUNDLE_BUDGET_WARN) this.error(`bundle budget exceeded:\n${over.join('\n')}`);
    },
  };
}
