// The page (dist/web/wenfeng.html): drafts dropped or picked, each checked by the engine in a Web
// Worker, its report shown as `--format html` shows it; settings kept in the browser and exported as
// a .wenfengrc.json the CLI reads unchanged. Nothing leaves the page: its CSP allows no network.
import { DEFAULT_TIME_LIMIT, TIMEOUT_MESSAGE, timeLimitMs } from '../engine/timeout.js';
import { TEXT, type Words } from './page-text.js';

type Locale = 'zh' | 'en';
type Severity = 'off' | 'info' | 'warning' | 'error';
interface RuleInfo {
  id: string;
  defaultSeverity: Severity;
  description: { zh: string; en: string };
}
interface Settings {
  type: string;
  rules: Record<string, Severity>;
  phrases: string;
  phraseSeverity: Exclude<Severity, 'off'>;
}
interface Draft {
  name: string;
  bytes: Uint8Array;
  state: 'waiting' | 'checking' | 'done';
  reply?: { html: string; json: string; fixedText?: string; fixCount?: number; fatal: boolean; format: string | null };
  /** A one-line cause when the draft could not be checked (timeout, config). */
  failure?: string;
}

const STORE_KEY = 'wenfeng.settings.v1';
const LOCALE_KEY = 'wenfeng.locale';
const ACCEPT = ['.docx', '.pdf', '.txt', '.md', '.doc', '.wps', '.ofd'];

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
};

let locale: Locale = (localStorage.getItem(LOCALE_KEY) as Locale) === 'en' ? 'en' : 'zh';
let words: Words = TEXT[locale];
let rules: RuleInfo[] = [];
let settings: Settings = loadSettings();
const drafts: Draft[] = [];
let selected = -1;

function loadSettings(): Settings {
  const fallback: Settings = { type: '', rules: {}, phrases: '', phraseSeverity: 'warning' };
  try {
    return { ...fallback, ...(JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Partial<Settings>) };
  } catch {
    return fallback;
  }
}

function saveSettings(): void {
  localStorage.setItem(STORE_KEY, JSON.stringify(settings));
}

/** The settings as a config the CLI reads unchanged (.wenfengrc.json). */
export function configOf(s: Settings): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const changed = Object.fromEntries(Object.entries(s.rules).filter(([id, sev]) => rules.length === 0 || rules.find((r) => r.id === id)?.defaultSeverity !== sev));
  if (Object.keys(changed).length) config.rules = changed;
  if (s.type) config.overrides = [{ files: ['*'], type: s.type }];
  const phrases = s.phrases.split('\n').map((l) => l.trim()).filter(Boolean);
  if (phrases.length) config.phrases = [{ id: 'custom-phrases', severity: s.phraseSeverity, message: locale === 'en' ? 'a phrase on our own list' : '本单位列出的说法', match: phrases }];
  return config;
}

function settingsFromConfig(config: Record<string, unknown>): Settings {
  const next: Settings = { type: '', rules: {}, phrases: '', phraseSeverity: 'warning' };
  const ruleMap = (config.rules ?? {}) as Record<string, unknown>;
  for (const [id, v] of Object.entries(ruleMap)) next.rules[id] = (Array.isArray(v) ? v[0] : v) as Severity;
  const overrides = (config.overrides ?? []) as Array<{ files?: string[]; type?: string }>;
  next.type = overrides.find((o) => o.type)?.type ?? '';
  const phrases = (config.phrases ?? []) as Array<{ match?: string[] | string; severity?: Severity }>;
  next.phrases = phrases.flatMap((p) => (Array.isArray(p.match) ? p.match : p.match ? [p.match] : [])).join('\n');
  const sev = phrases[0]?.severity;
  if (sev && sev !== 'off') next.phraseSeverity = sev;
  return next;
}

// --- the engine worker -------------------------------------------------------------------------

let worker: Worker | undefined;
let ready: Promise<void> | undefined;
let nextId = 1;
const pending = new Map<number, (data: any) => void>();

function startWorker(): Promise<void> {
  const source = document.getElementById('wenfeng-engine')!.textContent ?? '';
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  worker = new Worker(url);
  ready = new Promise((resolve, reject) => {
    worker!.onmessage = (event: MessageEvent) => {
      const data = event.data;
      if (data.ready) {
        rules = data.rules;
        renderSettings();
        resolve();
        return;
      }
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    };
    worker!.onerror = (event) => reject(new Error(event.message));
  });
  return ready;
}

/** One request to the worker, ended (and the worker replaced) when it passes the draft's time limit. */
async function ask(kind: 'lint' | 'annotate', draft: Draft): Promise<any> {
  if (!worker) await startWorker();
  await ready;
  const id = nextId++;
  const ms = timeLimitMs(DEFAULT_TIME_LIMIT, draft.bytes.length, draft.name);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      worker?.terminate();
      worker = undefined;
      resolve({ id, ok: false, timeout: Math.round(ms / 1000) });
    }, ms);
    pending.set(id, (data) => {
      clearTimeout(timer);
      resolve(data);
    });
    worker!.postMessage({ id, kind, name: draft.name, bytes: draft.bytes, config: configOf(settings), locale });
  });
}

// --- checking drafts ---------------------------------------------------------------------------

let running = false;

async function checkAll(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (let i = 0; i < drafts.length; i++) {
      const draft = drafts[i]!;
      if (draft.state !== 'waiting') continue;
      draft.state = 'checking';
      renderList();
      const answer = await ask('lint', draft);
      draft.state = 'done';
      draft.reply = answer.ok ? answer.lint : undefined;
      draft.failure = answer.ok ? undefined : answer.timeout ? TIMEOUT_MESSAGE(answer.timeout)[locale] : answer.lines.join('；');
      if (selected < 0 || selected === i) show(i);
      renderList();
    }
  } finally {
    running = false;
  }
  document.body.dataset.idle = 'true';
}

function addFiles(files: FileList | File[]): void {
  const list = [...files];
  if (!list.length) return;
  document.body.dataset.idle = 'false';
  Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then((read) => {
    for (const r of read) drafts.push({ ...r, state: 'waiting' });
    renderList();
    void checkAll();
  });
}

function recheckAll(): void {
  if (!drafts.length) return;
  document.body.dataset.idle = 'false';
  for (const d of drafts) d.state = 'waiting';
  renderList();
  void checkAll();
}

// --- rendering ---------------------------------------------------------------------------------

function counts(d: Draft): string {
  if (d.failure) return d.failure;
  if (!d.reply) return d.state === 'checking' ? words.checking : words.waiting;
  const file = JSON.parse(d.reply.json).files[0];
  if (file.fatal) return `${words.error}  ${file.messages[0]?.message ?? ''}`;
  // Estimated counts say so here too (约), as everywhere else a page count is shown.
  const pages = file.pages ? words.pages(file.pages.count, file.pages.exact === true, file.docType?.pageLimit ?? null) : '';
  return `${pages} · ${words.counts(file.errorCount, file.warningCount, file.infoCount)}`;
}

function download(name: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Kept a minute: a loaded machine may start the download late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function renderList(): void {
  const list = $('files');
  list.replaceChildren(
    ...drafts.map((d, i) => {
      const cause = el('span', { className: 'cause' }, counts(d));
      const li = el('li', { className: `${i === selected ? 'selected ' : ''}${d.failure || d.reply?.fatal ? 'fatal' : ''}` }, el('button', { type: 'button', className: 'name', onclick: () => show(i) }, d.name), cause);
      li.dataset.name = d.name;
      li.dataset.state = d.failure || d.reply?.fatal ? 'fatal' : d.state;
      const actions = el('span', { className: 'actions' });
      if (d.reply) {
        actions.append(el('button', { type: 'button', className: 'json', onclick: () => download(`${d.name}.wenfeng.json`, d.reply!.json, 'application/json') }, words.json));
        if (d.reply.format === 'docx' && !d.reply.fatal) actions.append(el('button', { type: 'button', className: 'annotate', onclick: () => annotateDraft(d, li) }, words.annotate));
        if (d.reply.fixedText !== undefined) actions.append(el('button', { type: 'button', className: 'fixed', onclick: () => copyFixed(d, li) }, words.copyFixed(d.reply.fixCount ?? 0)));
      }
      li.append(actions);
      return li;
    }),
  );
  $('empty').hidden = drafts.length > 0;
}

async function annotateDraft(d: Draft, li: HTMLElement): Promise<void> {
  const answer = await ask('annotate', d);
  const note = li.querySelector('.note') ?? li.appendChild(el('div', { className: 'note' }));
  if (!answer.ok) {
    note.textContent = answer.timeout ? TIMEOUT_MESSAGE(answer.timeout)[locale] : answer.lines.join('；');
    return;
  }
  note.textContent = `wenfeng annotate: ${answer.annotate.message}`;
  if (answer.annotate.bytes) download(answer.annotate.output, answer.annotate.bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
}

async function copyFixed(d: Draft, li: HTMLElement): Promise<void> {
  const text = d.reply?.fixedText ?? '';
  const note = li.querySelector('.note') ?? li.appendChild(el('div', { className: 'note' }));
  try {
    await navigator.clipboard.writeText(text);
    note.textContent = words.copied;
  } catch {
    // Clipboard access can be refused on a file:// page: the text is offered as a download instead.
    download(d.name, text, 'text/plain;charset=utf-8');
    note.textContent = words.downloadedFixed;
  }
}

function show(i: number): void {
  selected = i;
  const d = drafts[i];
  const frame = $<HTMLIFrameElement>('report');
  frame.srcdoc = d?.reply?.html ?? '';
  frame.hidden = !d?.reply;
  for (const [j, li] of [...$('files').children].entries()) li.classList.toggle('selected', j === i);
}

function renderSettings(): void {
  const type = $<HTMLSelectElement>('doc-type');
  type.replaceChildren(...Object.entries(words.types).map(([id, label]) => el('option', { value: id, selected: id === settings.type }, label)));
  const table = $('rules');
  table.replaceChildren(
    ...rules.map((r) => {
      const select = el('select', { name: r.id, onchange: () => { settings.rules[r.id] = select.value as Severity; saveSettings(); } });
      const current = settings.rules[r.id] ?? r.defaultSeverity;
      select.append(...(['off', 'info', 'warning', 'error'] as const).map((s) => el('option', { value: s, selected: s === current }, words.severities[s])));
      return el('tr', {}, el('td', {}, el('code', {}, r.id)), el('td', {}, r.description[locale]), el('td', {}, select));
    }),
  );
  $<HTMLTextAreaElement>('phrases').value = settings.phrases;
  $<HTMLSelectElement>('phrase-severity').value = settings.phraseSeverity;
}

function renderWords(): void {
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  document.title = words.title;
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = (words as unknown as Record<string, string>)[node.dataset.t!] ?? '';
  $<HTMLButtonElement>('locale').textContent = locale === 'zh' ? 'English' : '中文';
  $<HTMLSelectElement>('phrase-severity').replaceChildren(...(['info', 'warning', 'error'] as const).map((s) => el('option', { value: s, selected: s === settings.phraseSeverity }, words.severities[s])));
  renderSettings();
  renderList();
}

// --- wiring ------------------------------------------------------------------------------------

const input = $<HTMLInputElement>('pick');
input.accept = ACCEPT.join(',');
input.addEventListener('change', () => {
  if (input.files) addFiles(input.files);
  input.value = '';
});
// A draft dropped anywhere on the page is checked; the browser would otherwise open it in place of the page.
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => {
  e.preventDefault();
  if (e.dataTransfer?.files && !zone.contains(e.target as Node)) addFiles(e.dataTransfer.files);
});
const zone = $('drop');
zone.addEventListener('dragover', (e) => {
  e.preventDefault();
  zone.classList.add('over');
});
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  if (e.dataTransfer?.files) addFiles(e.dataTransfer.files);
});
$('locale').addEventListener('click', () => {
  locale = locale === 'zh' ? 'en' : 'zh';
  localStorage.setItem(LOCALE_KEY, locale);
  words = TEXT[locale];
  renderWords();
  recheckAll();
});
$<HTMLSelectElement>('doc-type').addEventListener('change', (e) => {
  settings.type = (e.target as HTMLSelectElement).value;
  saveSettings();
});
$<HTMLTextAreaElement>('phrases').addEventListener('change', (e) => {
  settings.phrases = (e.target as HTMLTextAreaElement).value;
  saveSettings();
});
$<HTMLSelectElement>('phrase-severity').addEventListener('change', (e) => {
  settings.phraseSeverity = (e.target as HTMLSelectElement).value as Settings['phraseSeverity'];
  saveSettings();
});
$('apply').addEventListener('click', recheckAll);
$('export').addEventListener('click', () => download('.wenfengrc.json', `${JSON.stringify(configOf(settings), null, 2)}\n`, 'application/json'));
const importInput = $<HTMLInputElement>('import');
importInput.addEventListener('change', async () => {
  const file = importInput.files?.[0];
  importInput.value = '';
  if (!file) return;
  try {
    settings = settingsFromConfig(JSON.parse(await file.text()) as Record<string, unknown>);
    saveSettings();
    renderSettings();
    $('settings-note').textContent = '';
  } catch (error) {
    $('settings-note').textContent = `${file.name}: ${String((error as Error).message)}`;
  }
});

renderWords();
// The engine starts while the drafter looks for a file; the page itself is ready at once.
requestAnimationFrame(() => setTimeout(() => void startWorker(), 0));
