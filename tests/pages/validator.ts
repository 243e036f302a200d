/** The HTML validator every page must pass (html-validate, a real HTML5 validator). */
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Article titles are the portal's own and can be long; the <title> is not shortened.
    'long-title': 'off',
  },
});

/** Every problem html-validate finds in `html`, as "line:col rule: message" (empty when valid). */
export async function htmlProblems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}
