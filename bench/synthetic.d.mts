// Types of synthetic.mjs, for the tests that use its articles.
export function prng(seed: number): () => number;
/** The `i`-th synthetic text article (~3 KB); `spread`: articles over ~3 years (default 100,000). */
export function textArticle(i: number, options?: { spread?: number }): string;
/** The `i`-th synthetic HTML page. */
export function htmlArticle(i: number, options?: { spread?: number }): string;
