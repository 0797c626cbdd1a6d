import { describe, expect, it } from 'vitest';
import type { CommentFields } from '../../../src/comment/comment.js';
import {
  COMMENT_LIMITS,
  normalizeCommentFields,
  normalizeWebsite,
  utf8ByteLength,
  validateComment,
} from '../../../src/comment/validate-comment.js';

const complete: CommentFields = { content: 'Great piece.', name: 'Olena', email: 'olena@example.com', url: '' };
const errorsFor = (changes: Partial<CommentFields>, identity: 'required' | 'optional' | 'hidden' = 'required') =>
  validateComment({ ...complete, ...changes }, identity);

describe('utf8ByteLength', () => {
  it('counts bytes as WordPress does, not characters', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('Київ')).toBe(8);
    expect(utf8ByteLength('😀')).toBe(4);
    expect('😀'.length).toBe(2);
  });
});

describe('validateComment', () => {
  it('accepts a complete comment', () => {
    expect(validateComment(complete, 'required')).toEqual({});
  });

  it('asks for a comment that is empty or only spaces and line breaks', () => {
    expect(errorsFor({ content: '' })).toEqual({ content: { code: 'required' } });
    expect(errorsFor({ content: '  \n\t ' })).toEqual({ content: { code: 'required' } });
  });

  it('asks for name and email when the site requires them', () => {
    expect(errorsFor({ name: ' ', email: '' })).toEqual({ name: { code: 'required' }, email: { code: 'required' } });
  });

  it('lets a reader leave name and email out when they are optional', () => {
    expect(errorsFor({ name: '', email: '' }, 'optional')).toEqual({});
  });

  it('lists errors in the order the fields appear: comment, name, email, website', () => {
    const errors = validateComment({ content: '', name: '', email: 'nope', url: 'not a site' }, 'required');
    expect(Object.keys(errors)).toEqual(['content', 'name', 'email', 'url']);
  });

  it.each(['reader@example.com', 'first.last+news@mail.example.co.uk', "o'brien@example.ie", 'a_b@sub-domain.example'])(
    'accepts the email %s',
    (email) => expect(errorsFor({ email })).toEqual({}),
  );

  it.each([
    'reader',
    'reader@example',
    'reader@@example.com',
    'reader @example.com',
    'reader@exam ple.com',
    'reader@-example.com',
    'reader@example-.com',
    'reader@example..com',
    'reader@.example.com',
    'a@b.c',
    // WordPress's is_email refuses non-ASCII addresses, so the server would too.
    'ivan@приклад.укр',
    'reader@example.com.',
  ])('tells the reader %s is not an email address', (email) => {
    expect(errorsFor({ email })).toEqual({ email: { code: 'email' } });
  });

  it('checks an optional email when one is given', () => {
    expect(errorsFor({ email: 'reader@example' }, 'optional')).toEqual({ email: { code: 'email' } });
  });

  it.each([
    'example.com',
    'www.example.com/blog',
    'https://example.com/about?me=1',
    'http://localhost:8080',
    'example.com:8080',
    'HTTPS://Example.com',
  ])('accepts the website %s', (url) => expect(errorsFor({ url })).toEqual({}));

  it.each([
    'mysite',
    'my site.com',
    'javascript:alert(1)',
    'mailto:olena@example.com',
    'olena@example.com',
    'ftp://example.com',
    'http://',
    'http://exa mple.com',
  ])('tells the reader %s is not a website', (url) => expect(errorsFor({ url })).toEqual({ url: { code: 'url' } }));

  it('accepts a name of 245 bytes and refuses 246, counting Cyrillic letters as 2 bytes', () => {
    const cyrillic = 'Ж'.repeat(122);
    expect(errorsFor({ name: `${cyrillic}a` })).toEqual({});
    expect(errorsFor({ name: `${cyrillic}Ж` })).toEqual({ name: { code: 'too-long', limit: 245 } });
    expect(`${cyrillic}Ж`.length).toBe(123);
  });

  it('refuses a comment of 65,526 bytes of emoji though it is only 32,764 characters long', () => {
    const emoji = '😀'.repeat(16381);
    expect(errorsFor({ content: `${emoji}a` })).toEqual({});
    expect(errorsFor({ content: `${emoji}ab` })).toEqual({
      content: { code: 'too-long', limit: COMMENT_LIMITS.content },
    });
    expect(`${emoji}ab`.length).toBe(32764);
  });

  it('refuses an email longer than 100 bytes', () => {
    expect(errorsFor({ email: `${'a'.repeat(88)}@example.com` })).toEqual({});
    expect(errorsFor({ email: `${'a'.repeat(89)}@example.com` })).toEqual({ email: { code: 'too-long', limit: 100 } });
  });

  it('counts the http:// WordPress adds to a bare domain against the 200-byte website limit', () => {
    const typed = `example.com/${'a'.repeat(181)}`;
    expect(typed.length).toBe(193);
    expect(errorsFor({ url: typed })).toEqual({});
    expect(errorsFor({ url: `${typed}a` })).toEqual({ url: { code: 'too-long', limit: 200 } });
    expect(errorsFor({ url: `https://${typed}` })).toEqual({ url: { code: 'too-long', limit: 200 } });
  });

  it('does not count the spaces around a field, which are not sent', () => {
    expect(errorsFor({ name: `  ${'n'.repeat(245)}  ` })).toEqual({});
  });

  it('checks only the comment of a signed-in reader, whose name and email the server knows', () => {
    expect(errorsFor({ name: '', email: 'not an email', url: 'not a site' }, 'hidden')).toEqual({});
    expect(errorsFor({ content: '', name: 'x'.repeat(300) }, 'hidden')).toEqual({ content: { code: 'required' } });
  });
});

describe('normalizeWebsite', () => {
  it('puts http:// before a bare domain as WordPress does', () => {
    expect(normalizeWebsite('example.com')).toBe('http://example.com');
    expect(normalizeWebsite(' example.com/blog ')).toBe('http://example.com/blog');
  });

  it('keeps an http or https address and an empty field as they are', () => {
    expect(normalizeWebsite('https://example.com')).toBe('https://example.com');
    expect(normalizeWebsite('HTTP://EXAMPLE.COM')).toBe('HTTP://EXAMPLE.COM');
    expect(normalizeWebsite('   ')).toBe('');
  });
});

describe('normalizeCommentFields', () => {
  it('sends the fields trimmed, with the website completed', () => {
    expect(
      normalizeCommentFields({
        content: '\n Hello \n',
        name: ' Olena ',
        email: ' olena@example.com',
        url: 'example.com ',
      }),
    ).toEqual({
      content: 'Hello',
      name: 'Olena',
      email: 'olena@example.com',
      url: 'http://example.com',
    });
  });

  it('sends no name, email or website for a signed-in reader, whose account the server knows', () => {
    expect(
      normalizeCommentFields(
        { content: ' Hello ', name: 'Olena', email: 'olena@example.com', url: 'example.com' },
        'hidden',
      ),
    ).toEqual({
      content: 'Hello',
      name: '',
      email: '',
      url: '',
    });
  });
});
