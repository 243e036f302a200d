import type { RulePack } from '../../domain/types.js';
import { CLOSE, COLON, HEADLINE, LEAD, NAME_SEGMENT, NAMES, anyCase } from './shapes.js';

const RELATED = String.raw`(?:read\s+(?:also|more|next|this|too)|also\s+read|see\s+also|related(?:\s+(?:news|stories|story|articles?|coverage|content|reading|links?|posts?|topics?))?|recommended(?:\s+(?:reading|stories|for\s+you))?|more\s+(?:on\s+this\s+(?:story|topic)|stories|news|reading|like\s+this)|further\s+reading|don[’']?t\s+miss|must\s+read|you\s+may\s+also\s+like|editor[’']?s\s+(?:picks?|choice)|top\s+stories|most\s+(?:popular|read|viewed|shared)|trending(?:\s+now|\s+stories)?)`;
const EN_LABEL = String.raw`(?:${anyCase('author')}|${anyCase('writer')}|${anyCase('reporter')}|${anyCase('editor')}|${anyCase('written')}\s+by|${anyCase('edited')}\s+by|${anyCase('reported')}\s+by|${anyCase('compiled')}\s+by|${anyCase('photographer')}|${anyCase('photos?')}\s+by|${anyCase('translator')}|${anyCase('translated')}\s+by)`;
const ROLE = String.raw`(?:[Aa]dditional\s+)?(?:[Rr]eporting|REPORTING|[Ww]riting|WRITING|[Ee]diting|EDITING|[Cc]ompiled|[Rr]esearch|[Gg]raphics|[Pp]roduction)`;

/**
 * Furniture of English-language news sites and wires. Same principle as the Indonesian pack:
 * a marker's shape (colon, whole line, known phrase, position), never a first word alone.
 */
export const enGeneric: RulePack = {
  id: 'en-generic',
  description: 'English portals and wires: related links, promos, video, social, credits, page furniture',
  sites: [],
  rules: [
    {
      id: 'en.related.read-also',
      reason: 'A "Read also:" / "Read more:" / "Related news:" line links to another article',
      kind: 'line',
      maxLength: 300,
      pattern: String.raw`${LEAD}${RELATED}${CLOSE}${COLON}\s*\S`,
      examples: {
        drop: ['Read also: Indonesia to ban nickel ore exports', 'READ MORE: Fed holds rates steady', 'Related news: Jakarta floods displace thousands', '» Also read: Rupiah weakens'],
        keep: ['Read more books, the minister told students.', 'Related news outlets reported the same figure.'],
      },
    },
    {
      id: 'en.related.heading',
      reason: 'A "Related" / "Read more" heading and the headlines listed under it',
      kind: 'block',
      maxLength: 80,
      maxNext: 6,
      pattern: String.raw`${LEAD}${RELATED}${CLOSE}(?:[:：]\s*)?$`,
      next: HEADLINE,
      examples: {
        drop: ['Related Articles\nFed holds rates steady\nOil prices climb', 'READ MORE', 'Most Popular', 'Trending'],
        keep: ['Read more about the plan in the report, officials said.'],
      },
    },
    {
      id: 'en.video.watch',
      reason: '"Watch: ..." / "Watch the video" embed caption',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`${LEAD}(?:(?:watch|listen)(?:\s+(?:now|live|more|below|again|the\s+(?:full\s+)?(?:video|interview|clip)))?${CLOSE}${COLON}.*|(?:watch|play)\s+(?:the\s+)?(?:full\s+)?(?:video|clip)(?:\s+(?:below|here|above))?\W*|click\s+(?:here\s+)?to\s+watch\b.*)$`,
      examples: {
        drop: ['Watch: Jokowi inaugurates new capital palace', 'WATCH:', 'Watch the video below', 'Click here to watch the full interview'],
        keep: ['Watch companies raised prices again this year.', 'Watching the clip, she said, was painful.'],
      },
    },
    {
      id: 'en.social.follow',
      reason: 'Invitation to follow the site on social media or join its channel or newsletter',
      kind: 'line',
      maxLength: 260,
      pattern: String.raw`${LEAD}(?:follow\s+\S+(?:[’']s)?\s+coverage\s+(?:of|at)\b.*$|(?:(?:follow|like|join|subscribe\s+to|sign\s+up\s+(?:for|to))\s+(?:us|our|the)|get\s+our)\b.{0,160}(?:\b(?:twitter|facebook|instagram|tiktok|youtube|threads|linkedin|whatsapp|telegram|newsletters?|channel|google\s+news|x)\b(?:\s*@\w+)?(?:\s+(?:here|now|today))?(?:\s+(?:for|to)\b.{0,80})?|@\w+)\W*$)`,
      examples: {
        drop: ['Follow AP\'s coverage of Indonesia at https://apnews.com/hub/indonesia', 'Follow us on Twitter @jakpost', 'Join our WhatsApp channel for the latest news', 'Sign up for our daily newsletter here.'],
        keep: ['Follow the money, investigators said.', 'Get the facts first, the newsletter editor said.', 'Follow the story on Twitter, she told reporters.'],
      },
    },
    {
      id: 'en.footer.subscribe',
      reason: 'Subscription or paywall upsell',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`${LEAD}(?:subscribe\s+(?:now|today|here)\b.*|subscribe\s+to\s+(?:continue|read|unlock)\b.*|already\s+a\s+(?:subscriber|member)\s*\?.*|this\s+(?:article|story|content)\s+is\s+(?:for|available\s+to|exclusive\s+to)\s+(?:subscribers|members|premium)\b.*|support\s+(?:our|independent)\s+journalism\b.*|become\s+a\s+(?:member|subscriber)\b.*|get\s+unlimited\s+access\b.*|you\s+have\s+reached\s+your\s+(?:limit|free\s+article)\b.*|sign\s+up\s+here\W*|sign\s+in\s+to\s+(?:continue|read)\b.*|click\s+here\s+to\s+(?:subscribe|sign\s+up|register|download)\b.*|.{0,120}\bdelivered\s+(?:straight\s+|directly\s+)?to\s+your\s+inbox\b.*)$`,
      examples: {
        drop: ['Subscribe now for unlimited access', 'Click here to subscribe', 'Get the latest news delivered to your inbox', 'Already a subscriber? Sign in', 'This article is for subscribers only.', 'Sign up here.'],
        keep: ['Subscribers to the plan rose 5 percent.', 'Support for the bill is growing, the poll found.'],
      },
    },
    {
      id: 'en.footer.app',
      reason: 'Invitation to download the site\'s app',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`${LEAD}(?:download|get|install)\s+(?:the|our)\s+(?:free\s+)?(?:[\w.&]+\s+){0,3}app\b(?!\s+(?:that|which|was|is|has|had))`,
      examples: {
        drop: ['Download the Jakarta Post app', 'Get our app for breaking news alerts'],
        keep: ['Download the app that the ministry released was slow, users said.', 'Downloads of the app doubled.'],
      },
    },
    {
      id: 'en.footer.wire-notice',
      reason: 'Wire-service notice ("This material may not be published ...", "Our Standards: ...")',
      kind: 'line',
      pattern: String.raw`${LEAD}(?:this\s+material\s+may\s+not\s+be\s+published|our\s+standards\s*:\s*the\s+thomson\s+reuters\s+trust\s+principles|opens\s+new\s+tab$|the\s+associated\s+press\s+receives\s+support\b|ap\s+(?:news\s+)?(?:is|was)\s+solely\s+responsible\b)`,
      examples: {
        drop: ['This material may not be published, broadcast, rewritten or redistributed.', 'Our Standards: The Thomson Reuters Trust Principles.', 'opens new tab'],
        keep: ['This material may be hazardous, firefighters said.'],
      },
    },
    {
      id: 'en.credit.reporting-by',
      reason: 'Wire credits ("Reporting by ...; Editing by ...")',
      kind: 'line',
      flags: 'u',
      maxLength: 400,
      pattern: String.raw`^\(?\s*${ROLE}\s+by\s+${NAMES}(?:\s+in\s+${NAMES})?(?:\s*[;,.]\s*(?:and\s+)?${ROLE}\s+by\s+${NAMES}(?:\s+in\s+${NAMES})?)*\s*[.)]*\s*$`,
      examples: {
        drop: [
          'Reporting by Stanley Widianto; Editing by Kanupriya Kapoor',
          'Reporting by Stanley Widianto. Editing by Kanupriya Kapoor.',
          '(Reporting by Ananda Teresia in Jakarta; Additional reporting by Gayatri Suroyo; Writing by Kate Lamb; Editing by Ed Davies)',
        ],
        keep: ['Reporting by the Guardian found that the scheme failed.', 'Editing by hand took the team weeks.'],
      },
    },
    {
      id: 'en.credit.contributed',
      reason: 'Wire note that other writers contributed to the report',
      kind: 'line',
      maxLength: 250,
      pattern: String.raw`^(?:(?:the\s+)?(?:associated\s+press|ap|reuters|afp|bloomberg)\s+)?(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?|staff)\b.{1,200}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|reporting)\W*$`,
      examples: {
        drop: ['Associated Press writer Edna Tarigan contributed to this report.', 'AP writers Niniek Karmini and Edna Tarigan in Jakarta contributed to this report.'],
        keep: ['Writers who contributed to this report say they were threatened, the union said.'],
      },
    },
    {
      id: 'en.credit.byline-label',
      reason: 'Labelled credit ("Author: ...", "Written by ...", "Edited by ...")',
      kind: 'line',
      flags: 'u',
      maxLength: 200,
      pattern: String.raw`${LEAD}${EN_LABEL}\s*[:：]?\s+${NAMES}\s*\.?(?:\s*[|,;]\s*${EN_LABEL}\s*[:：]?\s+${NAMES}\s*\.?)*$`,
      examples: {
        drop: ['Written by Kate Lamb', 'Author: Stanley Widianto', 'Edited by Ed Davies | Photographer: Willy Kurniawan', 'Translator: Nama Satu, Nama Dua'],
        keep: ['Written by hand, the letter was delivered on Monday.', 'Author: what a question.'],
      },
    },
    {
      id: 'en.credit.byline-top',
      reason: '"By <Name>" byline at the top of the article',
      kind: 'line',
      flags: 'u',
      firstLines: 6,
      maxLength: 160,
      pattern: String.raw`^(?:By|BY)\s+${NAMES}(?:\s*[,|\-–]\s*(?:Reuters|AP|AFP|Bloomberg|The\s+[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)*|Associated\s+Press))?\s*$`,
      examples: {
        drop: ['By Stanley Widianto', 'By Kate Lamb and Ananda Teresia, Reuters'],
        keep: ['By Tuesday the water had receded.', 'By the end of the year, prices rose.'],
      },
    },
    {
      id: 'en.credit.byline-role',
      reason: 'A writer\'s name near the top with their role on the next line ("Jane Doe" / "Environment correspondent")',
      kind: 'pair',
      aboveStory: true,
      flags: 'u',
      firstLines: 6,
      maxLength: 60,
      pattern: String.raw`^${NAME_SEGMENT}$`,
      next: String.raw`^(?:[\p{Lu}][\p{L}'’.&\-]*\s+){0,4}(?:\p{Ll}+\s+){0,2}(?:correspondent|editor|reporter|writer|analyst|columnist|journalist|producer)$`,
      examples: {
        drop: ['Jane Doe\nEnvironment correspondent', 'Nama Reporter\nBBC Wales health correspondent'],
        keep: ['Jane Doe\nThe correspondent said the report was wrong.'],
      },
    },
    {
      id: 'en.page.photo-caption',
      reason: 'A wire photo caption from a gallery ("[1/2] ...", "... Purchase Licensing Rights")',
      kind: 'line',
      maxLength: 600,
      pattern: String.raw`^\[\d{1,2}\s*\/\s*\d{1,2}\]|\bpurchase\s+licensing\s+rights\b|\bcredit\.{3}\s*\S`,
      examples: {
        drop: ['[1/3]Workers walk past a refinery in Cilegon, Indonesia, March 2, 2025. REUTERS/Name Surname Purchase Licensing Rights, opens new tab', 'The theater closed in 2019.Credit...Name Surname for The New York Times'],
        keep: ['Licensing rights were sold for $2 million, the company said.'],
      },
    },
    {
      id: 'en.footer.newsletter',
      reason: 'Newsletter sign-up furniture ("Sign up to ...", "Enter your email address", "... newsletter. Sign up here.")',
      kind: 'line',
      maxLength: 700,
      // The promo that ends in "Sign up here" is found by its words, not by a scan from the
      // start of every line (~1 µs a story line, 12 ms of 1,000 articles).
      pattern: String.raw`^(?:sign\s+up(?:\s+(?:to|for)\s+[^.!?]{1,60}|\s+here|\s+now)?|(?:free\s+)?(?:daily|weekly|monthly)\s+newsletter|free\s+newsletter|enter\s+your\s+email(?:\s+address)?|(?:skip\s+past|after)\s+newsletter\s+promotion|privacy\s+notice:\s+newsletters\s+may\s+contain\b.*)\W*$|\bnewsletters?\b.{0,120}\bsign\s+up\s+here\W*$`,
      examples: {
        drop: ['Sign up to Morning Briefing', 'Free daily newsletter', 'Enter your email address', 'after newsletter promotion', 'Start your day with our Markets newsletter. Sign up here.'],
        keep: ['Sign up figures rose 10 percent, the ministry said.', 'The newsletter had 2,000 readers by March.'],
      },
    },
    {
      id: 'en.related.ap-hub',
      reason: 'AP\'s link to its topic page ("AP tennis: https://apnews.com/hub/tennis")',
      kind: 'line',
      maxLength: 200,
      pattern: String.raw`^(?:more\s+)?AP\b[^:]{0,80}:\s*https?:\/\/(?:www\.)?apnews\.com\/\S*$`,
      examples: {
        drop: ['AP tennis: https://apnews.com/hub/tennis', 'More AP coverage of climate: https://apnews.com/hub/climate'],
        keep: ['AP reported the figure on Monday.'],
      },
    },
    {
      id: 'en.related.read-split',
      reason: 'A lone "Read:" marker with the linked headline on the next line',
      kind: 'pair',
      maxLength: 40,
      pattern: String.raw`${LEAD}read${CLOSE}${COLON}\s*$`,
      next: HEADLINE,
      examples: {
        drop: ['Read:\nTrain disruption in 2024 caused by faulty axle box, says regulator'],
        keep: ['Read: the word on every sign in the station.'],
      },
    },
    {
      id: 'en.footer.premium',
      reason: 'Subscription furniture of paywalled sites ("Gift Premium Articles to Anyone", "Your Premium period will expire ...")',
      kind: 'line',
      maxLength: 400,
      pattern: String.raw`^(?:gift\s+(?:premium\s+)?articles?(?:\s+to\s+anyone)?|your\s+premium\s+(?:period|subscription|access)\s+will\s+expire\b.*|read\s+a\s+summary\s+of\s+this\s+article\s+on\s+\S+|stay\s+updated\s+with\s+notifications\b.{0,100})\W*$|\bas\s+a\s+subscriber,?\s+you\s+can\s+gift\b|^(?:get|receive|have)\b.{0,120}\bin(?:to)?\s+your\s+inbox\W*$`,
      examples: {
        drop: ['Gift Premium Articles to Anyone', 'Your Premium period will expire in 0 day(s)', 'Share the best of the paper with friends. As a subscriber, you can gift 3 articles each month.', 'Get our pick of top stories in your inbox', 'Stay updated with notifications for breaking news and our best stories'],
        keep: ['The ministry said the premium rose 4 percent this year.', 'Officials warned that fake notices may arrive in your inbox.'],
      },
    },
    {
      id: 'en.footer.site-notice',
      reason: 'Site notices under English stories (print edition, wire material, acknowledgement of country, privacy, time zones, "Read more at ...")',
      kind: 'line',
      maxLength: 500,
      pattern: String.raw`^(?:a\s+version\s+of\s+this\s+article\s+appears\s+in\s+print\b.*|this\s+service\s+may\s+include\s+material\s+from\b.*|we\s+acknowledge\s+aboriginal\s+and\s+torres\s+strait\s+islander\b.*|your\s+information\s+is\s+being\s+handled\s+in\s+accordance\s+with\b.*|[a-z]{3,5}\s*=\s*[a-z ]+standard\s+time\b.*|read\s+more\s+at\s+[\w.\-]+\.(?:com|org|net|sg|au|uk)\S*|get\s+our\s+.{0,40}\bnewsletter\b.*|click\s+here\s+to\s+.{0,60}\bon\s+google\s+news\W*|the\s+associated\s+press[’']?s?\s+.{0,80}\breceives\s+(?:financial\s+)?support\s+from\b.*|by\s+signing\s+up,?\s+you\s+agree\b.*|protected\s+by\s+recaptcha\b.*|[\p{L}' ]{3,40}\s+newsletter)$`,
      examples: {
        drop: [
          'A version of this article appears in print on March 16, 2025, Section AR, Page 8 of the New York edition.',
          'This service may include material from Agence France-Presse (AFP), APTN, Reuters, AAP, CNN and the BBC World Service which is copyright and cannot be reproduced.',
          'Read more at example.com.',
          'Get our local newsletter, delivering free news from your area.',
          'Click here to get the latest news updates from Portal on Google News',
          'The Associated Press’ education coverage receives financial support from multiple private foundations.',
          'By signing up, you agree to our Privacy Policy',
          'protected by reCAPTCHA',
          'Americas Coverage Newsletter',
        ],
        keep: ['A version of the bill passed the Senate on Monday.', 'The newsletter reached 2,000 readers.'],
      },
    },
    {
      id: 'en.credit.reporting-from',
      reason: 'The place a story was reported from, alone near the top ("Reporting from Marietta, Ohio")',
      kind: 'line',
      aboveStory: true,
      flags: 'u',
      firstLines: 8,
      maxLength: 80,
      pattern: String.raw`^Reporting\s+from\s+\p{Lu}[\p{L}'’.\-]+(?:,?\s+\p{Lu}[\p{L}'’.\-]+){0,4}$`,
      examples: {
        drop: ['Reporting from Marietta, Ohio'],
        keep: ['Reporting from the region has been difficult, the editor said.'],
      },
    },
    {
      id: 'en.credit.bio',
      reason: 'The writer\'s one-line biography under an English story ("Jane Doe is a national correspondent for ...")',
      kind: 'line',
      flags: 'u',
      lastLines: 6,
      maxLength: 300,
      pattern: String.raw`^\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,3}\s+(?:covers|reports\s+on|writes\s+about)\s+.{3,100}\s+for\s+(?:the\s+)?\p{Lu}.*$|^\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}\s+(?:is|was)\s+an?\s+(?:[\p{L}\-]+\s+){0,4}(?:correspondent|reporter|writer|editor|journalist|columnist|producer)\s+(?:(?:for|at|with)\s+(?:the\s+)?\p{Lu}|covering\s).*$`,
      examples: {
        drop: ['Jane Doe is a national correspondent for The Times, covering small towns.', 'Jane Doe is an education reporter covering schools in Maryland.', 'Doe covers education and state government for The Associated Press in Ohio.'],
        keep: ['Jane Doe was a teacher for 30 years before she retired.', 'Maria Lopez is a retired journalist who now runs the theater.', 'Maria Lopez is a freelance journalist for local papers.'],
      },
    },
    {
      id: 'en.page.furniture',
      reason: 'Share, gallery, print and reading-time buttons of English sites',
      kind: 'line',
      maxLength: 100,
      pattern: String.raw`${LEAD}(?:share(?:\s+(?:this|the)\s+(?:article|story|page))?(?:\s+on\s+\p{L}+)?|print(?:\s+this\s+(?:article|page))?|email(?:\s+this\s+(?:article|story))?|view\s+(?:gallery|image|photos?|slideshow)|enlarge\s+(?:this\s+)?image|toggle\s+caption|hide\s+caption|expand|listen\s+to\s+(?:this\s+)?(?:article|story)(?:\s+\d+\s+min(?:utes?)?)?|\d+\s+min(?:ute)?s?\s+read|reading\s+time\s*:?\s*\d+\s+min(?:ute)?s?|image\s+source\s*,\s*.{1,60}|copy\s+link|link\s+copied|continue\s+reading|save|saved|reuse\s+this\s+content|purchase\s+licensing\s+rights(?:,\s*opens\s+new\s+tab)?)\W*$`,
      examples: {
        drop: ['Share this article', 'View gallery', '3 min read', 'Listen to this article', 'Image source, Getty Images', 'Save', 'Reuse this content', 'Purchase Licensing Rights'],
        keep: ['Share prices fell 3 percent on Monday.', 'Print media revenue declined.', 'Save the date, organisers said.'],
      },
    },
  ],
};
