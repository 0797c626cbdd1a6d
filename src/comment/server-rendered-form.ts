/**
 * Reads a server-rendered comment form that a `<comment-form>` wraps (WordPress's
 * `comment_form()` markup, or any form with its field names): where it posts, the
 * post and parent it is for, which identity fields it asks for, and what the reader
 * typed into it before the script ran. A value the server printed (`defaultValue`,
 * such as the name WordPress fills in from its cookies) is not typed text.
 * Only pages whose `<comment-form>` wraps a form need it: the script-tag bundle loads
 * it as a chunk of its own, so it imports types only (a value import from the bundle
 * would load the bundle a second time where a page adds a query string to its URL).
 */
import type { CommentField, CommentFields, CommentIdentity } from './comment.js';

/** WordPress's names for the form's fields. */
export const WORDPRESS_FIELD_NAMES: Record<CommentField, string> = {
  content: 'comment',
  name: 'author',
  email: 'email',
  url: 'url',
};
const CONSENT_NAME = 'wp-comment-cookies-consent';
const FIELDS = Object.keys(WORDPRESS_FIELD_NAMES) as CommentField[];

/** The field the reader was in, and where the caret was. */
export interface FocusedField {
  field: CommentField | 'remember';
  selectionStart: number | null;
  selectionEnd: number | null;
  selectionDirection: 'forward' | 'backward' | 'none' | null;
}

export interface ServerRenderedForm {
  /** Where the form posts, resolved against the page. */
  action: string;
  /** True when it posts to WordPress's `wp-comments-post.php`. */
  postsToWordPress: boolean;
  /** `comment_post_ID`, when given. */
  postId?: string;
  /** `comment_parent`, when it is a reply (not 0). */
  parent?: string;
  /** `hidden` without name and email fields (WordPress's form for a signed-in reader); `optional` when they are not required. */
  identity: CommentIdentity;
  /** What the reader typed or changed: values that differ from what the server printed. */
  typed: Partial<CommentFields>;
  /** What the server printed into the fields (WordPress's comment cookies), when the reader left it. */
  prefilled: Partial<CommentFields>;
  /** The consent checkbox, when the reader ticked or unticked it. */
  remember?: boolean;
  /** The field with focus, when it is one of the form's. */
  focus?: FocusedField;
}

type TextControl = HTMLInputElement | HTMLTextAreaElement;

const control = (form: HTMLFormElement, name: string) =>
  form.querySelector<TextControl>(`input[name="${name}"], textarea[name="${name}"]`) ?? undefined;

/** Selection properties throw or are null on inputs without a caret (type=email in Chromium). */
function caretOf(element: TextControl): Omit<FocusedField, 'field'> {
  try {
    return {
      selectionStart: element.selectionStart,
      selectionEnd: element.selectionEnd,
      selectionDirection: element.selectionDirection,
    };
  } catch {
    return { selectionStart: null, selectionEnd: null, selectionDirection: null };
  }
}

/** Everything `<comment-form>` takes from the form, read at once (before the form is hidden). */
export function readServerRenderedForm(
  form: HTMLFormElement,
  activeElement: Element | null = document.activeElement,
): ServerRenderedForm {
  // getAttribute, not form.action: a field named "action" would shadow the property.
  const action = new URL(form.getAttribute('action') ?? '', form.baseURI).href;
  const hiddenValue = (name: string) => control(form, name)?.value.trim() || undefined;
  const parent = hiddenValue('comment_parent');
  const typed: Partial<CommentFields> = {};
  const prefilled: Partial<CommentFields> = {};
  let focus: FocusedField | undefined;
  for (const field of FIELDS) {
    const element = control(form, WORDPRESS_FIELD_NAMES[field]);
    if (!element) continue;
    if (element.value !== element.defaultValue) typed[field] = element.value;
    else if (element.defaultValue) prefilled[field] = element.defaultValue;
    if (element === activeElement) focus = { field, ...caretOf(element) };
  }
  const consent = form.querySelector<HTMLInputElement>(`input[name="${CONSENT_NAME}"]`);
  if (consent && consent === activeElement)
    focus = { field: 'remember', selectionStart: null, selectionEnd: null, selectionDirection: null };
  const name = control(form, WORDPRESS_FIELD_NAMES.name);
  const email = control(form, WORDPRESS_FIELD_NAMES.email);
  return {
    action,
    postsToWordPress: /\/wp-comments-post\.php$/.test(new URL(action).pathname),
    postId: hiddenValue('comment_post_ID'),
    parent: parent && parent !== '0' ? parent : undefined,
    identity: !name && !email ? 'hidden' : name?.required || email?.required ? 'required' : 'optional',
    typed,
    prefilled,
    remember: consent && consent.checked !== consent.defaultChecked ? consent.checked : undefined,
    focus,
  };
}

/** The REST API root WordPress prints in every page's head: `<link rel="https://api.w.org/" href="…">`. */
export function restApiRoot(document: Document): string | undefined {
  const link = document.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"][href]');
  return link?.href || undefined;
}

/**
 * WordPress's comments route under a REST API root: `https://site/wp-json/` gives
 * `https://site/wp-json/wp/v2/comments`; with plain permalinks the root is
 * `https://site/?rest_route=/` (or `/index.php?rest_route=/`) and the route goes into
 * `rest_route`, as WordPress's own `rest_url()` writes it.
 */
export function wordpressCommentsEndpoint(root: string): string {
  const url = new URL(root);
  const route = url.searchParams.get('rest_route');
  if (route !== null) {
    url.searchParams.set('rest_route', `${route.replace(/\/+$/, '')}/wp/v2/comments`);
  } else {
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/wp/v2/comments`;
  }
  return url.href;
}

/** What the element's own attributes say, which win over what the form says. */
export interface OwnSettings {
  endpoint: string | undefined;
  /** The `identity` attribute, when there is one. */
  identity: CommentIdentity | undefined;
  nonce: string | undefined;
  /** Whether comments to `endpoint` go through WordPress's REST API (the `protocol` attribute, else the endpoint's path). */
  postsToWordPressApi: (endpoint: string) => boolean;
}

/** The wrapped form, taken over: what it read, where it posts, whose identity it asks for. */
export interface TakeOver {
  read: ServerRenderedForm;
  endpoint: string;
  identity: CommentIdentity;
}

/**
 * Reads the form and decides whether the element can take it over. When it cannot
 * post (no endpoint; a signed-in reader's form without the nonce to post as them),
 * returns why, in words for the console.
 */
export function takeOverServerRenderedForm(form: HTMLFormElement, own: OwnSettings): TakeOver | string {
  const read = readServerRenderedForm(form);
  const root = read.postsToWordPress ? restApiRoot(document) : undefined;
  const endpoint = own.endpoint ?? (root ? wordpressCommentsEndpoint(root) : undefined);
  const identity = own.identity ?? read.identity;
  if (!endpoint) {
    return read.postsToWordPress
      ? 'no endpoint attribute, and no WordPress REST API link (<link rel="https://api.w.org/">) in the page'
      : 'no endpoint attribute';
  }
  if (identity === 'hidden' && !own.nonce && own.postsToWordPressApi(endpoint)) {
    return 'a signed-in reader’s form, and no nonce attribute to post as them';
  }
  return { read, endpoint, identity };
}
