// Types of clean-eval.mjs, for its tests.
export interface ArticleScore {
  story: number;
  junk: number | null;
  lost: string[];
  kept: string[];
  altered: string[];
}
export function norm(line: string): string;
export function bodyLines(file: string, text: string): string[];
export function score(a: { input: string[] | null; expected: string[]; ambiguous: string[]; output: string[] }): ArticleScore;
export function evaluate(setDir: string): (ArticleScore & { name: string; file: string; lostRules: (string | null)[] })[];
export function summary(articles: ArticleScore[]): { articles: number; clean: number; story: number; lost: number; junk: number; kept: number; altered: number };
