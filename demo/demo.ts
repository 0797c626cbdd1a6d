/**
 * The demo page as a test bench: pick the feed and item `<news-article>` shows, the
 * language the elements follow (`lang` and `dir` on their wrapper), the look (default,
 * dark, newspaper) and how the dev server's comment endpoint behaves; watch every event
 * the elements fire. The conversation under the article is the `<comment-list>` itself. The choices live in the address's hash (`#feed=…&lang=ar`), so a
 * reload or a shared link shows the same; the hash, not the query, because the comment
 * form keys drafts by page URL without the hash, and switching a setting must not move
 * a draft.
 */
import type { NewsArticleElement } from '../src/article/news-article.js';
import { readArticles } from '../src/article/read-articles.js';
import { textFromHtml } from '../src/shared/plain-text.js';
import { articleStrings } from './article-strings.js';

interface DemoFeed {
  id: string;
  label: string;
  url: string;
}

const SEED: DemoFeed = { id: 'seed', label: 'The seed article (demo/article-feed.json)', url: './article-feed.json' };
const LANGUAGES = ['en-GB', 'uk', 'ru', 'de', 'fr', 'es', 'ar'];
const RIGHT_TO_LEFT = new Set(['ar']);
const THEMES = ['default', 'dark', 'newspaper'];
const MAX_LOG_ENTRIES = 100;
const ARTICLE_EVENTS = ['loadstart', 'load', 'error', 'loadend'];
const FORM_EVENTS = ['comment-form-submit', 'comment-form-success', 'comment-form-error', 'comment-form-draft-restore'];
const LIST_EVENTS = ['comment-list-reply'];
const LOGGED_ELEMENTS = ['news-article', 'comment-form', 'comment-list'];

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const stage = $<HTMLElement>('#stage');
const article = $<NewsArticleElement>('news-article');
const feedSelect = $<HTMLSelectElement>('#feed');
const feedProblem = $<HTMLElement>('#feed-problem');
const itemSelect = $<HTMLSelectElement>('#item');
const langSelect = $<HTMLSelectElement>('#lang');
const themeSelect = $<HTMLSelectElement>('#theme');
const modes = $<HTMLFieldSetElement>('#failure-modes');
const log = $<HTMLOListElement>('#event-list');
const logSummary = $<HTMLElement>('#event-summary');

/** The settings, as the hash holds them; anything missing or unknown is the default. */
interface Settings {
  feed: string;
  item: string;
  lang: string;
  theme: string;
  /** The endpoint's failure mode, only when the address names one (else the server's current mode stands). */
  endpoint?: string;
}

function readSettings(): Settings {
  const params = new URLSearchParams(location.hash.slice(1));
  const pick = (name: string, allowed: string[], fallback: string) => {
    const value = params.get(name);
    return value && allowed.includes(value) ? value : fallback;
  };
  return {
    feed: params.get('feed') || SEED.id,
    item: params.get('item') ?? '',
    lang: pick('lang', LANGUAGES, 'en-GB'),
    theme: pick('theme', THEMES, 'default'),
    endpoint: params.get('endpoint') ?? undefined,
  };
}

function writeSettings(settings: Settings): void {
  const params = new URLSearchParams();
  if (settings.feed !== SEED.id) params.set('feed', settings.feed);
  if (settings.item) params.set('item', settings.item);
  if (settings.lang !== 'en-GB') params.set('lang', settings.lang);
  if (settings.theme !== 'default') params.set('theme', settings.theme);
  if (settings.endpoint && settings.endpoint !== 'none') params.set('endpoint', settings.endpoint);
  const hash = params.toString();
  history.replaceState(history.state, '', hash ? `#${hash}` : location.pathname + location.search);
}

const settings = readSettings();
let feeds: DemoFeed[] = [SEED];

// ---- The look: a class on <html>, as a site's own theme switch does. ----

function applyTheme(): void {
  for (const theme of THEMES) document.documentElement.classList.toggle(`theme-${theme}`, theme === settings.theme);
  themeSelect.value = settings.theme;
}

// ---- The language: lang and dir on the wrapper both elements read. ----

function applyLanguage(): void {
  // Both elements follow the wrapper's lang as it changes: the form's words, the article's
  // dates and lists. What the reader is typing stays as it is.
  stage.lang = settings.lang;
  stage.dir = RIGHT_TO_LEFT.has(settings.lang) ? 'rtl' : 'ltr';
  langSelect.value = settings.lang;
  article.strings = articleStrings[settings.lang] ?? {};
}

// ---- The feed and item. ----

function feedUrl(id: string): string | undefined {
  if (id === SEED.id) return SEED.url;
  // A corpus feed's address follows from its id, so the article need not wait for the list.
  return /^(feeds|wordpress)\/[\w.-]+$/.test(id) ? `/demo-feeds/${id}.json` : undefined;
}

function applyArticleSource(): void {
  const url = feedUrl(settings.feed) ?? SEED.url;
  if (settings.item) article.item = settings.item;
  else article.removeAttribute('item');
  if (article.src !== url) article.src = url;
}

async function loadFeedList(): Promise<void> {
  let problem: string | undefined;
  try {
    const response = await fetch('/demo-feeds/index.json');
    if (!response.ok) throw new Error(`the dev server answered ${response.status}`);
    const index = (await response.json()) as { feeds: DemoFeed[]; problem?: string };
    feeds = [SEED, ...index.feeds];
    problem = index.problem;
  } catch (error) {
    problem = `The list of real feeds could not be loaded (${(error as Error).message}). Is this page served by npm start?`;
  }
  feedSelect.replaceChildren(...feeds.map((feed) => new Option(feed.label, feed.id)));
  feedProblem.hidden = !problem;
  feedProblem.textContent = problem ?? '';
  if (!feeds.some((feed) => feed.id === settings.feed)) {
    if (settings.feed !== SEED.id && !problem)
      feedProblem.textContent = `There is no feed "${settings.feed}"; showing the seed article.`;
    feedProblem.hidden = settings.feed === SEED.id;
    settings.feed = SEED.id;
    settings.item = '';
    writeSettings(settings);
    applyArticleSource();
  }
  feedSelect.value = settings.feed;
}

/** Lists the items of the chosen feed, read the way the element reads them. */
async function loadItems(): Promise<void> {
  const url = feedUrl(settings.feed) ?? SEED.url;
  let items: { value: string; label: string }[] = [];
  try {
    const absolute = new URL(url, location.href).href;
    const { articles } = readArticles(await (await fetch(absolute)).json(), absolute);
    items = articles.map((entry, index) => ({
      value: entry.id,
      label: entry.title
        ? entry.title.kind === 'html'
          ? textFromHtml(entry.title.value)
          : entry.title.value
        : `Item ${index + 1}`,
    }));
  } catch {
    // The article shows why the feed cannot be read; the item list stays empty.
  }
  itemSelect.replaceChildren(...items.map((entry) => new Option(entry.label, entry.value)));
  itemSelect.disabled = items.length < 2;
  itemSelect.value =
    settings.item && items.some((entry) => entry.value === settings.item) ? settings.item : (items[0]?.value ?? '');
}

// ---- The comment endpoint's behaviour (kept by the dev server; the address may name one). ----

async function setFailureMode(mode: string): Promise<void> {
  await fetch('/api/comments/failure-mode', { method: 'POST', body: JSON.stringify({ mode }) });
}

async function syncFailureMode(): Promise<void> {
  if (settings.endpoint) await setFailureMode(settings.endpoint);
  const current = (await (await fetch('/api/comments/failure-mode')).json()).mode as string;
  const radio = modes.querySelector<HTMLInputElement>(`input[value="${current}"]`);
  if (radio) radio.checked = true;
}

// ---- The event log: every event, newest first; a short summary for screen readers. ----

const shorten = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** What an event carries, as plain data. */
function eventDetail(event: Event): Record<string, unknown> {
  const target = event.target as Element;
  if (target instanceof HTMLElement && target.localName === 'news-article') {
    const element = target as NewsArticleElement;
    return {
      state: element.state,
      src: element.src ?? null,
      item: element.item ?? null,
      ...(event.type === 'error' && element.error
        ? { error: { code: element.error.code, message: element.error.message } }
        : {}),
      ...(event.type === 'load' && element.article ? { postId: element.article.postId ?? element.article.id } : {}),
    };
  }
  const detail: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === 'isTrusted') continue;
    if (key === 'submission' && value) {
      const { id, postId, parent, fields, attempts } = value as Record<string, unknown> & {
        fields: Record<string, string>;
      };
      detail.submission = {
        id,
        postId,
        parent,
        attempts,
        fields: { ...fields, content: shorten(fields.content ?? '') },
      };
    } else if (key === 'content' && typeof value === 'string') {
      detail.content = shorten(value);
    } else if (value !== undefined) {
      detail[key] = value;
    }
  }
  return detail;
}

const pending: string[] = [];
let summaryTimer: ReturnType<typeof setTimeout> | undefined;

function logEvent(event: Event): void {
  const target = event.target as Element;
  if (!(target instanceof HTMLElement) || !LOGGED_ELEMENTS.includes(target.localName)) return;
  const entry = document.createElement('li');
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString('en-GB');
  const type = document.createElement('code');
  type.className = 'event-type';
  type.textContent = event.type;
  const source = document.createElement('span');
  source.textContent = ` on <${target.localName}>`;
  const detail = document.createElement('pre');
  detail.className = 'event-detail';
  detail.textContent = JSON.stringify(eventDetail(event), null, 1);
  entry.append(time, ' ', type, source, detail);
  log.prepend(entry);
  while (log.children.length > MAX_LOG_ENTRIES) log.lastElementChild!.remove();

  // One short announcement once events stop arriving for a second, not one per event.
  pending.push(event.type);
  clearTimeout(summaryTimer);
  summaryTimer = setTimeout(() => {
    const count = pending.length;
    logSummary.textContent = `${count} new ${count === 1 ? 'event' : 'events'} in the log: ${[...new Set(pending)].join(', ')}.`;
    pending.length = 0;
  }, 1000);
}

for (const type of [...ARTICLE_EVENTS, ...FORM_EVENTS, ...LIST_EVENTS]) {
  // Capture: the article's and the list's events do not bubble, and the form may be replaced.
  stage.addEventListener(type, logEvent, { capture: true });
}
$<HTMLButtonElement>('#clear-log').addEventListener('click', () => {
  log.replaceChildren();
  logSummary.textContent = 'The log is empty.';
});

// ---- Wiring. ----

// Every setting applies as it changes; there is nothing to submit.
$<HTMLFormElement>('#settings').addEventListener('submit', (event) => event.preventDefault());

function changeSettings(change: Partial<Settings>): void {
  Object.assign(settings, change);
  writeSettings(settings);
}

feedSelect.addEventListener('change', () => {
  changeSettings({ feed: feedSelect.value, item: '' });
  applyArticleSource();
  void loadItems();
});
itemSelect.addEventListener('change', () => {
  changeSettings({ item: itemSelect.value });
  applyArticleSource();
});
langSelect.addEventListener('change', () => {
  changeSettings({ lang: langSelect.value });
  applyLanguage();
});
themeSelect.addEventListener('change', () => {
  changeSettings({ theme: themeSelect.value });
  applyTheme();
});
modes.addEventListener('change', (event) => {
  const mode = (event.target as HTMLInputElement).value;
  changeSettings({ endpoint: mode });
  void setFailureMode(mode);
});

applyTheme();
applyLanguage();
applyArticleSource();
// Until the list arrives, the picker names the feed on show.
if (settings.feed !== SEED.id) feedSelect.append(new Option(settings.feed, settings.feed));
feedSelect.value = settings.feed;
await Promise.all([loadFeedList().then(loadItems), syncFailureMode()]);
