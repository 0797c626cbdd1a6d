import { describe, expect, it } from 'vitest';
import { safeSrcset, safeUrl } from '../../../src/article/safe-url.js';

const BASE = 'https://news.example/2022/03/story/';

describe('safeUrl', () => {
  it('resolves relative links and images against the article URL', () => {
    expect(safeUrl('../photo.jpg', BASE, 'media')).toBe('https://news.example/2022/03/photo.jpg');
    expect(safeUrl('/about', BASE, 'link')).toBe('https://news.example/about');
    expect(safeUrl('//cdn.example/a.png', BASE, 'media')).toBe('https://cdn.example/a.png');
    expect(safeUrl('#comments', BASE)).toBe('https://news.example/2022/03/story/#comments');
  });

  it('keeps http, https, mailto and tel links', () => {
    expect(safeUrl('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeUrl('http://example.org')).toBe('http://example.org/');
    expect(safeUrl('mailto:editor@example.org')).toBe('mailto:editor@example.org');
    expect(safeUrl('tel:+15551234567')).toBe('tel:+15551234567');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
  ])('drops the link %j, with or without a base', (attack) => {
    expect(safeUrl(attack, undefined, 'link')).toBeUndefined();
    expect(safeUrl(attack, BASE, 'link')).toBeUndefined();
    expect(safeUrl(attack, BASE, 'media')).toBeUndefined();
  });

  it('allows data: image URLs for media only', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(safeUrl(png, undefined, 'media')).toBe(png);
    expect(safeUrl('data:image/svg+xml,%3Csvg%3E%3C/svg%3E', undefined, 'media')).toBe(
      'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
    );
    expect(safeUrl(png, undefined, 'link')).toBeUndefined();
    expect(safeUrl('data:image/x-icon;base64,AAAA', undefined, 'media')).toBeUndefined();
  });

  it('does not load mailto: or tel: as media', () => {
    expect(safeUrl('mailto:editor@example.org', BASE, 'media')).toBeUndefined();
    expect(safeUrl('tel:+15551234567', BASE, 'media')).toBeUndefined();
  });

  it('keeps a relative URL with no base only when it cannot carry a scheme', () => {
    expect(safeUrl('/about')).toBe('/about');
    expect(safeUrl('./photo.jpg', undefined, 'media')).toBe('./photo.jpg');
    expect(safeUrl('?page=2')).toBe('?page=2');
    expect(safeUrl('#top')).toBe('#top');
    expect(safeUrl('photo.jpg', undefined, 'media')).toBeUndefined();
    expect(safeUrl('/a\u0001b')).toBeUndefined();
  });

  it('drops values that are not URL strings', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.org/'], '', '   ']) {
      expect(safeUrl(value, BASE)).toBeUndefined();
    }
  });
});

describe('safeSrcset', () => {
  it('keeps each safe candidate, resolved, with its descriptor', () => {
    expect(safeSrcset('small.jpg 300w, /large.jpg 1024w', BASE)).toBe(
      'https://news.example/2022/03/story/small.jpg 300w, https://news.example/large.jpg 1024w',
    );
    expect(safeSrcset('https://cdn.example/a.jpg, https://cdn.example/b.jpg 2x')).toBe(
      'https://cdn.example/a.jpg, https://cdn.example/b.jpg 2x',
    );
  });

  it('keeps a URL with commas in it whole', () => {
    expect(
      safeSrcset('https://res.example/w_400,h_300/photo.jpg 400w,https://res.example/w_800,h_600/photo.jpg 800w'),
    ).toBe('https://res.example/w_400,h_300/photo.jpg 400w, https://res.example/w_800,h_600/photo.jpg 800w');
  });

  it('drops script and data candidates and keeps the rest', () => {
    expect(
      safeSrcset(
        'javascript:alert(1) 1x, https://cdn.example/a.jpg 2x, data:image/png;base64,AAAA 3x, vbscript:x 4x',
        BASE,
      ),
    ).toBe('https://cdn.example/a.jpg 2x');
  });

  it('gives nothing when no candidate is safe', () => {
    expect(safeSrcset('javascript:alert(1) 1x, data:text/html,x 2x', BASE)).toBeUndefined();
    expect(safeSrcset('  ,  ')).toBeUndefined();
    expect(safeSrcset(42)).toBeUndefined();
  });
});

describe('safeUrl with an unusable base', () => {
  it('keeps an absolute URL when the base is relative', () => {
    expect(safeUrl('https://a.example/x', '/feed.json')).toBe('https://a.example/x');
  });
});
